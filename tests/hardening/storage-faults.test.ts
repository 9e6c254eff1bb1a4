/**
 * Storage faults: a damaged index.json or bot.json (truncated, random bytes, an
 * older schema) is moved aside, rebuilt or reset, and warned about, never a crash
 * and never a silently empty bot; a process killed mid-write leaves the previous
 * file whole; a data folder that cannot be written keeps the bot answering from
 * memory and tells the admin running /stats or /reindex.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOT_FILE, BotStore, type BotData } from '../../src/bot/bot-store.js';
import { indexLoader, type AnswerEngine, type LoadedEngine } from '../../src/bot/engine-holder.js';
import { SCHEMA_VERSION, type IndexData } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { INDEX_FILE, loadIndex } from '../../src/store/index-store.js';
import { openJsonFile, writeJsonFile } from '../../src/store/json-file.js';
import { MEMBER_PERMISSIONS } from '../discord/double.js';
import { startHarness, waitForAnswer, waitForCallback, waitForEdit, type Harness } from '../bot/harness.js';
import { ROOT, SEEDS_DIR, tempDir, TINY_DIR } from '../core/support.js';
import { ITEM_LIST, ITEMS, QUESTION_TEXT, version } from './fixtures/write-loop.js';
import { KURILS, KURILS_YEAR } from './support.js';

const dirs: Array<{ cleanup: () => void }> = [];
const temp = (label: string) => {
  const d = tempDir(label);
  dirs.push(d);
  return d.path;
};
afterAll(() => {
  for (const d of dirs) d.cleanup();
});

/** The Kurils question through an engine: answered, with the year. */
function expectKurils(engine: AnswerEngine): void {
  const a = engine.ask(KURILS);
  expect(a.kind).toBe('answered');
  expect(a.kind === 'answered' && a.hits[0]!.sentence.text).toContain(KURILS_YEAR);
}

const asideOf = (dir: string, file: string) => readdirSync(dir).filter((n) => n.startsWith(`${file}.corrupt-`));

/** A good index.json of the real seeds, built once. */
let goodIndex: Buffer;
/** The real engine, for the bot tests. */
let engine: Engine;
beforeAll(async () => {
  const dir = temp('good-index');
  const loaded = await loadIndex(SEEDS_DIR, dir);
  goodIndex = readFileSync(join(dir, INDEX_FILE));
  engine = new Engine(loaded.data, loaded.nlp);
}, 60_000);

describe('a damaged index.json (real seeds): moved aside or rebuilt, warned, and the bot answers', () => {
  it.each([
    ['truncated', () => goodIndex.subarray(0, Math.floor(goodIndex.length * 0.6))],
    ['random bytes over its middle', () => Buffer.concat([goodIndex.subarray(0, 1000), randomBytes(5000), goodIndex.subarray(6000)])],
  ])('%s: moved aside byte for byte, a warning names it, rebuilt whole', async (_label, damage) => {
    const dir = temp('index-damaged');
    const bad = damage();
    writeFileSync(join(dir, INDEX_FILE), bad);
    const loaded: LoadedEngine = await indexLoader(SEEDS_DIR, dir)(false);
    expectKurils(loaded.engine);
    expect(loaded.saved).toBe(true);
    const aside = asideOf(dir, INDEX_FILE);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!)).equals(bad)).toBe(true);
    expect(loaded.warnings.filter((w) => w.includes(aside[0]!))).toEqual([expect.stringMatching(/^index\.json was unreadable; moved aside to .*; rebuilding$/)]);
    expect((JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as IndexData).fingerprint).toBe((loaded.engine as Engine).index.data.fingerprint);
  });

  it('an older layout (tiny corpus): taken for a damaged file, moved aside, a warning, rebuilt', async () => {
    const dir = temp('index-layout');
    const old = JSON.stringify({ schema: SCHEMA_VERSION - 1, fingerprint: 'old', documents: [], sentences: [] });
    writeFileSync(join(dir, INDEX_FILE), old);
    const loaded = await loadIndex(TINY_DIR, dir);
    expect(loaded.rebuilt).toBe('corrupt');
    const aside = asideOf(dir, INDEX_FILE);
    expect(aside.map((n) => readFileSync(join(dir, n), 'utf8'))).toEqual([old]);
    expect(loaded.warnings.some((w) => w.includes(aside[0]!))).toBe(true);
    expect(new Engine(loaded.data, loaded.nlp).ask('How much did the ferry terminal cost?').kind).toBe('answered');
  });

  it('an older schema number with today\'s layout: rebuilt in place (derived data, nothing to keep), reported as "schema"', async () => {
    const dir = temp('index-schema');
    const old = JSON.parse(goodIndex.toString('utf8')) as IndexData;
    writeFileSync(join(dir, INDEX_FILE), JSON.stringify({ ...old, schema: SCHEMA_VERSION - 1 }));
    const loaded = await loadIndex(SEEDS_DIR, dir);
    expect(loaded.rebuilt).toBe('schema');
    expect(loaded.saved).toBe(true);
    expect((JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as IndexData).schema).toBe(SCHEMA_VERSION);
    expectKurils(new Engine(loaded.data, loaded.nlp));
  });

  it('an index.json that parses and matches the seeds but is broken inside: rebuilt with a warning, not a crash at start', async () => {
    const dir = temp('index-inside');
    const broken = JSON.parse(goodIndex.toString('utf8')) as IndexData;
    broken.sentenceTerms[0] = [broken.vocab.length + 1000];
    delete (broken as Partial<IndexData>).synonyms;
    writeFileSync(join(dir, INDEX_FILE), JSON.stringify(broken));
    const loaded = await indexLoader(SEEDS_DIR, dir)(false);
    expectKurils(loaded.engine);
    expect(loaded.warnings).toEqual([expect.stringMatching(/^index\.json could not be opened \(.+\); rebuilt$/)]);
    const stored = JSON.parse(readFileSync(join(dir, INDEX_FILE), 'utf8')) as IndexData;
    expect(stored.synonyms).toBeDefined();
  });
});

