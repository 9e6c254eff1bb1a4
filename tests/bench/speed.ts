// Speed and memory of the engine: on the seed corpus, then on a generated corpus of N documents.
//   npm run bench:speed [-- --docs 10000] [-- --max-build-seconds 240] [-- --keep]
// The npm script runs `node --expose-gc --import tsx` so heap figures are taken after a full GC.
// Everything is written under a temporary folder (removed at the end unless --keep): data/ is never touched.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { buildIndex, type IndexData } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { GLOSSARY_FILE, readSeeds, type SeedSet } from '../../src/core/ingest.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import { parseQuestion } from '../../src/core/question.js';
import { correctSpelling } from '../../src/core/spelling-correction.js';
import { INDEX_FILE, loadIndex, saveIndex } from '../../src/store/index-store.js';
import { readQa } from './metrics.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    seeds: { type: 'string' },
    'max-build-seconds': { type: 'string' },
    'baseline-budget-seconds': { type: 'string' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('usage: npm run bench:speed -- [--docs N (default 10000)] [--max-build-seconds S (default 240)] [--seeds DIR] [--keep]');
  process.exit(0);
}
const DOCS = Math.max(1, Math.floor(Number(values.docs ?? 10000)));
const MAX_BUILD_MS = 1000 * Math.max(1, Number(values['max-build-seconds'] ?? 240));
/** Time allowed to each MiniSearch latency run on the generated corpus (the engine always runs its 500). */
const BASELINE_BUDGET_MS = 1000 * Math.max(1, Number(values['baseline-budget-seconds'] ?? 90));
const seedsDir = resolve(values.seeds ?? 'seeds');
const SEED_QUERIES = 2000;
const GEN_QUERIES = 500;
const STARTUP_RUNS = 5;

const gc = (globalThis as { gc?: () => void }).gc;
const fullGc = () => {
  gc?.();
  gc?.();
};
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const ms = (v: number) => Math.round(v * 10) / 10;
const now = () => performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Nearest-rank percentile. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const time = <T>(f: () => T): [T, number] => {
  const t = now();
  const v = f();
  return [v, now() - t];
};
const timeAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = now();
  const v = await f();
  return [v, now() - t];
};
const log = (s = '') => console.log(s);
const progress = (s: string) => process.stderr.write(`[speed] ${s}\n`);

/**
 * Latency of each query in ms (p50, p90, p99, max, mean) after `warmup` queries, cycling through
 * the questions until `total` are timed or `budgetMs` is spent (then `truncated` says so).
 */
