import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, type IndexData } from '../../src/core/build-index.js';
import { classifyBlocks } from '../../src/core/clean.js';
import { readSeeds } from '../../src/core/ingest.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import { splitDocument } from '../../src/core/split.js';
import type { Sentence } from '../../src/core/types.js';
import { SEEDS_DIR, seedName } from './support.js';

let nlp: Nlp;
let index: IndexData;
const fileText = new Map<string, string>();

beforeAll(() => {
  const seeds = readSeeds(SEEDS_DIR);
  nlp = createNlp(seeds.glossary);
  index = buildIndex(seeds, nlp);
  for (const f of seeds.files) fileText.set(f.id, readFileSync(join(SEEDS_DIR, f.id), 'utf8'));
});

const sentencesOf = (doc: string): Sentence[] => index.sentences.filter((s) => s.doc === doc);
const termsOf = (s: Sentence): string[] => index.sentenceTerms[s.id]!.map((t) => index.vocab[t]!);

describe('sentences of the real seeds', () => {
  it('every sentence quotes the file exactly at its offsets', () => {
    expect(index.sentences.length).toBeGreaterThan(100);
    for (const s of index.sentences) {
      const text = fileText.get(s.doc);
      expect(text, s.doc).toBeDefined();
      expect(text!.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.text).toMatch(/[\p{L}\p{N}]/u);
    }
  });

  it('ids are the positions in the list, and documents come whole, in file order', () => {
    index.sentences.forEach((s, i) => expect(s.id).toBe(i));
    const order = index.sentences.map((s) => s.doc).filter((d, i, all) => d !== all[i - 1]);
    expect(order).toEqual(index.documents.map((d) => d.id));
    expect(new Set(order).size).toBe(order.length);
  });

  it('per document: ordinals count from 0, paragraphs step by one, positions restart in each paragraph, offsets increase (page lines, headlines and headings aside: paragraph -1)', () => {
    for (const doc of index.documents) {
      const all = sentencesOf(doc.id);
      expect(all.length).toBe(doc.sentences);
      all.forEach((s, i) => expect(s.ordinal).toBe(i));
      const ss = all.filter((s) => s.paragraph >= 0);
      expect(all.filter((s) => s.paragraph < 0).every((s) => s.kind === 'page' || s.kind === 'title' || s.kind === 'heading')).toBe(true);
      ss.forEach((s, i) => {
        const prev = ss[i - 1];
        if (!prev) {
          expect(s.paragraph).toBe(0);
          expect(s.position).toBe(0);
          return;
        }
        expect(s.start).toBeGreaterThanOrEqual(prev.end);
        if (s.paragraph === prev.paragraph) expect(s.position).toBe(prev.position + 1);
        else {
          expect(s.paragraph).toBe(prev.paragraph + 1);
          expect(s.position).toBe(0);
        }
      });
    }
  });

  it('each sentence lies inside one kept block of its kind (never in chrome or the title)', () => {
    for (const doc of index.documents) {
      const blocks = classifyBlocks(fileText.get(doc.id)!);
      for (const s of sentencesOf(doc.id)) {
        const block = blocks.find((b) => b.start <= s.start && s.end <= b.end);
        expect(block, s.text).toBeDefined();
        expect(block!.kind).toBe(s.kind);
      }
    }
  });

  it('document counts of sentences and comments match the sentence list', () => {
    for (const doc of index.documents) {
      const ss = sentencesOf(doc.id);
      expect(doc.comments).toBe(ss.filter((s) => s.kind === 'comment').length);
    }
    expect(index.documents.find((d) => d.id === seedName('002'))!.comments).toBeGreaterThan(5);
  });

  it.each([
    ['000', 'Sawako Utsumi and Lee Jay Walker'],
    ['002', 'James D.J. Brown'],
    ['003', 'Kanako Mita, Sawako Utsumi, and Lee Jay Walker'],
  ])('%s: the byline is one sentence, the first of the document\'s text (page details and the headline aside)', (prefix, byline) => {
    const all = sentencesOf(seedName(prefix));
    const bylines = all.filter((s) => s.kind === 'byline');
    expect(bylines.map((s) => s.text)).toEqual([byline]);
    expect(all.filter((s) => s.kind !== 'page' && s.kind !== 'title')[0]).toBe(bylines[0]);
    expect(bylines[0]!.paragraph).toBe(0);
  });

  it('page lines stand outside the article\'s paragraphs, so they shift no article position; 002\'s poster profile is one of them', () => {
    const all = sentencesOf(seedName('002'));
    const pages = all.filter((s) => s.kind === 'page');
    expect(pages.map((s) => s.paragraph)).toEqual(pages.map(() => -1));
    expect(pages[0]!.text).toMatch(/^haidian\n[\s\S]*\nJoined\nDec 18, 2010\nMessages\n4,888\n/);
    expect(all.filter((s) => s.kind !== 'page' && s.kind !== 'title' && s.kind !== 'heading').every((s) => s.paragraph >= 0)).toBe(true);
    // The headline and the three section headings stand outside the paragraphs too.
    expect(all.filter((s) => s.kind === 'title' || s.kind === 'heading').map((s) => [s.kind, s.paragraph])).toEqual([['title', -1], ['heading', -1], ['heading', -1], ['heading', -1]]);
  });

  it('004: the garble "The I’LL TAKE will open…" is quoted as written but indexed as NATO', () => {
    const s = sentencesOf(seedName('004')).find((x) => x.text.startsWith('The I’LL TAKE will open'));
    expect(s).toBeDefined();
    expect(s!.text).toBe('The I’LL TAKE will open in Japan its first Asian office next year.');
    const terms = termsOf(s!);
    expect(terms).toContain('@nato');
    expect(terms).toContain('nato');
    expect(terms).not.toContain('take');
  });

  it('004: glued words are indexed apart ("Stoltenbergand" names Stoltenberg)', () => {
    const s = sentencesOf(seedName('004')).find((x) => x.text.includes('Stoltenbergand'));
    expect(s).toBeDefined();
    expect(s!.text).toContain('Stoltenbergand');
    expect(termsOf(s!)).toContain('@jens-stoltenberg');
  });

  it('002: the reader comment on hostile neighbours is a comment sentence; the last article paragraph is article', () => {
    const ss = sentencesOf(seedName('002'));
    expect(ss.find((s) => s.text.startsWith('In the Far East neighborhood, Japan is surrounded'))?.kind).toBe('comment');
    expect(ss.find((s) => s.text.startsWith('Overall, Japan’s casual attitude'))?.kind).toBe('article');
  });
});

