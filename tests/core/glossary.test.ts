import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGlossary } from '../../src/core/glossary.js';
import { SEEDS_DIR, tempDir } from './support.js';

describe('readGlossary: every name an entry points to is an entity', () => {
  let dir: { path: string; cleanup: () => void };
  beforeAll(() => (dir = tempDir('glossary')));
  afterAll(() => dir.cleanup());
  const read = (glossary: unknown) => {
    const file = join(dir.path, 'glossary.json');
    writeFileSync(file, JSON.stringify(glossary));
    return () => readGlossary(file);
  };

  it('the shipped glossary is valid', () => {
    expect(readGlossary(join(SEEDS_DIR, 'glossary.json')).entities.jasdf?.actsFor).toEqual(['japan']);
  });

  it.each([
    ['partOf', { entities: { iturup: { kind: 'place', forms: ['iturup'], partOf: ['kurils'] } } }, /part of "kurils"/],
    ['actsFor', { entities: { jasdf: { kind: 'organisation', forms: ['jasdf'], actsFor: ['japan'] } } }, /acts for "japan"/],
    ['speaksFor', { entities: {}, people: [{ name: 'Qin Gang', forms: ['qin'], speaksFor: ['china'] }] }, /speaks for "china"/],
  ])('%s naming no entity is refused with a clear message', (_, glossary, message) => {
    expect(read(glossary)).toThrow(message);
  });
});
