/**
 * Chat around a question: the answerable questions of the given sets, plain and wrapped the way
 * people type in Discord ("hey bot, quick question: …", "… lol", "… thanks!"). Prints, per
 * wrapping, how many are declined and how many keep the right sentence first.
 * Usage: npx tsx tests/bench/chat.ts tests/fixtures/qa-dev.jsonl [more sets…]
 */
import { Engine } from '../../src/core/engine.js';
import { loadIndex } from '../../src/store/index-store.js';
import { firstHitRank, readQa } from './metrics.js';
import { quoteOf } from '../../src/core/answer.js';

const WRAPS: Array<[string, (q: string) => string]> = [
  ['plain', (q) => q],
  ['… lol', (q) => `${q} lol`],
  ['hey bot, quick question: …', (q) => `hey bot, quick question: ${q}`],
  ['… thanks!', (q) => `${q} thanks!`],
  ['… tbh idk', (q) => `${q} tbh idk`],
  ['hi there, … thx', (q) => `hi there, ${q} thx`],
];

const loaded = await loadIndex('seeds', 'data');
const engine = new Engine(loaded.data, loaded.nlp);
const counts = WRAPS.map(() => ({ declined: 0, first: 0, n: 0 }));
for (const file of process.argv.slice(2)) for (const item of readQa(file)) {
  if (!item.answerable) continue;
  WRAPS.forEach(([, wrap], i) => {
    const c = counts[i]!;
    c.n++;
    const a = engine.ask(wrap(item.question), { k: 5 });
    if (a.kind !== 'answered') return void c.declined++;
    if (firstHitRank(item, { abstained: false, answers: a.hits.map((h) => ({ doc: h.sentence.doc, text: quoteOf(h) })) }) === 1) c.first++;
  });
}
for (const [i, [label]] of WRAPS.entries()) {
  const c = counts[i]!;
  console.log(`${label.padEnd(28)} declined ${c.declined}/${c.n}, right first ${c.first}/${c.n}`);
}
