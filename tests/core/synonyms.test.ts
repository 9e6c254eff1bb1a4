import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type IndexData } from '../../src/core/build-index.js';
import { readGlossary } from '../../src/core/glossary.js';
import { readSeeds } from '../../src/core/ingest.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import { buildSynonyms, readThesaurus, readWordnetTerms, WORDNET_TERMS_FILE, wordnetTermsText } from '../../src/core/synonyms.js';
import { wordTerm } from '../../src/core/terms.js';
import { SEEDS_DIR } from './support.js';

let nlp: Nlp;
let data: IndexData;

beforeAll(() => {
  nlp = createNlp(readGlossary(join(SEEDS_DIR, 'glossary.json')));
  data = buildIndex(readSeeds(SEEDS_DIR), nlp);
});

describe('shipped WordNet terms (src/core/wordnet-terms.txt)', () => {
  it('match what the term pipeline makes of every WordNet word (run `npm run wordnet-terms` after changing stemming or spelling)', () => {
    expect(wordnetTermsText((w) => wordTerm(w, nlp)) === readFileSync(WORDNET_TERMS_FILE, 'utf8')).toBe(true);
  });

  it('give the same synonym table as stemming every word afresh', () => {
    const vocab = new Set(data.vocab);
    const fresh = buildSynonyms((w) => wordTerm(w, nlp), (t) => vocab.has(t));
    expect(data.synonyms).toEqual(fresh);
    expect(readWordnetTerms().size).toBeGreaterThan(70_000);
    expect(Object.keys(fresh).length).toBeGreaterThan(1000);
  });
});

describe('the thesaurus of international-relations news (src/core/thesaurus.json)', () => {
  it('ships groups of lower-case words and short phrases', () => {
    const groups = readThesaurus();
    expect(groups.length).toBeGreaterThan(100);
    for (const g of groups) {
      expect(g.length).toBeGreaterThanOrEqual(2);
      for (const m of g) expect(m).toMatch(/^[a-z][a-z -]*$/);
    }
  });

  it('leads a casual phrase to the formal word the corpus uses, and only to words it uses', () => {
    const table = buildSynonyms((w) => wordTerm(w, nlp), (t) => t === wordTerm('conciliatory', nlp), new Map(), [['going easy', 'conciliatory', 'dovish']]);
    expect(table[`${wordTerm('going', nlp)}_${wordTerm('easy', nlp)}`]).toContain(wordTerm('conciliatory', nlp));
    expect(table[wordTerm('dovish', nlp)]).toContain(wordTerm('conciliatory', nlp));
    expect(Object.values(table).flat()).not.toContain(wordTerm('dovish', nlp));
  });

  it('reaches the real corpus: a question going easy on someone finds the conciliatory policy', () => {
    expect(data.synonyms[`${wordTerm('going', nlp)}_${wordTerm('easy', nlp)}`]).toContain(wordTerm('conciliatory', nlp));
  });
});

describe('derived forms (WordNet `+` links)', () => {
  it('hold both ways when the corpus has both words: "allies" in a question reaches "alliance", not only the reverse', () => {
    const ally = wordTerm('allies', nlp);
    const alliance = wordTerm('alliance', nlp);
    expect(data.vocab).toContain(ally);
    expect(data.vocab).toContain(alliance);
    expect(data.synonyms[alliance]).toContain(ally);
    expect(data.synonyms[ally]).toContain(alliance);
  });

  it('add no reverse link to a word the corpus lacks', () => {
    const only = wordTerm('alliance', nlp);
    const table = buildSynonyms((w) => wordTerm(w, nlp), (t) => t === only);
    expect(Object.keys(table).filter((k) => table[k]!.includes(wordTerm('allies', nlp)))).toEqual([]);
    expect(table[only] ?? []).toEqual([]);
  });
});

describe('thesaurus phrases of three words or more', () => {
  it('are keyed without their small words, so a question\'s "footing the bill" reaches "pay" ("foot the bill" was never heard)', () => {
    const key = `${wordTerm('footing', nlp)}_${wordTerm('bill', nlp)}`;
    expect(data.synonyms[key]).toContain(wordTerm('pay', nlp));
  });

  it('are not keyed by one word when only one is left ("on the rise" is not "rise")', () => {
    const table = buildSynonyms((w) => wordTerm(w, nlp), (t) => t === wordTerm('ascendant', nlp), new Map(), [['on the glorp', 'kick the glorp', 'ascendant']]);
    expect(table[wordTerm('glorp', nlp)]).toBeUndefined();
    expect(table[`${wordTerm('kick', nlp)}_${wordTerm('glorp', nlp)}`]).toEqual([wordTerm('ascendant', nlp)]);
  });
});
