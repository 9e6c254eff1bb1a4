import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type IndexData } from '../../src/core/build-index.js';
import { readGlossary } from '../../src/core/glossary.js';
import { readSeeds } from '../../src/core/ingest.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import { americanise } from '../../src/core/spelling.js';
import { wholeLineTermText } from '../../src/core/split.js';
import { analyseText, termOfTextWord, termOfWord } from '../../src/core/terms.js';
import { SEEDS_DIR } from './support.js';

/** The real corpus glossary: its aliases are what the engine relies on. */
let nlp: Nlp;
const terms = (text: string) => analyseText(text, nlp).terms;
const entities = (text: string) => analyseText(text, nlp).entities;
const term = (word: string) => termOfWord(word, 'word', nlp);

beforeAll(() => {
  nlp = createNlp(readGlossary(join(SEEDS_DIR, 'glossary.json')));
});

describe('stems', () => {
  it.each([
    ['meeting', 'meetings'],
    ['negotiate', 'negotiated'],
    ['negotiate', 'negotiates'],
    ['relation', 'relations'],
    ['threaten', 'threatening'],
    ['office', 'offices'],
  ])('%j and %j give one term', (a, b) => {
    expect(term(a)).toBe(term(b));
    expect(term(a)).not.toBe('');
  });

  it('different words stay apart', () => {
    expect(term('office')).not.toBe(term('offer'));
    expect(term('military')).not.toBe(term('ministry'));
    expect(term('china')).not.toBe(term('japan'));
  });

  it('a question and a sentence with inflected words share their terms', () => {
    expect(terms('Japan negotiated the offices')).toEqual(terms('japan negotiates the office'));
  });
});

