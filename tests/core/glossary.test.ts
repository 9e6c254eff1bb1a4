import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitySpans, readGlossary, spacedWords } from '../../src/core/glossary.js';
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
    ['cities', { entities: { japan: { kind: 'country', forms: ['japan'], cities: ['tokyo'] } } }, /city "tokyo", which is not one of its forms/],
    ['nationality', { entities: { nato: { kind: 'organisation', forms: ['nato'] } }, people: [{ name: 'Jens Stoltenberg', forms: ['stoltenberg'], nationality: 'nato' }] }, /is of "nato", which is not a country entity/],
  ])('%s naming no entity is refused with a clear message', (_, glossary, message) => {
    expect(read(glossary)).toThrow(message);
  });
});

describe('entitySpans: where a text names the glossary\'s entities and people', () => {
  const glossary = readGlossary(join(SEEDS_DIR, 'glossary.json'));

  it('finds each name in text order, by whole words, with its kind and whether it is a demonym', () => {
    const text = 'Did Moscow warn the Chinese or Russia about Zakharova? Russians, prussia';
    expect(entitySpans(text, glossary).map((s) => [text.slice(s.start, s.end), s.entity, s.kind, s.demonym])).toEqual([
      ['Moscow', 'russia', 'country', false],
      ['Chinese', 'china', 'country', true],
      ['Russia', 'russia', 'country', false],
      ['Zakharova', 'maria-zakharova', 'person', false],
      ['Russians', 'russia', 'country', true],
    ]);
  });

  it('takes the longer of two overlapping forms, and exact forms only as written', () => {
    expect(entitySpans('South Korea and Korea', glossary).map((s) => s.entity)).toContain('south-korea');
    expect(entitySpans('South Korea', glossary)).toHaveLength(1);
    expect(entitySpans('the US said', glossary).map((s) => s.entity)).toEqual(['united-states']);
    expect(entitySpans('tell us more', glossary)).toEqual([]);
  });

  it("finds a form with an apostrophe typed with either mark (\"russia's\" and \"russia’s\")", () => {
    for (const q of ["has japan hosted the commander of russia's ground forces?", 'has japan hosted the commander of russia’s ground forces?']) {
      expect(entitySpans(q, glossary).map((s) => s.entity), q).toEqual(['japan', 'oleg-salyukov']);
    }
  });

  it('spaces words with an apostrophe typed either way as the straight one the forms are written with', () => {
    for (const text of ["the People's Republic", 'the People’s Republic']) expect(spacedWords(text.toLowerCase()), text).toContain(" people's republic ");
  });

  it('knows the G7 as the big seven, and the Skripal affair by its poison', () => {
    expect(entitySpans('did the big seven expel anyone over the novichok attack?', glossary).map((s) => s.entity)).toEqual(['g7', 'sergei-skripal']);
  });

  it('knows a person by a distinctive given name alone, as chat calls them ("shinzo", "fumio")', () => {
    expect(entitySpans("is shinzo's soft spot for the kremlin real? and what did fumio say?", glossary).filter((s) => s.kind === 'person').map((s) => s.entity)).toEqual(['shinzo-abe', 'fumio-kishida']);
  });

  it('knows the Kurils by their Japanese name, Chishima', () => {
    expect(entitySpans('til what year did nippon run the chishima islands?', glossary).map((s) => s.entity)).toEqual(['japan', 'kuril-islands']);
  });

  it('knows "the late PM" as Abe, the corpus\'s only late prime minister', () => {
    for (const q of ['the piece contrasts kishida with the late ex-PM', 'the late PM was pretty hostile to moscow', 'what did the late prime minister want?']) {
      expect(entitySpans(q, glossary).filter((s) => s.kind === 'person').map((s) => s.entity), q).toContain('shinzo-abe');
    }
  });
});
