// Answer quality of the engine against two off-the-shelf baselines, on the shared scorer's metrics.
//   npm run bench:quality [-- --set tests/fixtures/qa-holdout.jsonl] [-- --all] [-- --seeds seeds]
// The engine answers as it would in the bot (abstention on); when it abstains its near misses still
// count for hit@k and MRR, as in `ask --jsonl` (src/format/answer-json.ts). MiniSearch and
// wink-bm25-text-search index exactly the engine's sentences and never abstain.
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { quoteOf, type Hit } from '../../src/core/answer.js';
import { buildIndex } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { readSeeds } from '../../src/core/ingest.js';
import { createNlp } from '../../src/core/nlp.js';
import type { Sentence } from '../../src/core/types.js';
import { readQa, scoreResults, type QaItem, type QaResult } from './metrics.js';

const SETS = { dev: 'tests/fixtures/qa-dev.jsonl', holdout: 'tests/fixtures/qa-holdout.jsonl', holdout2: 'tests/fixtures/qa-holdout2.jsonl', holdout3: 'tests/fixtures/qa-holdout3.jsonl', holdout4: 'tests/fixtures/qa-holdout4.jsonl', holdout5: 'tests/fixtures/qa-holdout5.jsonl', holdout6: 'tests/fixtures/qa-holdout6.jsonl', holdout7: 'tests/fixtures/qa-holdout7.jsonl', holdout8: 'tests/fixtures/qa-holdout8.jsonl', holdout9: 'tests/fixtures/qa-holdout9.jsonl', holdout10: 'tests/fixtures/qa-holdout10.jsonl', holdout11: 'tests/fixtures/qa-holdout11.jsonl', holdout12: 'tests/fixtures/qa-holdout12.jsonl', holdout13: 'tests/fixtures/qa-holdout13.jsonl', holdout14: 'tests/fixtures/qa-holdout14.jsonl', holdout15: 'tests/fixtures/qa-holdout15.jsonl', holdout16: 'tests/fixtures/qa-holdout16.jsonl', holdout17: 'tests/fixtures/qa-holdout17.jsonl', holdout18: 'tests/fixtures/qa-holdout18.jsonl', holdout19: 'tests/fixtures/qa-holdout19.jsonl', holdout20: 'tests/fixtures/qa-holdout20.jsonl', holdout21: 'tests/fixtures/qa-holdout21.jsonl', holdout22: 'tests/fixtures/qa-holdout22.jsonl', holdout23: 'tests/fixtures/qa-holdout23.jsonl', holdout24: 'tests/fixtures/qa-holdout24.jsonl', holdout25: 'tests/fixtures/qa-holdout25.jsonl', holdout26: 'tests/fixtures/qa-holdout26.jsonl', holdout27: 'tests/fixtures/qa-holdout27.jsonl', holdout28: 'tests/fixtures/qa-holdout28.jsonl', holdout29: 'tests/fixtures/qa-holdout29.jsonl', holdout30: 'tests/fixtures/qa-holdout30.jsonl', holdout31: 'tests/fixtures/qa-holdout31.jsonl', holdout32: 'tests/fixtures/qa-holdout32.jsonl', holdout33: 'tests/fixtures/qa-holdout33.jsonl', holdout34: 'tests/fixtures/qa-holdout34.jsonl', holdout35: 'tests/fixtures/qa-holdout35.jsonl', holdout36: 'tests/fixtures/qa-holdout36.jsonl', holdout37: 'tests/fixtures/qa-holdout37.jsonl', holdout38: 'tests/fixtures/qa-holdout38.jsonl', holdout39: 'tests/fixtures/qa-holdout39.jsonl', holdout40: 'tests/fixtures/qa-holdout40.jsonl', holdout41: 'tests/fixtures/qa-holdout41.jsonl', holdout42: 'tests/fixtures/qa-holdout42.jsonl', holdout43: 'tests/fixtures/qa-holdout43.jsonl', holdout44: 'tests/fixtures/qa-holdout44.jsonl', holdout45: 'tests/fixtures/qa-holdout45.jsonl', holdout46: 'tests/fixtures/qa-holdout46.jsonl', holdout47: 'tests/fixtures/qa-holdout47.jsonl', holdout48: 'tests/fixtures/qa-holdout48.jsonl', holdout49: 'tests/fixtures/qa-holdout49.jsonl', holdout50: 'tests/fixtures/qa-holdout50.jsonl', holdout51: 'tests/fixtures/qa-holdout51.jsonl', holdout52: 'tests/fixtures/qa-holdout52.jsonl', holdout53: 'tests/fixtures/qa-holdout53.jsonl', holdout54: 'tests/fixtures/qa-holdout54.jsonl', holdout55: 'tests/fixtures/qa-holdout55.jsonl', holdout56: 'tests/fixtures/qa-holdout56.jsonl', holdout57: 'tests/fixtures/qa-holdout57.jsonl', holdout58: 'tests/fixtures/qa-holdout58.jsonl', holdout59: 'tests/fixtures/qa-holdout59.jsonl', holdout60: 'tests/fixtures/qa-holdout60.jsonl', holdout61: 'tests/fixtures/qa-holdout61.jsonl', holdout62: 'tests/fixtures/qa-holdout62.jsonl', holdout64: 'tests/fixtures/qa-holdout64.jsonl', holdout65: 'tests/fixtures/qa-holdout65.jsonl', holdout66: 'tests/fixtures/qa-holdout66.jsonl', holdout67: 'tests/fixtures/qa-holdout67.jsonl', holdout68: 'tests/fixtures/qa-holdout68.jsonl', holdout69: 'tests/fixtures/qa-holdout69.jsonl', holdout70: 'tests/fixtures/qa-holdout70.jsonl', holdout63: 'tests/fixtures/qa-holdout63.jsonl', holdout72: 'tests/fixtures/qa-holdout72.jsonl', holdout73: 'tests/fixtures/qa-holdout73.jsonl', holdout74: 'tests/fixtures/qa-holdout74.jsonl', holdout75: 'tests/fixtures/qa-holdout75.jsonl', holdout76: 'tests/fixtures/qa-holdout76.jsonl', holdout77: 'tests/fixtures/qa-holdout77.jsonl', holdout78: 'tests/fixtures/qa-holdout78.jsonl', holdout79: 'tests/fixtures/qa-holdout79.jsonl', holdout80: 'tests/fixtures/qa-holdout80.jsonl', holdout81: 'tests/fixtures/qa-holdout81.jsonl', holdout82: 'tests/fixtures/qa-holdout82.jsonl', holdout83: 'tests/fixtures/qa-holdout83.jsonl', holdout84: 'tests/fixtures/qa-holdout84.jsonl', holdout71: 'tests/fixtures/qa-holdout71.jsonl' };
/** Answers per question: MRR@5 needs five. */
const K = 5;

