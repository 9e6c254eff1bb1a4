/**
 * A hostile seeds folder: random bytes, one 2 MB line, a 50 MB file, latin-1 bytes
 * in UTF-8, UTF-16, a dangling link, a file that vanishes between listing and
 * reading, an empty glossary.json, an invalid metadata.json. The build finishes
 * with a warning naming each; the stored index is always whole (the old one or
 * the new one); a rebuild that throws leaves the old engine answering.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeReindex } from '../../commands/reindex.js';
import { EngineHolder, indexLoader, type ReindexReport } from '../../src/bot/engine-holder.js';
import type { IndexData } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { readSeeds } from '../../src/core/ingest.js';
import { answerToPayload, contextToPayload } from '../../src/format/discord-answer.js';
import { textPayload } from '../../src/format/discord-payload.js';
import { sourceToPayload } from '../../src/format/discord-sources.js';
import { INDEX_FILE, loadIndex } from '../../src/store/index-store.js';
import { tempDir, TINY, tinyCopy } from '../core/support.js';
import { expectSafePayload } from './support.js';

/** A file that exists when the folder is listed and is gone when it is read. */
const VANISHING = 'vanishing.txt';

// ingest stats, then reads: delete the file in between, as another process might.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof path === 'string' && path.endsWith(`/${VANISHING}`) && real.existsSync(path)) real.rmSync(path);
    return (real.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readFileSync;
  return { ...real, default: { ...real, readFileSync }, readFileSync };
});

const MiB = 1024 * 1024;
/** What each hostile file is, and the warning it must get (undefined: it is read and indexed). */
const HOSTILE: Array<[name: string, why: RegExp | undefined]> = [
  ['random.bin.txt', /binary \(contains NUL bytes\)|not valid UTF-8/],
  ['random-no-nul.txt', /not valid UTF-8/],
  ['huge.txt', new RegExp(`${50 * MiB} bytes is over the ${20 * MiB}-byte limit`)],
  ['latin1-in-utf8.txt', /not valid UTF-8/],
  ['utf16-bom.txt', undefined],
  ['dangling-link.txt', /unreadable \(ENOENT\)/],
  [VANISHING, /unreadable \(ENOENT\)/],
  ['a-folder.md', /not a regular file/],
  ['empty.txt', /empty/],
  ['blank.md', /empty/],
  ['one-line.txt', undefined],
  ['@everyone <@123456789012345678> **loud**.txt', undefined],
];
const SETTINGS: Array<[name: string, why: RegExp]> = [
  ['glossary.json', /ignored, /],
  ['metadata.json', /ignored, /],
];

/** Words of the 2 MB line: none of them in the tiny corpus, so a question can find it. */
const LINE_WORDS = ['marmalade', 'zeppelin', 'quasar', 'kiln', 'walrus', 'the', 'of', 'and'];

function writeHostileFiles(dir: string): void {
  const at = (name: string) => join(dir, name);
  const random = randomBytes(64 * 1024);
  random[0] = 0x41; // never a UTF-16 byte-order mark
  random[100] = 0;
  fs.writeFileSync(at('random.bin.txt'), random);
  const noNul = Buffer.from(randomBytes(64 * 1024).map((b) => (b === 0 ? 0xff : b)));
  noNul[0] = 0xc3; // a lead byte followed by a non-continuation byte: never valid UTF-8
  noNul[1] = 0x41;
  fs.writeFileSync(at('random-no-nul.txt'), noNul);
  fs.writeFileSync(at('huge.txt'), Buffer.alloc(50 * MiB, 'huge words '));
  fs.writeFileSync(at('latin1-in-utf8.txt'), Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' au lait. Le caf\u00e9 est bon.\n')]));
  fs.writeFileSync(at('utf16-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Lighthouse keepers of Varnholm\n\nThe lighthouse keepers of Varnholm repainted the lamp room in 1987.\n', 'utf16le')]));
  fs.symlinkSync(join(dir, 'nowhere', 'missing.txt'), at('dangling-link.txt'));
  fs.writeFileSync(at(VANISHING), 'Here now, gone when read.\n');
  fs.mkdirSync(at('a-folder.md'));
  fs.writeFileSync(at('empty.txt'), '');
  fs.writeFileSync(at('blank.md'), ' \n\n\t \n');
  let line = '';
  for (let i = 0; line.length < 2 * MiB; i++) line += `${LINE_WORDS[(i * 7919) % LINE_WORDS.length]} `;
  fs.writeFileSync(at('one-line.txt'), line);
  fs.writeFileSync(at('@everyone <@123456789012345678> **loud**.txt'), '@everyone **Breaking** <@123456789012345678> news\n\nThe harbour pilots of Quillon went on strike @here on Tuesday <#123456789012345678>.\n');
  fs.writeFileSync(at('glossary.json'), '');
  fs.writeFileSync(at('metadata.json'), '{"a_ferry.txt": {"title": ');
}

