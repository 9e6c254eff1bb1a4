// A shard reads the index the manager stored, with the glossary the manager built it with.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { readStoredEngine } from '../../src/shard/shard-index.js';
import { loadIndex } from '../../src/store/index-store.js';
import { SEEDS_DIR, tempDir } from '../core/support.js';

describe('readStoredEngine: a shard reads questions as the manager does', () => {
  let dir: { path: string; cleanup: () => void };
  beforeAll(() => {
    dir = tempDir('shard-index');
  });
  afterAll(() => dir.cleanup());

  it('with the world countries the stored index was built with (a country the corpus never names is declined)', async () => {
    const manager = await loadIndex(SEEDS_DIR, dir.path);
    const shard = await readStoredEngine(dir.path);
    expect(manager.data.worldEntities).toContain('canada');
    expect(shard.engine).toBeInstanceOf(Engine);
    expect(Object.keys((shard.engine as Engine).nlp.glossary.entities).sort()).toEqual(Object.keys(manager.nlp.glossary.entities).sort());
    const a = shard.engine.ask("how did canada react to russia's drills on iturup?");
    expect(a.query.entities).toContain('canada');
    expect(a.kind).toBe('no-answer');
  });

  it('with the glossary the index was built with, not one edited since (the index is stale until a reindex)', async () => {
    const seeds = tempDir('shard-seeds');
    try {
      cpSync(SEEDS_DIR, seeds.path, { recursive: true });
      const manager = await loadIndex(seeds.path, dir.path, { force: true });
      const file = join(seeds.path, 'glossary.json');
      const edited = JSON.parse(readFileSync(file, 'utf8')) as { people: Array<{ name: string; forms: string[] }> };
      edited.people.push({ name: 'Ines Carvalho', forms: ['Carvalho'] });
      writeFileSync(file, JSON.stringify(edited));
      const shard = await readStoredEngine(dir.path);
      expect((shard.engine as Engine).nlp.glossary).toEqual(manager.nlp.glossary);
      expect((shard.engine as Engine).nlp.glossary.people.map((p) => p.name)).not.toContain('Ines Carvalho');
    } finally {
      seeds.cleanup();
    }
  });
});