function latency(questions: string[], total: number, ask: (q: string) => unknown, warmup = questions.length, budgetMs = Infinity) {
  for (let i = 0; i < warmup; i++) ask(questions[i % questions.length]!);
  const times: number[] = [];
  const start = now();
  for (let i = 0; times.length < total && now() - start < budgetMs; i++) {
    const q = questions[i % questions.length]!;
    const t = now();
    ask(q);
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  const sum = times.reduce((a, b) => a + b, 0);
  return {
    queries: times.length, truncated: times.length < total, warmup,
    p50: ms3(percentile(times, 50)), p90: ms3(percentile(times, 90)), p99: ms3(percentile(times, 99)), max: ms3(times[times.length - 1]!), mean: ms3(sum / times.length),
  };
}
function ms3(v: number) {
  return Math.round(v * 1000) / 1000;
}

const tmpRoot = mkdtempSync(join(tmpdir(), 'bench-speed-'));
const figures: Record<string, Record<string, unknown>> = { env: { node: process.version, gcExposed: gc !== undefined, tmp: tmpRoot }, seed: {}, generated: {} };
const questions = [...readQa('tests/fixtures/qa-dev.jsonl'), ...readQa('tests/fixtures/qa-holdout.jsonl')].map((q) => q.question);
const tStart = now();

try {
  // ============================ 1. Seed corpus ============================
  progress('seed corpus');
  const [seeds, readMs] = time(() => readSeeds(seedsDir));
  const [nlp, nlpMs] = time(() => createNlp(seeds.glossary));
  const builds: number[] = [];
  for (let i = 0; i < 3; i++) builds.push(time(() => buildIndex(readSeeds(seedsDir), nlp))[1]);
  fullGc();
  const before = process.memoryUsage();
  const [built, buildOnceMs] = time(() => buildIndex(readSeeds(seedsDir), nlp));
  const afterRaw = process.memoryUsage();
  fullGc();
  const afterGc = process.memoryUsage();
  const seedSentences = built.sentences.length;

  const seedDataDir = join(tmpRoot, 'seed-data');
  const [forced, forcedMs] = await timeAsync(() => loadIndex(seedsDir, seedDataDir, { force: true }));
  const indexPath = join(seedDataDir, INDEX_FILE);
  const storedBytes = statSync(indexPath).size;
  const compactBytes = Buffer.byteLength(JSON.stringify(forced.data));

  const loads: number[] = [];
  let engine: Engine | undefined;
  let engineMs = 0;
  for (let i = 0; i < 3; i++) {
    const t = now();
    const loaded = await loadIndex(seedsDir, seedDataDir);
    if (loaded.rebuilt) throw new Error(`expected the stored index to be loaded, but it was rebuilt (${loaded.rebuilt})`);
    const te = now();
    engine = new Engine(loaded.data, loaded.nlp);
    engineMs = now() - te;
    loads.push(now() - t);
  }
  const [, parseMs] = time(() => JSON.parse(readFileSync(indexPath, 'utf8')) as unknown);
  const [, firstQueryMs] = time(() => engine!.ask(questions[0]!));
  const [, spellIndexMs] = time(() => correctSpelling('zzzzzzzzzq', engine!.index));
  const seedLatency = latency(questions, SEED_QUERIES, (q) => engine!.ask(q));

  progress('time to first answer (spawned processes)');
  const env = { ...process.env, DATA_DIR: seedDataDir, SEEDS_DIR: seedsDir };
  const emptyScript = join(tmpRoot, 'empty.ts');
  writeFileSync(emptyScript, 'export {};\n');
  const spawnTimed = (args: string[]) => {
    const t = now();
    const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    const elapsed = now() - t;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return { elapsed, stdout: r.stdout };
  };
  const askArgs = ['--import', 'tsx', 'src/cli/ask.ts', questions[0]!];
  const warm = spawnTimed(askArgs); // fills tsx's transform cache
  const startups: number[] = [];
  let askOut = warm.stdout;
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const r = spawnTimed(askArgs);
    startups.push(r.elapsed);
    askOut = r.stdout;
  }
  const bare: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) bare.push(spawnTimed(['--import', 'tsx', emptyScript]).elapsed);
  if (askOut.trim() === '') throw new Error('ask printed nothing');

  figures.seed = {
    documents: built.documents.length,
    sentences: seedSentences,
    textBytes: seeds.files.reduce((a, f) => a + f.bytes, 0),
    readSeedsMs: ms(readMs),
    createNlpMs: ms(nlpMs),
    buildMsMedian3: ms(median(builds)),
    buildMsRuns: builds.map(ms),
    buildHeapDeltaMB: mb(afterRaw.heapUsed - before.heapUsed),
    buildHeapRetainedMB: mb(afterGc.heapUsed - before.heapUsed),
    rssAfterBuildMB: mb(afterRaw.rss),
    buildOnceMs: ms(buildOnceMs),
    rebuildAndStoreMs: ms(forcedMs),
    storedBytes,
    storedCompactBytes: compactBytes,
    loadMsMedian3: ms(median(loads)),
    loadMsRuns: loads.map(ms),
    engineConstructMs: ms(engineMs),
    jsonParseMs: ms(parseMs),
    firstQueryMs: ms(firstQueryMs),
    spellIndexBuildMs: ms(spellIndexMs),
    query: seedLatency,
    firstAnswerProcessMsMedian: ms(median(startups)),
    firstAnswerProcessMsRuns: startups.map(ms),
    firstAnswerWarmupRunMs: ms(warm.elapsed),
    bareNodeTsxMsMedian: ms(median(bare)),
    firstAnswerCommand: `node --import tsx src/cli/ask.ts "<question>" (DATA_DIR = stored index)`,
  };

  // ============================ 2. Generated corpus ============================
  progress(`generating ${DOCS} documents`);
  const genSeedsDir = join(tmpRoot, 'gen-seeds');
  const genDataDir = join(tmpRoot, 'gen-data');
  mkdirSync(genSeedsDir, { recursive: true });
  if (existsSync(join(seedsDir, GLOSSARY_FILE))) copyFileSync(join(seedsDir, GLOSSARY_FILE), join(genSeedsDir, GLOSSARY_FILE));
  const [genStats, genMs] = time(() => generateCorpus(built.sentences.filter((s) => s.kind === 'article').map((s) => s.text), DOCS, genSeedsDir));
  const [genSeeds, genReadMs] = time(() => readSeeds(genSeedsDir));
  const subset = (n: number): SeedSet => ({ ...genSeeds, files: genSeeds.files.slice(0, n) });

  // Pilot builds on a prefix to project the full build time; build only what fits the budget.
  progress('pilot builds');
  const pilots: Array<{ docs: number; ms: number }> = [];
  for (const n of [Math.min(DOCS, 200), Math.min(DOCS, 800)]) {
    if (pilots.some((p) => p.docs === n)) continue;
    const [, t] = time(() => buildIndex(subset(n), nlp));
    pilots.push({ docs: n, ms: t });
  }
  const last = pilots[pilots.length - 1]!;
  const first = pilots[0]!;
  const exponent = pilots.length > 1 ? Math.max(1, Math.log(last.ms / first.ms) / Math.log(last.docs / first.docs)) : 1;
  const projectedMs = last.ms * Math.pow(DOCS / last.docs, exponent);
  let buildDocs = DOCS;
  let cappedNote: string | undefined;
  if (projectedMs > MAX_BUILD_MS) {
    buildDocs = Math.max(last.docs, Math.floor(last.docs * Math.pow((0.8 * MAX_BUILD_MS) / last.ms, 1 / exponent)));
    buildDocs = Math.min(DOCS, buildDocs);
    cappedNote = `building ${DOCS} documents was projected at ${(projectedMs / 1000).toFixed(0)} s (pilot ${last.docs} docs in ${(last.ms / 1000).toFixed(1)} s, growth exponent ${exponent.toFixed(2)}), over the ${MAX_BUILD_MS / 1000} s budget: measured on the first ${buildDocs} documents instead`;
    progress(cappedNote);
  }
  const buildSet = subset(buildDocs);
  const buildBytes = buildSet.files.reduce((a, f) => a + f.bytes, 0);

  progress(`building ${buildDocs} documents (projected ${(projectedMs * (buildDocs / DOCS) ** exponent / 1000).toFixed(0)} s)`);
  fullGc();
  const gBefore = process.memoryUsage();
  const [genData0, genBuildMs] = time(() => buildIndex(buildSet, nlp));
  let genData: IndexData | undefined = genData0;
  const gAfterRaw = process.memoryUsage();
  const gPeakRss = peakRss();
  fullGc();
  const gAfterGc = process.memoryUsage();
  const genSentences = genData.sentences.length;
  const genVocab = genData.vocab.length;

  const rssPeaks: Record<string, number> = { build: mb(gPeakRss) };
  progress('storing');
  const saveWarnings: string[] = [];
  // The stored index must match what loadIndex will fingerprint: the whole folder when nothing was capped.
  if (buildDocs < DOCS) genData = { ...genData, fingerprint: 'capped-subset' };
  const [saveError, saveMs] = await timeAsync(() => saveIndex(genDataDir, genData!, saveWarnings));
  const saved = saveError === undefined;
  const genIndexPath = join(genDataDir, INDEX_FILE);
  const genStoredBytes = saved ? statSync(genIndexPath).size : 0;
  let genCompactBytes: number | null = null;
  try {
    genCompactBytes = Buffer.byteLength(JSON.stringify(genData));
  } catch {
    genCompactBytes = null;
  }
  rssPeaks.save = mb(peakRss());
  const [, genEngineFromMemoryMs] = time(() => new Engine(genData!, nlp));
  genData = undefined;
  fullGc();

  progress('loading the stored index');
  let genLoadMs: number | null = null;
  let genEngine: Engine;
  let genLoadHeapMB: number | null = null;
  let genEngineMs = 0;
  if (saved && buildDocs === DOCS) {
    fullGc();
    const lBefore = process.memoryUsage().heapUsed;
    const t = now();
    const loaded = await loadIndex(genSeedsDir, genDataDir);
    if (loaded.rebuilt) throw new Error(`expected the stored generated index to be loaded, but it was rebuilt (${loaded.rebuilt})`);
    const te = now();
    genEngine = new Engine(loaded.data, loaded.nlp);
    genEngineMs = now() - te;
    genLoadMs = now() - t;
    fullGc();
    genLoadHeapMB = mb(process.memoryUsage().heapUsed - lBefore);
  } else {
    // A capped build does not match the folder's fingerprint: time the same steps by hand.
    const t = now();
    const s = readSeeds(genSeedsDir);
    const n2: Nlp = createNlp(s.glossary);
    const data = JSON.parse(readFileSync(genIndexPath, 'utf8')) as IndexData;
    const te = now();
    genEngine = new Engine(data, n2);
    genEngineMs = now() - te;
    genLoadMs = saved ? now() - t : null;
  }
  rssPeaks.load = mb(peakRss());
  const [, genParseMs] = saved ? time(() => JSON.parse(readFileSync(genIndexPath, 'utf8')) as unknown) : [null, NaN];
  fullGc();
  const [, genFirstQueryMs] = time(() => genEngine.ask(questions[0]!));
  const [, genSpellIndexMs] = time(() => correctSpelling('zzzzzzzzzq', genEngine.index));

  // How much of the corpus a question touches: sentences holding a query term, or within ±2 of one (what rankSentences scores).
  const touchedShare = (() => {
    let sum = 0;
    for (const q of questions) {
      const set = new Set<number>();
      for (const term of parseQuestion(q, genEngine.index, genEngine.nlp).terms) {
        if (term.id === undefined) continue;
        const p = genEngine.index.postings[term.id]!;
        for (let i = 0; i < p.length; i += 2) for (let o = -2; o <= 2; o++) set.add(p[i]! + o);
      }
      sum += set.size / genEngine.index.size;
    }
    return Math.round((100 * sum) / questions.length) / 100;
  })();

  progress(`engine queries (${GEN_QUERIES})`);
  const genLatency = latency(questions, GEN_QUERIES, (q) => genEngine.ask(q), 20);

  rssPeaks.engineQueries = mb(peakRss());
  progress('MiniSearch on the same sentences');
  const sentences = genEngine.index.data.sentences;
  fullGc();
  const mBefore = process.memoryUsage().heapUsed;
  const [mini, miniBuildMs] = time(() => {
    const m = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], searchOptions: { prefix: true, fuzzy: 0.2 } });
    m.addAll(sentences.map((s) => ({ id: s.id, text: s.text })));
    return m;
  });
  fullGc();
  const miniHeapMB = mb(process.memoryUsage().heapUsed - mBefore);
  rssPeaks.minisearchBuild = mb(peakRss());
  const miniLatency = latency(questions, GEN_QUERIES, (q) => mini.search(q).slice(0, 3), 5, BASELINE_BUDGET_MS);
  const miniPlainLatency = latency(questions, GEN_QUERIES, (q) => mini.search(q, { prefix: false, fuzzy: false }).slice(0, 3), 5, BASELINE_BUDGET_MS / 3);
  rssPeaks.minisearchQueries = mb(peakRss());

  progress('wink-nlp alone on the same files');
  const [winkSentences, winkMs] = time(() => {
    let count = 0;
    for (const f of buildSet.files) count += (nlp.nlp.readDoc(f.text).sentences().out() as string[]).length;
    return count;
  });

  figures.generated = {
    requestedDocs: DOCS,
    builtDocs: buildDocs,
    capped: cappedNote ?? null,
    generateMs: ms(genMs),
    ...genStats,
    textMB: mb(buildBytes),
    readSeedsMs: ms(genReadMs),
    pilots: pilots.map((p) => ({ docs: p.docs, ms: ms(p.ms) })),
    growthExponent: Math.round(exponent * 100) / 100,
    projectedBuildMs: Math.round(projectedMs),
    buildMs: ms(genBuildMs),
    docsPerSecond: Math.round(buildDocs / (genBuildMs / 1000)),
    mbPerSecond: Math.round((buildBytes / MB / (genBuildMs / 1000)) * 100) / 100,
    sentences: genSentences,
    vocab: genVocab,
    buildHeapDeltaMB: mb(gAfterRaw.heapUsed - gBefore.heapUsed),
    buildHeapRetainedMB: mb(gAfterGc.heapUsed - gBefore.heapUsed),
    heapUsedAfterBuildMB: mb(gAfterGc.heapUsed),
    rssAfterBuildMB: mb(gAfterRaw.rss),
    rssPeakMB: mb(gPeakRss),
    saved,
    saveWarnings,
    saveMs: ms(saveMs),
    storedBytes: genStoredBytes,
    storedCompactBytes: genCompactBytes,
    loadMs: genLoadMs === null ? null : ms(genLoadMs),
    loadedVia: buildDocs === DOCS ? 'loadIndex' : 'readSeeds + createNlp + JSON.parse (capped subset)',
    loadHeapRetainedMB: genLoadHeapMB,
    engineConstructMs: ms(genEngineMs),
    engineConstructFromMemoryMs: ms(genEngineFromMemoryMs),
    jsonParseMs: ms(genParseMs),
    firstQueryMs: ms(genFirstQueryMs),
    spellIndexBuildMs: ms(genSpellIndexMs),
    query: genLatency,
    meanShareOfSentencesTouchedPerQuestion: touchedShare,
    minisearch: { buildMs: ms(miniBuildMs), heapRetainedMB: miniHeapMB, query: miniLatency, queryExactNoFuzzy: miniPlainLatency, options: 'fields [text], prefix true, fuzzy 0.2' },
    winkAlone: { ms: ms(winkMs), sentences: winkSentences, what: 'createNlp instance (glossary entities learned): readDoc(file text) + sentences().out(), every file once' },
    buildOverWink: Math.round((genBuildMs / winkMs) * 100) / 100,
    rssPeakMBAfterStage: { ...rssPeaks, winkAlone: mb(peakRss()) },
  };
  figures.env!.totalMs = Math.round(now() - tStart);
  report(figures);
} finally {
  if (!values.keep) rmSync(tmpRoot, { recursive: true, force: true });
}