let seeds: { path: string; cleanup: () => void };
let data: { path: string; cleanup: () => void };
let oldEngine: Engine;
let oldFingerprint: string;
let holder: EngineHolder;
let report: ReindexReport;
const storedIndex = () => JSON.parse(fs.readFileSync(join(data.path, INDEX_FILE), 'utf8')) as IndexData;

beforeAll(async () => {
  seeds = tinyCopy('hostile-seeds');
  data = tempDir('hostile-data');
  const old = await loadIndex(seeds.path, data.path);
  oldEngine = new Engine(old.data, old.nlp);
  oldFingerprint = old.data.fingerprint;
  holder = new EngineHolder(oldEngine, indexLoader(seeds.path, data.path));
  writeHostileFiles(seeds.path);
  report = await holder.reindex()!;
}, 60_000);
afterAll(() => {
  seeds.cleanup();
  data.cleanup();
});

describe('a hostile seeds folder', () => {
  it('the build finishes: one warning naming each file it skipped and each setting it ignored, none about the rest', () => {
    for (const [name, why] of [...HOSTILE, ...SETTINGS]) {
      const mine = report.warnings.filter((w) => w.startsWith(`${name}: `));
      if (why === undefined) expect(mine, name).toEqual([]);
      else {
        expect(mine, name).toHaveLength(1);
        expect(mine[0]).toMatch(why);
      }
    }
    expect(report.warnings).toHaveLength(HOSTILE.filter(([, why]) => why).length + SETTINGS.length);
    expect(report.added.sort()).toEqual(HOSTILE.filter(([, why]) => !why).map(([name]) => name).sort());
    expect(report.removed).toEqual([]);
    expect(report.documentsAfter).toBe(3 + report.added.length);
    expect(fs.existsSync(join(seeds.path, VANISHING))).toBe(false);
  });

  it('the stored index is the complete new one: it parses, and its fingerprint is the seeds\' and the live engine\'s', () => {
    const stored = storedIndex();
    expect(stored.fingerprint).not.toBe(oldFingerprint);
    expect(stored.fingerprint).toBe(readSeeds(seeds.path).fingerprint);
    expect(stored.fingerprint).toBe((holder.engine as Engine).index.data.fingerprint);
    expect(stored.sentences).toHaveLength(stored.sentenceTerms.length);
    expect(stored.documents.map((d) => d.id).sort()).toEqual(holder.engine.documents.map((d) => d.id).sort());
    expect(fs.readdirSync(data.path).filter((n) => n !== INDEX_FILE)).toEqual([]);
  });

  it('the tiny corpus still answers; the UTF-16 file is read as text', () => {
    const engine = holder.engine;
    const cost = engine.ask('How much did the ferry terminal cost?');
    expect(cost.kind === 'answered' && cost.hits[0]!.sentence.text).toBe(TINY.cost);
    const utf16 = engine.ask('When did the lighthouse keepers of Varnholm repaint the lamp room?');
    expect(utf16.kind === 'answered' && utf16.hits[0]!.sentence.doc).toBe('utf16-bom.txt');
  });

  it('the /reindex report names every file, escaped: no mention, within limits', () => {
    const p = textPayload(describeReindex(report));
    expectSafePayload(p);
    expect(p.content).toContain('@\u200beveryone <@\u200b123456789012345678> \\*\\*loud\\*\\*.txt');
  });

  it('a file named and titled with mentions and markdown: its answer, context and /source are defused', () => {
    const engine = holder.engine;
    const a = engine.ask('When did the harbour pilots of Quillon go on strike?');
    expect(a.kind === 'answered' && a.hits[0]!.sentence.doc).toBe('@everyone <@123456789012345678> **loud**.txt');
    if (a.kind !== 'answered') return;
    expectSafePayload(answerToPayload(a, { question: 'quillon', questionId: '1' }));
    const top = a.hits[0]!;
    expectSafePayload(contextToPayload(engine.context(top.sentence.id), top.sentence.id, top.meta.title));
    const doc = engine.documents.find((d) => d.id === top.sentence.doc)!;
    expectSafePayload(sourceToPayload(doc, engine.summary(doc.id, 4)));
  });

  it('the 2 MB line is indexed, and asking about it, its context and its /source take well under a second each', () => {
    const engine = holder.engine;
    const doc = engine.documents.find((d) => d.id === 'one-line.txt')!;
    expect(doc.bytes).toBeGreaterThanOrEqual(2 * MiB);
    const timed = <T>(f: () => T): T => {
      const started = performance.now();
      const out = f();
      expect(performance.now() - started).toBeLessThan(1000);
      return out;
    };
    const a = timed(() => engine.ask('marmalade zeppelin quasar walrus kiln'));
    expect(a.kind === 'answered' && a.hits[0]!.sentence.doc).toBe('one-line.txt');
    if (a.kind !== 'answered') return;
    const top = a.hits[0]!;
    expectSafePayload(timed(() => answerToPayload(a, { question: 'marmalade', questionId: '1' })));
    expectSafePayload(timed(() => contextToPayload(engine.context(top.sentence.id), top.sentence.id, top.meta.title)));
    expectSafePayload(timed(() => sourceToPayload(doc, engine.summary(doc.id, 4))));
  });

  it('a rebuild that throws (the seeds folder gone) keeps the old engine and the stored index byte for byte', async () => {
    const before = holder.engine;
    const bytes = fs.readFileSync(join(data.path, INDEX_FILE));
    const moved = `${seeds.path}-moved`;
    fs.renameSync(seeds.path, moved);
    try {
      await expect(holder.reindex()!).rejects.toThrow('the seeds folder (SEEDS_DIR) does not exist');
    } finally {
      fs.renameSync(moved, seeds.path);
    }
    expect(holder.engine).toBe(before);
    expect(holder.busy).toBe(false);
    expect(fs.readFileSync(join(data.path, INDEX_FILE)).equals(bytes)).toBe(true);
    const again = holder.engine.ask('How much did the ferry terminal cost?');
    expect(again.kind === 'answered' && again.hits[0]!.sentence.text).toBe(TINY.cost);
  });

  it('a seeds folder emptied (or every file in it skipped) is refused: no corpus replaces the old one', async () => {
    const before = holder.engine;
    const bytes = fs.readFileSync(join(data.path, INDEX_FILE));
    const moved = `${seeds.path}-moved`;
    fs.renameSync(seeds.path, moved);
    fs.mkdirSync(seeds.path);
    fs.writeFileSync(join(seeds.path, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
    try {
      await expect(holder.reindex()!).rejects.toThrow(/^the seeds folder \(SEEDS_DIR\) has no \.txt or \.md file that can be read \(latin1\.txt: skipped, .+\); the stored index is left as it is$/);
    } finally {
      fs.rmSync(seeds.path, { recursive: true });
      fs.renameSync(moved, seeds.path);
    }
    expect(holder.engine).toBe(before);
    expect(fs.readFileSync(join(data.path, INDEX_FILE)).equals(bytes)).toBe(true);
  });
});
