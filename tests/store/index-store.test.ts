import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { INDEX_FILE, loadIndex } from '../../src/store/index-store.js';
import { TINY } from '../core/support.js';
import { answersOf, storeDirs } from './support.js';

// Faults (corrupt files, unwritable folders) are in index-store.faults.test.ts.

let dirs: ReturnType<typeof storeDirs>;
beforeEach(() => {
  dirs = storeDirs('store');
});
afterEach(() => dirs.cleanup());

describe('loadIndex: build, load, rebuild', () => {
  it('first call builds (missing) and writes data/index.json to disk; the second loads it as stored with the same answers', async () => {
    expect(existsSync(dirs.dataDir)).toBe(false);
    const first = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(first.rebuilt).toBe('missing');
    expect(first.saved).toBe(true);
    expect(first.warnings).toEqual([]);
    // lowdb's node preset keeps data in memory under NODE_ENV=test; our store must write the file.
    expect(process.env.NODE_ENV).toBe('test');
    expect(existsSync(dirs.indexPath)).toBe(true);
    const onDisk = dirs.stored();
    expect(onDisk.schema).toBe(SCHEMA_VERSION);
    expect(onDisk.fingerprint).toBe(first.data.fingerprint);
    expect(onDisk.documents.map((d) => d.id)).toEqual([TINY.ferryDoc, TINY.beesDoc, TINY.observatoryDoc]);
    expect(onDisk.sentences).toEqual(first.data.sentences);
    // Written atomically: nothing but the index is left in the folder.
    expect(readdirSync(dirs.dataDir)).toEqual([INDEX_FILE]);

    const mtime = statSync(dirs.indexPath).mtimeMs;
    const second = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(second.rebuilt).toBeUndefined();
    expect(second.saved).toBe(true);
    expect(second.data.builtAt).toBe(first.data.builtAt);
    expect(statSync(dirs.indexPath).mtimeMs).toBe(mtime);
    const answers = answersOf(second);
    expect(answers).toEqual(answersOf(first));
    expect(answers.slice(0, 3).map((a) => a.kind)).toEqual(['answered', 'answered', 'answered']);
  });

  it('a changed seed file rebuilds (seeds-changed), the new text is answered, and the next call loads', async () => {
    await loadIndex(dirs.seedsDir, dirs.dataDir);
    const added = 'The harbour master, Ruth Okafor, runs the terminal with nineteen staff.';
    appendFileSync(join(dirs.seedsDir, TINY.ferryDoc), `\n${added}\n`);
    const changed = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(changed.rebuilt).toBe('seeds-changed');
    expect(changed.saved).toBe(true);
    expect(dirs.stored().fingerprint).toBe(changed.data.fingerprint);
    const a = new Engine(changed.data, changed.nlp).ask('Who is the harbour master running the terminal?');
    expect(a.kind === 'answered' ? a.hits[0]?.sentence.text : undefined).toBe(added);
    expect((await loadIndex(dirs.seedsDir, dirs.dataDir)).rebuilt).toBeUndefined();
  });

  it('a changed glossary rebuilds too (seeds-changed)', async () => {
    await loadIndex(dirs.seedsDir, dirs.dataDir);
    const path = join(dirs.seedsDir, 'glossary.json');
    const glossary = JSON.parse(readFileSync(path, 'utf8')) as { people: Array<{ name: string; forms: string[] }> };
    glossary.people.push({ name: 'Anna Schmidt', forms: ['schmidt'] });
    writeFileSync(path, JSON.stringify(glossary));
    expect((await loadIndex(dirs.seedsDir, dirs.dataDir)).rebuilt).toBe('seeds-changed');
  });

  it('a stored index of another schema version rebuilds (schema) and is replaced', async () => {
    await loadIndex(dirs.seedsDir, dirs.dataDir);
    writeFileSync(dirs.indexPath, JSON.stringify({ ...dirs.stored(), schema: SCHEMA_VERSION - 1 }));
    const again = await loadIndex(dirs.seedsDir, dirs.dataDir);
    expect(again.rebuilt).toBe('schema');
    expect(again.saved).toBe(true);
    expect(dirs.stored().schema).toBe(SCHEMA_VERSION);
  });

  it('force rebuilds a current index (forced) and leaves no temporary file', async () => {
    await loadIndex(dirs.seedsDir, dirs.dataDir);
    const forced = await loadIndex(dirs.seedsDir, dirs.dataDir, { force: true });
    expect(forced.rebuilt).toBe('forced');
    expect(forced.saved).toBe(true);
    expect(readdirSync(dirs.dataDir)).toEqual([INDEX_FILE]);
  });
});
