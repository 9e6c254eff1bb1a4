import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/build-index.js';
import { INDEX_FILE, loadIndex } from '../../src/store/index-store.js';
import { answersOf, isRoot, storeDirs } from './support.js';

let dirs: ReturnType<typeof storeDirs>;
beforeEach(() => {
  dirs = storeDirs('store-faults');
});
afterEach(() => dirs.cleanup());

const movedAside = () => readdirSync(dirs.dataDir).filter((n) => n.startsWith(`${INDEX_FILE}.corrupt-`));

describe('loadIndex: a bad stored index', () => {
  it('a truncated index.json is moved aside (kept byte for byte), a warning names it, and a fresh one is built (corrupt)', async () => {
    await loadIndex(dirs.seedsDir, dirs.dataDir);
    const whole = readFileSync(dirs.indexPath);
    const half = whole.subarray(0, Math.floor(whole.length / 2));
    writeFileSync(dirs.indexPath, half);

    const again = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(again.rebuilt).toBe('corrupt');
    expect(again.saved).toBe(true);
    const aside = movedAside();
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dirs.dataDir, aside[0]!)).equals(half)).toBe(true);
    expect(again.warnings.some((w) => w.includes(aside[0]!))).toBe(true);
    expect(dirs.stored().fingerprint).toBe(again.data.fingerprint);
    expect(answersOf(again)[0]!.kind).toBe('answered');
  });

  it.each([
    ['an empty file', ''],
    ['not JSON at all', 'hello, world'],
    ['JSON that is not an index', JSON.stringify({ hello: 'world' })],
    ['an array', '[1, 2, 3]'],
    [
      'an index whose arrays disagree',
      JSON.stringify({ schema: SCHEMA_VERSION, fingerprint: 'x', documents: [], sentences: [{}], sentenceTerms: [], vocab: [], sentenceFlags: [], headerTerms: [], words: {} }),
    ],
  ])('%s is moved aside and rebuilt (corrupt)', async (_name, content) => {
    mkdirSync(dirs.dataDir);
    writeFileSync(dirs.indexPath, content);
    const loaded = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(loaded.rebuilt).toBe('corrupt');
    expect(loaded.saved).toBe(true);
    const aside = movedAside();
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dirs.dataDir, aside[0]!), 'utf8')).toBe(content);
    expect(loaded.warnings.some((w) => w.includes(aside[0]!))).toBe(true);
    expect(dirs.stored().schema).toBe(SCHEMA_VERSION);
  });
});

describe('loadIndex: nowhere to save', () => {
  it('a data folder under a regular file (mkdir fails, ENOTDIR): saved false, a warning, still answers', async () => {
    const blocker = join(dirs.root, 'not-a-folder');
    writeFileSync(blocker, 'a file where the data folder should go');
    const loaded = await loadIndex(dirs.seedsDir, join(blocker, 'data'));
    expect(loaded.saved).toBe(false);
    expect(loaded.rebuilt).toBeDefined();
    expect(loaded.warnings.some((w) => w.includes(`could not save ${INDEX_FILE}`))).toBe(true);
    expect(readFileSync(blocker, 'utf8')).toBe('a file where the data folder should go');
    expect(answersOf(loaded)[0]!.kind).toBe('answered');
  });

  it.skipIf(isRoot)('a read-only data folder: saved false, a warning, still answers (skipped as root: root writes anywhere)', async () => {
    mkdirSync(dirs.dataDir);
    chmodSync(dirs.dataDir, 0o555);
    const loaded = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(loaded.saved).toBe(false);
    expect(loaded.rebuilt).toBe('missing');
    expect(loaded.warnings.some((w) => w.includes(`could not save ${INDEX_FILE}`))).toBe(true);
    expect(answersOf(loaded)[0]!.kind).toBe('answered');
    expect(existsSync(dirs.indexPath)).toBe(false);
  });
});

describe('loadIndex: seed problems', () => {
  it('skipped seed files are reported as warnings and left out of the index', async () => {
    writeFileSync(join(dirs.seedsDir, 'broken.txt'), Buffer.from([0x41, 0x00, 0x42]));
    const loaded = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(loaded.warnings.filter((w) => w.startsWith('broken.txt:'))).toHaveLength(1);
    expect(loaded.data.documents.map((d) => d.id)).not.toContain('broken.txt');
    expect(loaded.data.warnings).toEqual(loaded.warnings);
  });
});