const { values } = parseArgs({
  options: { set: { type: 'string', multiple: true }, all: { type: 'boolean' }, seeds: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('usage: npm run bench:quality -- [--set FILE.jsonl]... [--all] [--seeds DIR]');
  process.exit(0);
}
const setPaths = values.all ? Object.values(SETS) : values.set?.length ? values.set : [SETS.dev];
const seedsDir = values.seeds ?? 'seeds';

/** One retrieval system under test: a name and how it answers a question. */
interface System {
  name: string;
  buildMs: number;
  answer(question: string): QaResult;
}

const t0 = performance.now();

// --- Our engine, built in memory (no read or write of data/: others may be using it).
let t = performance.now();
const seeds = readSeeds(seedsDir);
const nlp = createNlp(seeds.glossary);
const data = buildIndex(seeds, nlp);
const engine = new Engine(data, nlp);
const engineBuildMs = performance.now() - t;
const sentences: Sentence[] = data.sentences;
const toAnswer = (s: Sentence) => ({ doc: s.doc, text: s.text });

const engineSystem: System = {
  name: 'engine',
  buildMs: engineBuildMs,
  answer(question) {
    const a = engine.ask(question, { k: K });
    // What the bot quotes: a sentence, with the one that goes on from it (hitToJson's text).
    const quote = (h: Hit) => ({ doc: h.sentence.doc, text: quoteOf(h) });
    if (a.kind === 'answered') return { abstained: false, answers: a.hits.map(quote) };
    return { abstained: true, answers: a.nearMisses.map(quote) };
  },
};

// --- MiniSearch, options as its README shows: one text field, prefix and fuzzy 0.2 by default.
t = performance.now();
const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], searchOptions: { prefix: true, fuzzy: 0.2 } });
mini.addAll(sentences.map((s) => ({ id: s.id, text: s.text })));
const miniSystem: System = {
  name: 'minisearch',
  buildMs: performance.now() - t,
  answer(question) {
    const found = mini.search(question).slice(0, K);
    return { abstained: false, answers: found.map((r) => toAnswer(sentences[r.id as number]!)) };
  },
};

// --- wink-bm25-text-search with the prep task of its README (wink-nlp tokens: words, no stop words, stem, `!` on negation).
interface WinkBm25 {
  defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number } }): boolean;
  definePrepTasks(tasks: Array<(input: string) => string[]>, field?: string): number;
  addDoc(doc: Record<string, string>, id: number): number;
  consolidate(fp?: number): boolean;
  search(text: string, limit?: number): Array<[number, number]>;
}
const require = createRequire(import.meta.url);
const bm25Factory = require('wink-bm25-text-search') as () => WinkBm25;
t = performance.now();
const plainNlp = winkNLP(model);
const its = plainNlp.its;
const prepTask = (text: string): string[] => {
  const tokens: string[] = [];
  plainNlp
    .readDoc(text)
    .tokens()
    .filter((tk) => tk.out(its.type) === 'word' && !tk.out(its.stopWordFlag))
    .each((tk: ItemToken) => {
      // its.stem is typed with the model's addons, which wink's own typings do not line up with.
      const stem = (tk as unknown as { out(f: unknown): string }).out(its.stem);
      tokens.push(tk.out(its.negationFlag) ? '!' + stem : stem);
    });
  return tokens;
};
const bm25 = bm25Factory();
bm25.defineConfig({ fldWeights: { text: 1 } });
bm25.definePrepTasks([prepTask]);
sentences.forEach((s) => bm25.addDoc({ text: s.text }, s.id));
bm25.consolidate();
const bm25System: System = {
  name: 'wink-bm25',
  buildMs: performance.now() - t,
  answer(question) {
    return { abstained: false, answers: bm25.search(question, K).map(([id]) => toAnswer(sentences[id]!)) };
  },
};