describe('a damaged bot.json: moved aside, reset, warned, and /stats says so', () => {
  const logs: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
  const question = (id: string) => ({ id, userId: 'u', question: KURILS, asked: KURILS, answered: true, at: new Date(0).toISOString() });
  const whole: BotData = { version: 1, questions: [question('1'), question('2')], feedback: [], threads: { t: [{ question: 'q', asked: 'q', followUp: false }] } };

  it.each([
    ['truncated', () => Buffer.from(JSON.stringify(whole)).subarray(0, 40)],
    ['random bytes', () => randomBytes(4096)],
    ['an older schema', () => Buffer.from(JSON.stringify({ ...whole, version: 0 }))],
    ['JSON of another shape', () => Buffer.from('[1, 2, 3]')],
  ])('%s', async (_label, damage) => {
    const dir = temp('bot-damaged');
    const bad = damage();
    writeFileSync(join(dir, BOT_FILE), bad);
    logs.length = 0;
    const store = await BotStore.open(dir, log, 6);
    expect(store.data.questions).toEqual([]);
    const aside = asideOf(dir, BOT_FILE);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!)).equals(bad)).toBe(true);
    expect(logs.filter((l) => l.level === 40 && String(l.msg).includes(`${BOT_FILE} was unreadable`) && String(l.movedTo).endsWith(aside[0]!))).toHaveLength(1);
    expect(store.storageWarnings()).toEqual([`⚠ ${BOT_FILE} was unreadable at start and was moved aside to ${aside[0]}; the statistics start afresh from then.`]);
    store.recordQuestion(question('3'));
    await store.flush();
    expect((JSON.parse(readFileSync(join(dir, BOT_FILE), 'utf8')) as BotData).questions.map((q) => q.id)).toEqual(['3']);
  });

  it('bot.json that is a folder: moved aside, and the store writes again', async () => {
    const dir = temp('bot-folder');
    mkdirSync(join(dir, BOT_FILE));
    const store = await BotStore.open(dir, log, 6);
    expect(asideOf(dir, BOT_FILE)).toHaveLength(1);
    store.recordQuestion(question('1'));
    await store.flush();
    expect(store.storageWarnings()).toHaveLength(1);
    expect((JSON.parse(readFileSync(join(dir, BOT_FILE), 'utf8')) as BotData).questions).toHaveLength(1);
  });

  it.each(['EACCES', 'EIO'])('bot.json the disk will not read (%s): left as it is, never written over, and the admin is told', async (code) => {
    const dir = temp('bot-unreadable');
    const file = join(dir, BOT_FILE);
    writeFileSync(file, JSON.stringify(whole));
    const before = readFileSync(file);
    const read = fsp.readFile.bind(fsp);
    const spy = vi.spyOn(fsp, 'readFile').mockImplementation(((path: Parameters<typeof fsp.readFile>[0], ...rest: unknown[]) =>
      String(path) === file ? Promise.reject(Object.assign(new Error(`${code}: refused`), { code })) : (read as (...a: unknown[]) => Promise<unknown>)(path, ...rest)) as typeof fsp.readFile);
    try {
      logs.length = 0;
      const store = await BotStore.open(dir, log, 6);
      expect(store.data.questions).toEqual([]);
      expect(asideOf(dir, BOT_FILE)).toEqual([]);
      expect(logs.filter((l) => l.level === 40 && l.code === code && String(l.msg).includes(`cannot read ${BOT_FILE}`))).toHaveLength(1);
      expect(store.storageWarnings()).toEqual([`⚠ ${BOT_FILE} could not be read at start (${code}): it is left as it is, and answers and stats are kept in memory only until a restart can read it.`]);
      store.recordQuestion(question('9'));
      await store.flush();
      expect(store.data.questions.map((q) => q.id)).toEqual(['9']);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual([BOT_FILE]);
    } finally {
      spy.mockRestore();
    }
  });

  it('index.json the disk will not read: left as it is, a warning names the error, and the rebuilt index answers', async () => {
    const dir = temp('index-unreadable');
    const file = join(dir, INDEX_FILE);
    writeFileSync(file, goodIndex);
    const read = fsp.readFile.bind(fsp);
    const spy = vi.spyOn(fsp, 'readFile').mockImplementation(((path: Parameters<typeof fsp.readFile>[0], ...rest: unknown[]) =>
      String(path) === file ? Promise.reject(Object.assign(new Error('EIO: refused'), { code: 'EIO' })) : (read as (...a: unknown[]) => Promise<unknown>)(path, ...rest)) as typeof fsp.readFile);
    try {
      const loaded = await loadIndex(SEEDS_DIR, dir);
      expect(loaded.rebuilt).toBe('unreadable');
      expect(loaded.warnings).toContain('index.json could not be read (EIO); rebuilding');
      expect(asideOf(dir, INDEX_FILE)).toEqual([]);
      expectKurils(new Engine(loaded.data, loaded.nlp));
    } finally {
      spy.mockRestore();
    }
  });

  it('a whole bot.json is kept as it is, and no warning', async () => {
    const dir = temp('bot-whole');
    writeFileSync(join(dir, BOT_FILE), JSON.stringify(whole));
    const store = await BotStore.open(dir, log, 6);
    expect(store.data).toEqual(whole);
    expect(asideOf(dir, BOT_FILE)).toEqual([]);
    expect(store.storageWarnings()).toEqual([]);
  });
});

