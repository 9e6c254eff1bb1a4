// Prints the questions of a set that the engine gets wrong: first answer against gold. A tuning aid.
//   npx tsx tests/bench/misses.ts [tests/fixtures/qa-dev.jsonl]
import { Engine } from '../../src/core/engine.js';
import { loadIndex } from '../../src/store/index-store.js';
import { abstainFeatures, questionTopic } from '../../src/core/abstain.js';
import { parseQuestion } from '../../src/core/question.js';
import { rankSentences } from '../../src/core/rank.js';
import { firstHitRank, readQa } from './metrics.js';
import { quoteOf } from '../../src/core/answer.js';

const items = readQa(process.argv[2] ?? 'tests/fixtures/qa-dev.jsonl');
const loaded = await loadIndex('seeds', 'data');
const engine = new Engine(loaded.data, loaded.nlp);
for (const item of items) {
  const answer = engine.ask(item.question, { k: 5 });
  const hits = answer.kind === 'answered' ? answer.hits : answer.nearMisses;
  const rank = firstHitRank(item, { abstained: false, answers: hits.map((h) => ({ doc: h.sentence.doc, text: quoteOf(h) })) });
  const f = abstainFeatures(rankSentences(engine.index, parseQuestion(item.question, engine.index, engine.nlp), 5), questionTopic(parseQuestion(item.question, engine.index, engine.nlp), engine.index, engine.nlp));
  const fs = Object.values(f).map((v) => v.toFixed(2)).join(' ');
  const abst = answer.kind === 'no-answer';
  const wrong = item.answerable ? rank !== 1 || abst : !abst;
  if (!wrong && !process.argv.includes('--all')) continue;
  console.log(`${wrong ? 'XX' : 'ok'} ${item.id} [${item.kind}] rank=${rank} ${abst ? 'ABSTAINED' : ''} f=${fs} intent=${answer.query.intent}\n  Q: ${item.question}\n  terms: ${answer.query.terms.map((t) => `${t.term}${t.id === undefined ? '?' : ''}:${t.weight}`).join(' ')}`);
  hits.slice(0, 2).forEach((h, i) => console.log(`  ${i + 1}. (${h.score}) ${quoteOf(h).slice(0, 150)}`));
  if (item.gold[0]) console.log(`  G: ${item.gold[0].text.slice(0, 150)}`);
}