// The same engine forced to answer: same ranking, so the same hit@k; shows what abstention buys in reply accuracy.
const engineNoAbstain: System = {
  name: 'engine (no abstain)',
  buildMs: engineBuildMs,
  answer(question) {
    const a = engine.ask(question, { k: K, noAbstain: true });
    return { abstained: false, answers: a.kind === 'answered' ? a.hits.map((h) => toAnswer(h.sentence)) : [] };
  },
};

const systems = [engineSystem, engineNoAbstain, miniSystem, bm25System];

// --- Score every set with every system.
type Scores = ReturnType<typeof scoreResults>;
const pct = (v: number | null) => (v === null ? '   n/a' : `${(100 * v).toFixed(1).padStart(5)}%`);
const round = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000);
const figures: Record<string, unknown> = {
  corpus: { documents: data.documents.length, sentences: sentences.length, seeds: seedsDir },
  k: K,
  buildMs: Object.fromEntries(systems.filter((s) => s !== engineNoAbstain).map((s) => [s.name, Math.round(s.buildMs)])),
  sets: {} as Record<string, unknown>,
};

for (const path of setPaths) {
  const items: QaItem[] = readQa(path);
  const name = basename(path).replace(/\.jsonl$/, '');
  const scores = new Map<string, Scores>();
  const queryMs = new Map<string, number>();
  for (const system of systems) {
    const start = performance.now();
    const results = items.map((item) => system.answer(item.question));
    queryMs.set(system.name, (performance.now() - start) / Math.max(1, items.length));
    scores.set(system.name, scoreResults(items, results));
  }
  const answerable = items.filter((i) => i.answerable).length;
  console.log(`\n== ${name}: ${items.length} questions (${answerable} answerable, ${items.length - answerable} unanswerable) over ${sentences.length} sentences of ${data.documents.length} documents`);
  const header = ['system', 'hit@1', 'hit@3', 'MRR@5', 'abstain recall', 'false-abstain', 'reply accuracy', 'ms/query'];
  const rows = systems.map((s) => {
    const r = scores.get(s.name)!;
    return [s.name, pct(r.hit1), pct(r.hit3), `${r.mrr5.toFixed(3)}`, pct(r.abstainRecall), pct(r.falseAbstain), pct(r.replyAccuracy), queryMs.get(s.name)!.toFixed(2)];
  });
  printTable(header, rows);

  const kinds = [...new Set(items.filter((i) => i.answerable).map((i) => i.kind))].sort();
  console.log(`\nhit@1 per kind (${name}; n = answerable questions of that kind)`);
  const kindHeader = ['system', ...kinds.map((k) => `${k} (${items.filter((i) => i.answerable && i.kind === k).length})`)];
  printTable(kindHeader, systems.map((s) => {
    const by = scores.get(s.name)!.byKind;
    return [s.name, ...kinds.map((k) => pct(by[k] ? by[k].hit1 / by[k].n : null))];
  }));

  (figures.sets as Record<string, unknown>)[name] = {
    path,
    questions: items.length,
    answerable,
    systems: Object.fromEntries(systems.map((s) => {
      const r = scores.get(s.name)!;
      return [s.name, {
        hit1: round(r.hit1), hit3: round(r.hit3), mrr5: round(r.mrr5), abstainRecall: round(r.abstainRecall),
        falseAbstain: round(r.falseAbstain), replyAccuracy: round(r.replyAccuracy),
        hit1ByKind: Object.fromEntries(Object.entries(r.byKind).map(([k, v]) => [k, { n: v.n, hit1: v.hit1, rate: round(v.hit1 / v.n) }])),
        msPerQuery: Math.round(queryMs.get(s.name)! * 100) / 100,
      }];
    })),
  };
}

figures.totalMs = Math.round(performance.now() - t0);
console.log(`\nbuild: ${systems.filter((s) => s !== engineNoAbstain).map((s) => `${s.name} ${s.buildMs.toFixed(0)} ms`).join(', ')} (engine includes reading seeds and loading wink; wink-bm25 includes loading its own wink instance)`);
console.log('engine abstains as in the bot; its hit@k and MRR also count its near misses. Baselines never abstain (an empty result counts as abstaining).');
console.log(`figures: ${JSON.stringify(figures)}`);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}
