// Scores the engine on the question sets in-process with parameter overrides: a tuning aid.
//   npx tsx tests/bench/tune.ts '{"rank":{"k1":1.5},"query":{"synonym":0}}'
import { Engine } from '../../src/core/engine.js';
import { defaultQueryParams } from '../../src/core/question.js';
import { defaultRankParams } from '../../src/core/rank.js';
import { loadIndex } from '../../src/store/index-store.js';
import { readQa, scoreResults } from './metrics.js';
import { quoteOf } from '../../src/core/answer.js';

const loaded = await loadIndex('seeds', 'data');
// TUNE_SETS=dev,holdout9 picks others (names after qa-).
const sets = (process.env.TUNE_SETS?.split(',') ?? ['dev', 'holdout', 'holdout2', 'holdout3']).map((s) => `tests/fixtures/qa-${s}.jsonl`);
for (const arg of process.argv.slice(2).length ? process.argv.slice(2) : ['{}']) {
  const o = JSON.parse(arg) as { rank?: object; query?: object };
  const engine = new Engine(loaded.data, loaded.nlp, { ...defaultRankParams, ...o.rank }, { ...defaultQueryParams, ...o.query });
  const line = sets.map((set) => {
    const items = readQa(set);
    const m = scoreResults(items, items.map((q) => {
      const a = engine.ask(q.question, { k: 5 });
      const hits = a.kind === 'answered' ? a.hits : a.nearMisses;
      return { abstained: a.kind === 'no-answer', answers: hits.map((h) => ({ doc: h.sentence.doc, text: quoteOf(h) })) };
    }));
    return `${set.slice(18, -6)} h1=${m.hit1.toFixed(3)} h3=${m.hit3.toFixed(3)} mrr=${m.mrr5.toFixed(3)} ar=${m.abstainRecall?.toFixed(2)} fa=${m.falseAbstain.toFixed(2)} acc=${m.replyAccuracy.toFixed(3)}`;
  });
  console.log(arg.padEnd(50), line.join(' | '));
}