describe('splitDocument on small texts', () => {
  const split = (text: string) => splitDocument('t.txt', text, classifyBlocks(text), nlp);

  it('splits a paragraph into its sentences, numbering them', () => {
    const text = 'A title line\n\nJane Roe\n\nThe ministry met on Monday. It said nothing new. Talks go on.\n\nA second paragraph follows here.';
    const out = split(text).map((a) => a.sentence);
    expect(out.map((s) => [s.kind, s.paragraph, s.position, s.text])).toEqual([
      ['title', -1, 0, 'A title line'],
      ['byline', 0, 0, 'Jane Roe'],
      ['article', 1, 0, 'The ministry met on Monday.'],
      ['article', 1, 1, 'It said nothing new.'],
      ['article', 1, 2, 'Talks go on.'],
      ['article', 2, 0, 'A second paragraph follows here.'],
    ]);
    for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('a stray letter glued after a full stop is not a sentence of its own', () => {
    const text = 'A title line\n\nThe scrambles were provoked by China.I\n\nRussia is also active. A 2 B.';
    const texts = split(text).map((a) => a.sentence.text);
    expect(texts).toContain('The scrambles were provoked by China.');
    expect(texts).not.toContain('I');
    expect(texts).toContain('Russia is also active.');
  });

  it('keeps offsets exact through CRLF line ends, tabs, curly quotes and emoji', () => {
    const text = 'Title here\r\n\r\n\tThe envoy said: “We are working on it.” 🙂 Then he left Tokyo.\r\n';
    const out = split(text);
    expect(out.length).toBeGreaterThan(0);
    for (const { sentence: s } of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('offsets are exact for any text (property)', () => {
    const word = fc.constantFrom('Japan', 'said', 'the', 'U.S.', 'Dr.', 'office', '2023', '4,888', '“quoted”', 'I’LL TAKE', 'e.g.', '...', '—', '🙂', 'NATO’s');
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' ') + '.');
    const paragraph = fc.oneof(fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' ')), fc.string({ maxLength: 80 }));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), (ps) => {
        const text = ps.join('\n\n');
        let last = 0;
        for (const { sentence: s } of split(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
      { numRuns: 150 },
    );
  });
});
