import { runCli } from './run-cli.js';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../config.js';
import { Engine } from '../core/engine.js';
import { answerToJson } from '../format/answer-json.js';
import { answerToText } from '../format/answer-text.js';
import { loadIndex } from '../store/index-store.js';

const USAGE = `usage: npm run ask -- [options] "question"
  --json            one question, answer as JSON
  --jsonl           read {"id","question"} lines on stdin, write one answer line each
  -k, --results N   how many sentences (1-10, default 3)
  --no-abstain      always return the best sentences`;

/** One `--jsonl` line as a question with its id, or why it cannot be one. */
function readItem(line: string): { id: string; question: string } | string {
  let item: unknown;
  try {
    item = JSON.parse(line);
  } catch {
    return `not JSON: ${line.slice(0, 80)}`;
  }
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'not an object with "id" and "question"';
  const { id, question } = item as { id?: unknown; question?: unknown };
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return '"id" must be a string (or a number)';
  if (typeof question !== 'string') return `"question" must be a string (id ${JSON.stringify(id)})`;
  return { id: String(id), question };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, results: { type: 'string', short: 'k' }, 'no-abstain': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    // An unknown option, or -k without its value: what is wrong, then the usage, as for any other misuse (not Node's advice alone).
    return (console.error(`ask: ${(err as Error).message.split('\n')[0]}\n${USAGE}`), 2);
  }
  const { values, positionals } = parsed;
  if (values.help) return (console.log(USAGE), 0);
  // Checked before the index is loaded (or rebuilt): a misuse costs nothing.
  const k = values.results === undefined ? 3 : Number(values.results);
  if (!Number.isInteger(k) || k < 1 || k > 10) return (console.error(`ask: --results must be a whole number from 1 to 10 (got "${values.results}")\n${USAGE}`), 2);
  if (values.json && values.jsonl) return (console.error(`ask: --json (one question) and --jsonl (questions on stdin) do not go together\n${USAGE}`), 2);
  if (values.jsonl && positionals.length > 0) return (console.error(`ask: --jsonl reads its questions from stdin, not from the command line\n${USAGE}`), 2);
  const config = loadConfig(readEnvironment());
  const loaded = await loadIndex(config.seedsDir, config.dataDir);
  for (const w of loaded.warnings) console.error(`warning: ${w}`);
  const engine = new Engine(loaded.data, loaded.nlp);
  const options = { k, noAbstain: values['no-abstain'] ?? false };
  if (values.jsonl) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const raw of rl) {
      lineNumber++;
      // A byte-order mark before the first line is no part of its JSON.
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      const item = readItem(line);
      if (typeof item === 'string') {
        console.error(`warning: line ${lineNumber} skipped: ${item}`);
        continue;
      }
      process.stdout.write(JSON.stringify(answerToJson(item.id, engine.ask(item.question, options))) + '\n');
    }
    return 0;
  }
  const question = positionals.join(' ').trim();
  if (!question) return (console.error(USAGE), 2);
  const answer = engine.ask(question, options);
  console.log(values.json ? JSON.stringify(answerToJson('1', answer), null, 2) : answerToText(answer));
  return 0;
}

runCli('ask', main);