// ============================ Report ============================
function report(f: typeof figures): void {
  const s = f.seed as Record<string, number & unknown> & { query: Record<string, number>; buildMsRuns: number[] };
  const g = f.generated as Record<string, unknown> & {
    query: Record<string, number>;
    minisearch: { buildMs: number; heapRetainedMB: number; query: Record<string, number>; queryExactNoFuzzy: Record<string, number> };
    winkAlone: { ms: number; sentences: number };
  };
  const kb = (b: unknown) => (typeof b === 'number' ? (b >= MB ? `${mb(b)} MB` : `${(b / 1024).toFixed(1)} KB`) : 'n/a');
  const row = (label: string, value: unknown) => log(`  ${label.padEnd(44)} ${String(value)}`);
  log(`\n== Seed corpus: ${s.documents} documents, ${s.sentences} sentences, ${kb(s.textBytes)} of text`);
  row('readSeeds / createNlp (once)', `${s.readSeedsMs} ms / ${s.createNlpMs} ms`);
  row('index build, median of 3 (readSeeds+buildIndex)', `${s.buildMsMedian3} ms  (runs ${s.buildMsRuns.join(', ')})`);
  row('build memory: heap delta / retained after GC', `${s.buildHeapDeltaMB} MB / ${s.buildHeapRetainedMB} MB${gc ? '' : ' (no --expose-gc: not after GC)'}`);
  row('RSS after build', `${s.rssAfterBuildMB} MB`);
  row('rebuild + store (loadIndex force)', `${s.rebuildAndStoreMs} ms`);
  row('stored index.json (as written / compact JSON)', `${kb(s.storedBytes)} / ${kb(s.storedCompactBytes)}`);
  row('load stored → Engine, median of 3', `${s.loadMsMedian3} ms  (runs ${(s.loadMsRuns as unknown as number[]).join(', ')}; Engine ctor ${s.engineConstructMs} ms, JSON.parse ${s.jsonParseMs} ms)`);
  row('first query on a fresh engine', `${s.firstQueryMs} ms (spelling index build alone ${s.spellIndexBuildMs} ms)`);
  row(`query latency over ${s.query.queries} (warm)`, `p50 ${s.query.p50} ms, p90 ${s.query.p90} ms, p99 ${s.query.p99} ms, max ${s.query.max} ms`);
  row('process start → first answer, median of 5', `${s.firstAnswerProcessMsMedian} ms  (node --import tsx src/cli/ask.ts; runs ${(s.firstAnswerProcessMsRuns as unknown as number[]).join(', ')})`);
  row('  of which bare node --import tsx', `${s.bareNodeTsxMsMedian} ms (empty script, median of 5)`);

  log(`\n== Generated corpus: ${g.builtDocs} of ${g.requestedDocs} documents, ${g.sentences} sentences, ${g.textMB} MB, vocab ${g.vocab} terms`);
  if (g.capped) log(`  NOTE: ${g.capped}`);
  row('generate files / readSeeds', `${g.generateMs} ms / ${g.readSeedsMs} ms`);
  row('pilot builds', (g.pilots as Array<{ docs: number; ms: number }>).map((p) => `${p.docs} docs ${p.ms} ms`).join(', ') + ` (growth exponent ${g.growthExponent})`);
  const header = ['', 'engine', 'minisearch', 'wink-nlp alone'];
  const rows: string[][] = [
    ['build', `${(Number(g.buildMs) / 1000).toFixed(1)} s`, `${(g.minisearch.buildMs / 1000).toFixed(1)} s`, `${(g.winkAlone.ms / 1000).toFixed(1)} s`],
    ['throughput', `${g.docsPerSecond} docs/s, ${g.mbPerSecond} MB/s`, '', ''],
    ['heap retained', `${g.buildHeapRetainedMB} MB (stored index in memory)`, `${g.minisearch.heapRetainedMB} MB`, ''],
    ['heap delta during build / RSS peak', `${g.buildHeapDeltaMB} MB / ${g.rssPeakMB} MB`, '', ''],
    ['process RSS peak after stage', Object.entries(g.rssPeakMBAfterStage as Record<string, number>).filter(([k]) => !/^minisearch|^wink/.test(k)).map(([k, v]) => `${k} ${v}`).join(', ') + ' MB',
      `build ${(g.rssPeakMBAfterStage as Record<string, number>).minisearchBuild} MB, queries ${(g.rssPeakMBAfterStage as Record<string, number>).minisearchQueries} MB`, `${(g.rssPeakMBAfterStage as Record<string, number>).winkAlone} MB`],
    ['stored size (written / compact)', `${kb(g.storedBytes)} / ${kb(g.storedCompactBytes)}`, '', ''],
    ['save', `${g.saveMs} ms`, '', ''],
    ['load stored → Engine', `${g.loadMs} ms (JSON.parse ${g.jsonParseMs} ms, Engine ctor ${g.engineConstructMs} ms)`, '', ''],
    ['first query (cold)', `${g.firstQueryMs} ms (spelling index ${g.spellIndexBuildMs} ms)`, '', ''],
    ['query p50 / p99', `${g.query.p50} / ${g.query.p99} ms (${g.query.queries} queries)`, `${g.minisearch.query.p50} / ${g.minisearch.query.p99} ms (${g.minisearch.query.queries})`, ''],
    ['query p50 / p99, exact terms', '', `${g.minisearch.queryExactNoFuzzy.p50} / ${g.minisearch.queryExactNoFuzzy.p99} ms (${g.minisearch.queryExactNoFuzzy.queries}, no prefix/fuzzy)`, ''],
    ['build / wink alone', `${g.buildOverWink}×`, '', ''],
    ['share of sentences scored per question', `${Math.round(100 * Number(g.meanShareOfSentencesTouchedPerQuestion))}% (mean)`, '', ''],
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  log(line(header));
  log('  ' + widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) log(line(r));
  for (const [name, l] of [['minisearch', g.minisearch.query], ['minisearch exact', g.minisearch.queryExactNoFuzzy]] as const) {
    if (l.truncated) log(`  NOTE: ${name} latency stopped at ${l.queries} queries (time budget --baseline-budget-seconds)`);
  }
  if (!gc) log('  (run through `npm run bench:speed` for --expose-gc: heap figures above are without a forced GC)');
  log(`\nfigures: ${JSON.stringify(f)}`);
}

// ============================ Corpus generator ============================
/** mulberry32: a small seeded PRNG, so the generated corpus is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `n` articles into `dir`: a title line, a byline, then 4–8 paragraphs of
 * 15–30 sentences in all. Each sentence takes a real seed sentence as template
 * (its length and word order) and replaces half its words with words drawn from
 * the seed corpus by frequency, so the term distribution stays realistic; a few
 * invented proper names per article (recurring in it) let the vocabulary grow
 * with the corpus as real news does.
 */
function generateCorpus(realSentences: string[], n: number, dir: string) {
  const rand = prng(20240607);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const wordRe = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  const templates = realSentences.map((s) => s.match(wordRe) ?? []).filter((w) => w.length >= 5);
  const pool = templates.flat();
  const outletWord = /\b(times|news|post|journal|daily|herald|tribune|press|media|agency|gazette|magazine|review|interest|diplomat|monitor|observer|telegraph|guardian)\b/i;
  const titlePool = pool.filter((w) => !outletWord.test(w) && w.length > 2);
  const syllables = ['ka', 'ta', 'mi', 'no', 'ra', 'shi', 'ko', 'to', 'ya', 'ma', 'ri', 'sa', 'ne', 'lo', 'vi', 'an', 'der', 'son', 'ber', 'gen', 'ov', 'sky', 'ic', 'el', 'in', 'ar', 'zu', 'ha', 'mo', 'be'];
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const invent = () => cap(Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(syllables)).join(''));
  const authors = Array.from({ length: 300 }, () => `${invent()} ${invent()}`);
  let sentences = 0;
  let bytes = 0;
  const vocab = new Set<string>();
  for (let d = 0; d < n; d++) {
    const names = Array.from({ length: 2 + Math.floor(rand() * 3) }, invent);
    const sentence = () => {
      const words = pick(templates).map((w) => (rand() < 0.5 ? w : rand() < 0.04 ? pick(names) : pick(pool)));
      const text = words.map((w, i) => (i > 0 && i < words.length - 1 && rand() < 0.06 ? `${w},` : w)).join(' ');
      for (const w of words) vocab.add(w.toLowerCase());
      return cap(text) + (rand() < 0.05 ? '?' : '.');
    };
    const nSentences = 15 + Math.floor(rand() * 16);
    const nParagraphs = 4 + Math.floor(rand() * 5);
    const sizes = new Array<number>(nParagraphs).fill(1);
    for (let i = nParagraphs; i < nSentences; i++) sizes[Math.floor(rand() * nParagraphs)]!++;
    sentences += nSentences;
    const title = cap(Array.from({ length: 5 + Math.floor(rand() * 7) }, () => pick(titlePool)).join(' '));
    const paragraphs = sizes.map((k) => Array.from({ length: k }, sentence).join(' '));
    const text = `${title}\n\nBy ${pick(authors)}\n\n${paragraphs.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `gen_${String(d).padStart(6, '0')}.txt`), text);
  }
  return { generatedSentences: sentences, generatedWordForms: vocab.size, generatedMB: mb(bytes), templateSentences: templates.length, poolWords: pool.length };
}