describe('concurrent writers of one file', () => {
  it('three writeJsonFile of the same file at once all succeed, and the last one written wins, whole', async () => {
    const file = join(temp('json-race'), 'race.json');
    const versions = [1, 2, 3].map((n) => ({ version: n, items: Array.from({ length: 100_000 + n }, (_, i) => `v${n}-${i}`) }));
    const results = await Promise.allSettled(versions.map((v) => writeJsonFile(file, v)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as (typeof versions)[number];
    expect(stored.version).toBe(3);
    expect(stored.items).toEqual(versions[2]!.items);
  });
});

/**
 * Runs the write loop in a child process, SIGKILLs it `delayMs` after its first complete write, and
 * says which write it last started and last finished.
 */
async function killMidWrite(args: string[], delayMs: number): Promise<{ lastWriting: number; lastWrote: number; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/hardening/fixtures/write-loop.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let lastWriting = -1;
  let lastWrote = -1;
  let stderr = '';
  let buffered = '';
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
  const firstWrite = new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [what, n] = line.split(' ');
        if (what === 'writing') lastWriting = Number(n);
        if (what === 'wrote') {
          lastWrote = Number(n);
          resolve();
        }
      }
    });
  });
  // Everything the child printed before it died, read to the end: its stdout is a pipe, written synchronously.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await Promise.race([firstWrite, exited.then(() => {
    throw new Error(`write loop exited before its first write: ${stderr}`);
  })]);
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await exited;
  return { lastWriting, lastWrote, pid: child.pid! };
}

