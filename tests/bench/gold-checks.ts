/**
 * Which answer check each answerable question's gold sentence fails (it should fail none):
 * a check that declines a gold is a check that is wrong. "unindexed" golds are page chrome.
 * Usage: npx tsx tests/bench/gold-checks.ts [--quiet | --ids] tests/fixtures/qa-dev.jsonl [more sets…]
 * --ids prints each failing question's id and check but not its text: for the blind sets, whose questions stay unread.
 */
import { AnswerChecker, queryChecks } from '../../src/core/constraints.js';
import { Engine } from '../../src/core/engine.js';
import { loadIndex } from '../../src/store/index-store.js';
import { readQa } from './metrics.js';

const loaded = await loadIndex('seeds', 'data');
const engine = new Engine(loaded.data, loaded.nlp);
const checker = new AnswerChecker(engine.index, engine.nlp);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const quiet = process.argv.includes('--quiet');
const idsOnly = process.argv.includes('--ids');
const tally: Record<string, number> = {};
let answerable = 0;
for (const file of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  for (const item of readQa(file)) {
    if (!item.answerable) continue;
    answerable++;
    const { query } = engine.rank(item.question);
    const checks = queryChecks(query, engine.index, engine.nlp);
    const fails = item.gold.map((g) => {
      const s = loaded.data.sentences.find((x) => x.doc === g.doc && norm(x.text).includes(norm(g.text).slice(0, 50)));
      return s ? (checker.failure(s.id, checks) ?? 'ok') : 'unindexed';
    });
    if (fails.some((f) => f === 'ok')) continue;
    tally[fails[0]!] = (tally[fails[0]!] ?? 0) + 1;
    if (!quiet) console.log(idsOnly ? `${item.id}\t${fails.join(',')}` : `${item.id}\t${fails.join(',')}\t${item.question}`);
  }
}
console.log(`${answerable} answerable; golds failing a check: ${JSON.stringify(tally)}`);
