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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, results: { type: 'string', short: 'k' }, 'no-abstain': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return (console.log(USAGE), 0);
  const config = loadConfig(readEnvironment());
  const loaded = await loadIndex(config.seedsDir, config.dataDir);
  for (const w of loaded.warnings) console.error(`warning: ${w}`);
  const engine = new Engine(loaded.data, loaded.nlp);
  const options = { k: Number(values.results ?? 3), noAbstain: values['no-abstain'] ?? false };
  if (values.jsonl) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.trim()) continue;
      let item: { id?: unknown; question?: unknown };
      try {
        item = JSON.parse(line) as typeof item;
      } catch {
        console.error(`warning: skipped a line that is not JSON: ${line.slice(0, 80)}`);
        continue;
      }
      const id = String(item.id ?? '');
      process.stdout.write(JSON.stringify(answerToJson(id, engine.ask(String(item.question ?? ''), options))) + '\n');
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