describe('two processes writing one file (the bot and `npm run reindex` on one data folder)', () => {
  it('every read while both write finds one whole version, and the temporary files they leave are removed on the next open', async () => {
    const dir = temp('two-writers');
    const file = join(dir, INDEX_FILE);
    const start = (first: number) => spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/hardening/fixtures/write-loop.ts'), 'index', file, String(first)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const writers = [start(1), start(1_000_000)];
    const closed = writers.map((c) => new Promise<void>((resolve) => c.once('close', () => resolve())));
    const versions = new Set<number>();
    let reads = 0;
    const until = Date.now() + 6_000;
    while (Date.now() < until && (versions.size < 6 || ![...versions].some((v) => v >= 1_000_000) || ![...versions].some((v) => v < 1_000_000))) {
      if (existsSync(file)) {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof version>;
        expect(stored.items).toHaveLength(ITEMS);
        expect(stored.end).toBe(stored.version);
        versions.add(stored.version);
        reads++;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    for (const c of writers) c.kill('SIGKILL');
    await Promise.all(closed);
    // Both wrote while the other did: versions of each were read.
    expect([...versions].some((v) => v >= 1_000_000) && [...versions].some((v) => v < 1_000_000), `versions read: ${[...versions].join(', ')}`).toBe(true);
    expect(reads).toBeGreaterThan(5);
    const opened = await openJsonFile(file, (d): d is ReturnType<typeof version> => typeof d === 'object' && d !== null);
    expect(opened.ok).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});

describe('a process killed in the middle of a write', () => {
  it('index: after each SIGKILL the file parses and is one complete version (the last written or the one being written)', async () => {
    const dir = temp('kill-index');
    const file = join(dir, INDEX_FILE);
    let torn = 0;
    // Kills land at random moments: at least four rounds, and more (up to 16) until one lands mid-write.
    for (let round = 0; round < 16 && (round < 4 || torn === 0); round++) {
      const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version : 0;
      const { lastWriting, lastWrote, pid } = await killMidWrite(['index', file, String(before + 1)], 30 + Math.floor(Math.random() * 250));
      if (existsSync(join(dir, `.${INDEX_FILE}.${pid}.tmp`))) torn++;
      const stored = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof version>;
      expect(stored.count).toBe(ITEMS);
      expect(stored.items).toEqual(ITEM_LIST);
      expect(stored.end).toBe(stored.version);
      expect(stored.version).toBeGreaterThanOrEqual(lastWrote);
      expect(stored.version).toBeLessThanOrEqual(lastWriting);
    }
    // A half-written temporary file left behind: at least one kill did land in the middle of writing.
    expect(torn, 'no kill landed during a write').toBeGreaterThan(0);
  }, 120_000);

  it('bot.json: after each SIGKILL the file parses, holds every question flushed, in order, none twice', async () => {
    const dir = temp('kill-bot');
    let torn = 0;
    // As above: at least three rounds, and more (up to 16) until a kill lands mid-write.
    for (let round = 0; round < 16 && (round < 3 || torn === 0); round++) {
      const { lastWriting, lastWrote, pid } = await killMidWrite(['bot', dir], 30 + Math.floor(Math.random() * 250));
      if (existsSync(join(dir, `.${BOT_FILE}.${pid}.tmp`))) torn++;
      const stored = JSON.parse(readFileSync(join(dir, BOT_FILE), 'utf8')) as BotData;
      const ids = stored.questions.map((q) => Number(q.id));
      expect(ids.at(-1)).toBeGreaterThanOrEqual(lastWrote);
      expect(ids.at(-1)).toBeLessThanOrEqual(lastWriting);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => ids[0]! + i));
      expect(ids.length === 5000 || ids[0] === 0).toBe(true);
      expect(stored.questions.every((q) => q.question === QUESTION_TEXT)).toBe(true);
      expect(asideOf(dir, BOT_FILE)).toEqual([]);
    }
    expect(torn, 'no kill landed during a write').toBeGreaterThan(0);
  }, 120_000);
});

describe('a data folder that cannot be written', () => {
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) {
      await h.close();
      expect(h.clientErrors).toEqual([]);
    }
  });
  /** Member permissions plus Manage Server: an admin. */
  const MANAGER = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
  const NOT_WRITABLE = /⚠ The data folder is not writable \((ENOTDIR|ENOSPC)\): answers and stats are kept in memory only and will be lost on restart\./;

  async function ask(h: Harness, question: string): Promise<string> {
    const r = h.double.sendInteraction({ name: 'ask', options: { question } });
    return JSON.stringify((await waitForAnswer(h.double, r.token, 5000)).body);
  }
  async function stats(h: Harness): Promise<string> {
    const s = h.double.sendInteraction({ name: 'stats', permissions: MANAGER });
    return ((await waitForCallback(h.double, s.id, s.token)).body as { data: { content: string } }).data.content;
  }

  it('DATA_DIR under a regular file (ENOTDIR): answers from memory; /stats and /reindex tell the admin', async () => {
    const root = temp('enotdir');
    writeFileSync(join(root, 'a-file'), 'not a folder');
    const dataDir = join(root, 'a-file', 'data');
    const h = await startHarness({ engine, loader: indexLoader(SEEDS_DIR, dataDir), env: { DATA_DIR: dataDir } });
    harnesses.push(h);
    expect(await ask(h, KURILS)).toContain(KURILS_YEAR);
    expect(await ask(h, 'what time does the football match start tonight?')).toContain("The corpus doesn't say.");
    const text = await stats(h);
    expect(text).toContain('Questions asked: 2');
    expect(text).toMatch(NOT_WRITABLE);

    const r = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    const reply = ((await waitForEdit(h.double, r.token, 20_000)).body as { content: string }).content;
    expect(reply).toMatch(/^Reindexed \d+ documents/);
    expect(reply).toContain('could not save index.json (ENOTDIR); serving from memory');
    expect(reply).toContain('⚠ The index could not be saved to the data folder: it answers from memory and is rebuilt at the next start.');
    expect(reply).toMatch(NOT_WRITABLE);
    expect(h.bot.ctx.engines.saved).toBe(false);
    expect(await ask(h, KURILS)).toContain(KURILS_YEAR);
    expect((await h.bot.ctx.store.data).questions).toHaveLength(3);
  }, 60_000);

  it.skipIf(!existsSync('/dev/full'))('a full disk (the temporary file is /dev/full, ENOSPC): /stats tells the admin, and stops telling once writes work again', async () => {
    const dataDir = temp('enospc');
    // This process's temporary file for bot.json: writing it fails with ENOSPC.
    const tmp = join(dataDir, `.${BOT_FILE}.${process.pid}.tmp`);
    symlinkSync('/dev/full', tmp);
    const h = await startHarness({ engine, env: { DATA_DIR: dataDir } });
    harnesses.push(h);
    expect(await ask(h, KURILS)).toContain(KURILS_YEAR);
    await h.bot.ctx.store.flush();
    const full = await stats(h);
    expect(full).toContain('Questions asked: 1');
    expect(full).toMatch(NOT_WRITABLE);
    expect(full).toContain('ENOSPC');
    expect(existsSync(join(dataDir, BOT_FILE))).toBe(false);
    // The failed temporary file is removed at once: on a real full disk it would hold the space every later write needs.
    expect(() => lstatSync(tmp)).toThrow(/ENOENT/);

    expect(await ask(h, KURILS)).toContain(KURILS_YEAR);
    await h.bot.ctx.store.flush();
    const freed = await stats(h);
    expect(freed).toContain('Questions asked: 2');
    expect(freed).not.toContain('⚠');
    expect((JSON.parse(readFileSync(join(dataDir, BOT_FILE), 'utf8')) as BotData).questions).toHaveLength(2);
  }, 30_000);

  it.skipIf(!existsSync('/dev/full'))('a full disk while the index is written (tiny corpus): the old index.json stays whole and a warning says it could not be saved', async () => {
    const dataDir = temp('enospc-index');
    writeFileSync(join(dataDir, INDEX_FILE), goodIndex);
    symlinkSync('/dev/full', join(dataDir, `.${INDEX_FILE}.${process.pid}.tmp`));
    const loaded = await indexLoader(TINY_DIR, dataDir)(true);
    expect(loaded.saved).toBe(false);
    expect(loaded.warnings).toContain('could not save index.json (ENOSPC); serving from memory');
    expect(loaded.engine.ask('How much did the ferry terminal cost?').kind).toBe('answered');
    expect(readFileSync(join(dataDir, INDEX_FILE)).equals(goodIndex)).toBe(true);
  }, 30_000);
});