describe('stop words and non-words', () => {
  it.each(['the and of to', 'What is it?', 'Is it that they were?', '', '   ', '???', '!!! ... ,,,', '🙂🚀🇯🇵', '\u200b\u200b'])('%j gives no terms', (text) => {
    expect(terms(text)).toEqual([]);
  });

  it('keeps content words and drops the stop words around them', () => {
    const t = terms('What is the office for?');
    expect(t).toEqual([term('office')]);
  });

  it("keeps the words of wink's stop list that carry meaning here, and still drops the small ones", () => {
    expect(terms('has it become a full alliance, or is that only a united front?')).toEqual(['full', 'allianc', 'unit', 'front'].map(term));
    expect(terms('will japan pick a side or impose its own sanctions on the former leader?')).toEqual(['japan', 'pick', 'side', 'impose', 'own', 'sanctions', 'former', 'leader'].map(term).concat(['@japan']));
    expect(terms('many more of them went up')).toEqual([term('went')]);
  });

  it('a URL is not a term', () => {
    for (const t of terms('see https://example.com/page for the report')) expect(t).not.toMatch(/http|example/);
  });

  it('terms are never empty and never hold spaces (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        for (const t of terms(text)) {
          expect(t.length).toBeGreaterThan(0);
          expect(t).not.toMatch(/\s/);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('British and American spellings give one term', () => {
  it.each([
    ['defence', 'defense'],
    ['characterise', 'characterize'],
    ['characterised', 'characterized'],
    ['organisation', 'organization'],
    ['neighbour', 'neighbor'],
    ['labour', 'labor'],
    ['centre', 'center'],
    ['programme', 'program'],
    ['analyse', 'analyze'],
    ['travelled', 'traveled'],
  ])('%j = %j', (british, american) => {
    expect(terms(`Japan's ${british} plans`)).toEqual(terms(`Japan's ${american} plans`));
    expect(term(british)).toBe(term(american));
  });

  it.each(['defence', 'neighbour', 'centre', 'organise'])('americanise(%j) is no longer British', (w) => {
    expect(americanise(w)).not.toBe(w);
  });

  it.each(['japan', 'office', 'china', 'is', 'rise'])('americanise(%j) leaves other words alone', (w) => {
    expect(americanise(w)).toBe(w);
  });
});

describe('numbers', () => {
  it.each([
    ['Japan scrambled jets 390 times', '390'],
    ['a forum member with 4,888 messages', '4888'],
    ['to 2 percent of GDP starting 2027', '2027'],
    ['signed in April 1941', '1941'],
  ])('%j has the term %j', (text, t) => {
    expect(terms(text)).toContain(t);
  });

  it('question and corpus write numbers the same way', () => {
    expect(terms('4,888')).toEqual(terms('4888'));
  });

  it('a name with digits is kept whole, not stemmed, and its plural is the name', () => {
    expect(term('f-35')).toBe('f-35');
    expect(term('su-30mki')).toBe('su-30mki');
    expect(term('c-17s')).toBe(term('c-17'));
    expect(term('su-30mkis')).toBe(term('su-30mki'));
    // A decade is no year.
    expect(term('1990s')).not.toBe(term('1990'));
    expect(terms('two C-17 transport aircraft')).toEqual(expect.arrayContaining(terms('how many C-17s')));
  });
});

describe('negation', () => {
  it('a negated word gets a !term; the positive sentence has none', () => {
    const expel = term('expel');
    expect(terms('Japan did not expel Russian diplomats')).toContain(`!${expel}`);
    expect(terms('Japan expelled Russian diplomats').filter((t) => t.startsWith('!'))).toEqual([]);
  });

  it.each(["Japan won't accomplish that", 'Japan cannot accomplish that', 'Japan never accomplished that'])('%j marks accomplish as negated', (text) => {
    expect(terms(text)).toContain(`!${term('accomplish')}`);
  });

  it('words before the negation are not negated', () => {
    expect(terms('Japan did not expel diplomats')).not.toContain(`!${term('japan')}`);
  });
});

describe('entity aliases (the real glossary)', () => {
  it.each([
    ['Moscow said so', 'russia'],
    ['the Kremlin said so', 'russia'],
    ['the Russian Federation said so', 'russia'],
    ['Russia said so', 'russia'],
    ['Beijing said so', 'china'],
    ['the PRC said so', 'china'],
    ['Sino-Russian ties', 'china'],
    ['Sino-Russian ties', 'russia'],
    ['Washington said so', 'united-states'],
    ['the US said so', 'united-states'],
    ['the U.S. said so', 'united-states'],
    ['the United States said so', 'united-states'],
    ['The JASDF flew', 'jasdf'],
    ['the Air Self-Defense Force flew', 'jasdf'],
    ['the Japanese Air Self Defence Force (JASDF) flew', 'jasdf'],
    ['The I’LL TAKE will open an office', 'nato'],
    ["The I'LL TAKE will open an office", 'nato'],
    ['the North Atlantic Treaty Organization', 'nato'],
    ['Jens Stoltenbergand the prime minister', 'jens-stoltenberg'],
    ["who is 'stoltenbergand'?", 'jens-stoltenberg'],
  ])('%j names @%s', (text, entity) => {
    expect(entities(text)).toContain(entity);
    expect(terms(text)).toContain(`@${entity}`);
  });

  it.each(['let us go', 'tell us more', 'Us and them', 'He trusts us.'])('the pronoun in %j is not the United States', (text) => {
    expect(entities(text)).not.toContain('united-states');
  });

  it.each(['The office will open in Tokyo next year.', 'Air travel is a force for good.'])('%j names no country it does not mention', (text) => {
    const e = entities(text);
    expect(e).not.toContain('russia');
    expect(e).not.toContain('united-states');
    expect(e).not.toContain('jasdf');
  });

  it("a garble that is no glued word is rewritten only as written: 'I'll take' is English", () => {
    expect(entities("I'll take the ferry")).not.toContain('nato');
  });

  it('a part names its whole, not its siblings, and the whole names no part (partOf)', () => {
    expect(entities('a Russian base in Tajikistan')).toEqual(expect.arrayContaining(['tajikistan', 'central-asia']));
    expect(entities('a Russian base in Tajikistan')).not.toContain('kyrgyzstan');
    expect(entities('missiles on Iturup')).toEqual(expect.arrayContaining(['iturup', 'kuril-islands']));
    expect(entities('missiles on Iturup')).not.toContain('matua');
    expect(entities('the Central Asian countries')).toEqual(['central-asia']);
  });

  it('aliases of one entity give the same entity term', () => {
    const entityTerms = (text: string) => terms(text).filter((t) => t.startsWith('@'));
    expect(entityTerms('the Kremlin')).toEqual(entityTerms('Moscow'));
    expect(entityTerms('Beijing')).toEqual(entityTerms('the PRC'));
  });
});

describe('flags', () => {
  it.each([
    ['Abe met Putin in Vladivostok', true],
    ['Foreign Minister Yoshimasa Hayashi confirmed it', true],
    ['Hayashi said so', true],
    ['The minister said so', false],
    ['Japan and Russia', false],
    // People the glossary does not know: titles, institutions and places are no names.
    ['The ambassador (Koji Tomita) said so', true],
    ['Ambassador Koji Tomita said so', true],
    ['The Indian Air Force is fielding four fighters', false],
    ['the strongest build-up since World War II', false],
    ['a dean at Tsinghua University', false],
    ['reported by Nikkei Asia on Monday', false],
  ])('%j names a person: %s', (text, person) => {
    expect(analyseText(text, nlp).person).toBe(person);
  });

  it.each([
    ['twenty-one meetings', '21'],
    ['up by eighty-nine', '89'],
    ['an eight-point plan', '8'],
    ['the four islands', '4'],
    ['eighty scrambles', '80'],
  ])('a number written out is its digits: %j has %j', (text, digits) => {
    expect(analyseText(text, nlp).terms).toContain(digits);
  });

  it('a lone "one" counts nothing ("one of the islands"), nor the first word of "two hundred" or "twenty-first"', () => {
    expect(analyseText('one of the islands', nlp).terms).not.toContain('1');
    expect(analyseText('two hundred jets', nlp).terms).not.toContain('2');
    expect(analyseText('the twenty-first century', nlp).terms).not.toContain('20');
    expect(analyseText('twenty one meetings', nlp).terms).toContain('21');
  });

  it('a number word in running text has the same term (for the words shown in bold)', () => {
    expect(['four', 'Twenty-one', 'eighty-nine'].map((w) => termOfTextWord(w, nlp))).toEqual(['4', '21', '89']);
  });

  it('people are entities by their slug', () => {
    expect(entities('Abe met Putin')).toEqual(expect.arrayContaining(['shinzo-abe', 'vladimir-putin']));
  });

  it.each([
    ['the pact of April 1941', { date: true }],
    ['the meeting on July 21', { date: true }],
    ['Japan scrambled jets 390 times', { number: true }],
    ['twenty-one meetings', { number: true }],
    ['they met nineteen times', { number: true }],
    ['2 percent of GDP', { number: true }],
    ['Japan and Russia talked', { date: false, number: false }],
  ])('%j flags %j', (text, flags) => {
    expect(analyseText(text, nlp)).toMatchObject(flags);
  });
});

describe('one pipeline for corpus and questions', () => {
  let index: IndexData;
  beforeAll(() => {
    index = buildIndex(readSeeds(SEEDS_DIR), nlp);
  });

  it('analyseText of each indexed sentence gives exactly the terms the split path stored', () => {
    expect(index.sentences.length).toBeGreaterThan(100);
    for (const s of index.sentences) {
      // A page line reads its links as words and says what it is (a poster's profile, a link…), as do a headline and a heading (see wholeLineTermText).
      const whole = s.kind === 'page' || s.kind === 'title' || s.kind === 'heading' ? s.kind : undefined;
      const read = whole === undefined ? [analyseText(s.text, nlp).terms] : ([undefined, 'profile', 'link', 'tags', 'category', 'follow', 'site'] as const).map((m) => analyseText(wholeLineTermText(whole, s.text, m), nlp).terms);
      expect(read, s.text).toContainEqual(index.sentenceTerms[s.id]!.map((t) => index.vocab[t]));
    }
  });

  it('the same words asked as a question find their sentence term for term', () => {
    const s = index.sentences.find((x) => x.text.startsWith('In the last fiscal year, Japan scrambled jets 390 times'))!;
    expect(s).toBeDefined();
    const stored = new Set(index.sentenceTerms[s.id]!.map((t) => index.vocab[t]));
    for (const t of terms('Japan scrambled jets 390 times to intercept approaching Russian aircraft')) expect(stored.has(t), t).toBe(true);
  });
});
