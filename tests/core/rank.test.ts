import fc from 'fast-check';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADVICE, COMPARISON, PREDICTION, type IndexData } from '../../src/core/build-index.js';
import { readGlossary } from '../../src/core/glossary.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import { parseQuestion } from '../../src/core/question.js';
import { defaultRankParams, idf, rankSentences, type RankParams, type Scored } from '../../src/core/rank.js';
import { openIndex, type SearchIndex } from '../../src/core/search-index.js';
import { indexOf, SEEDS_DIR, tempDir, TINY, TINY_DIR } from './support.js';

/** A corpus folder built and opened: its nlp (from its glossary), index data and search index. */
interface Corpus {
  nlp: Nlp;
  data: IndexData;
  index: SearchIndex;
}
function openCorpus(dir: string): Corpus {
  const n = createNlp(readGlossary(join(dir, 'glossary.json')));
  const d = indexOf(dir, n);
  return { nlp: n, data: d, index: openIndex(d) };
}

let nlp: Nlp;
let data: IndexData;
let index: SearchIndex;

beforeAll(() => {
  ({ nlp, data, index } = openCorpus(TINY_DIR));
});

const rank = (question: string, limit = 50): Scored[] => rankSentences(index, parseQuestion(question, index, nlp), limit);
const textOf = (r: Scored | undefined) => (r === undefined ? undefined : data.sentences[r.sentence]!.text);

/** Questions of every kind, each with the one sentence of the tiny corpus that answers it (checked by reading the fixture). */
const KNOWN: Array<[kind: string, question: string, answer: string]> = [
  ['lexical', 'What do the beekeepers treat their colonies with?', TINY.treat],
  ['lexical', 'What damaged the mirror motor?', TINY.telescope],
  ['lexical', 'What does the chairwoman expect?', TINY.harvest],
  ['alias (glossary acronym)', 'What did the NOS replace at the observatory?', TINY.engineers],
  ['alias (glossary acronym)', 'When did KHO reopen?', TINY.reopened],
  ['alias (glossary short form)', 'What did the optical society do?', TINY.engineers],
  ['number', 'How much did the ferry terminal cost?', TINY.cost],
  ['number', 'How many passengers can the terminal handle a day?', TINY.cost],
  ['number', 'How many beekeepers founded the cooperative?', TINY.founded],
  ['number', 'How often do ferries leave for Skellig Mor?', TINY.ferries],
  ['when', 'When did the Kestrel Hill Observatory reopen?', TINY.reopened],
  ['when', 'When did varroa mites kill the hives?', TINY.mites],
  ['when', 'In what year was the honey cooperative founded?', TINY.founded],
  ['who', 'Who expects the honey harvest to double?', TINY.harvest],
  ['who', 'Which mayor said the terminal would bring tourists back?', TINY.mayor],
];

describe('rankSentences on the tiny corpus', () => {
  it('the fixture sentences quoted by these tests are in the index', () => {
    const texts = new Set(data.sentences.map((s) => s.text));
    for (const [, , answer] of KNOWN) expect(texts.has(answer), answer).toBe(true);
  });

  it.each(KNOWN)('%s: %j → the answering sentence first', (_kind, question, answer) => {
    expect(textOf(rank(question)[0])).toBe(answer);
  });

  // Once a weakness: the place named in the question (Port Elwen, its words at full weight beside its
  // entity) outweighed "mayor", so "The town of Port Elwen opened…" beat the only sentence naming the mayor.
  // A name's own words now weigh half (`aliasLiteral`): its entity term carries it.
  it('who: "Who is the mayor of Port Elwen?" → the sentence naming the mayor first', () => {
    expect(textOf(rank('Who is the mayor of Port Elwen?')[0])).toBe(TINY.mayor);
  });

  it.each(Array.from({ length: 10 }, (_, i) => i + 1))('limit %i: at most that many results, the best ones', (k) => {
    for (const [, question] of KNOWN) {
      const all = rank(question);
      const top = rank(question, k);
      expect(top.length).toBe(Math.min(k, all.length));
      expect(top).toEqual(all.slice(0, k));
    }
  });

  it('scores are positive and non-increasing; ties go to the earlier sentence', () => {
    for (const [, question] of KNOWN) {
      const r = rank(question);
      expect(r.length).toBeGreaterThan(1);
      r.forEach((x, i) => {
        expect(x.score).toBeGreaterThan(0);
        const prev = r[i - 1];
        if (prev) {
          expect(x.score).toBeLessThanOrEqual(prev.score);
          if (x.score === prev.score) expect(x.sentence).toBeGreaterThan(prev.sentence);
        }
      });
    }
  });

  it('coverages are shares: 0 ≤ self ≤ window ≤ 1', () => {
    for (const [, question] of KNOWN) {
      for (const r of rank(question)) {
        expect(r.selfCoverage).toBeGreaterThanOrEqual(0);
        expect(r.selfCoverage).toBeLessThanOrEqual(r.windowCoverage + 1e-9);
        expect(r.windowCoverage).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
  });

  it('the top sentence of a question it answers word for word covers the whole question', () => {
    const [top] = rank('varroa mites hives');
    expect(textOf(top)).toBe(TINY.mites);
    expect(top!.selfCoverage).toBeCloseTo(1, 6);
  });

  it('every result holds a question term itself or within two sentences of the same document', () => {
    for (const [, question] of KNOWN) {
      const q = parseQuestion(question, index, nlp);
      const ids = new Set(q.terms.flatMap((t) => (t.id === undefined ? [] : [t.id])));
      for (const r of rank(question)) {
        const doc = data.sentences[r.sentence]!.doc;
        const near = [-2, -1, 0, 1, 2]
          .map((o) => r.sentence + o)
          .filter((s) => s >= 0 && s < data.sentences.length && data.sentences[s]!.doc === doc);
        expect(near.some((s) => data.sentenceTerms[s]!.some((t) => ids.has(t))), textOf(r)).toBe(true);
      }
    }
  });

  it('is deterministic', () => {
    for (const [, question] of KNOWN) expect(rank(question)).toEqual(rank(question));
  });

  it('a question with no terms, or only words the corpus lacks, ranks nothing', () => {
    expect(rank('')).toEqual([]);
    expect(rank('the of and')).toEqual([]);
    expect(rank('zyxqv wqpfk')).toEqual([]);
  });

  it('a nonsense word added to a question does not change the order', () => {
    for (const [, question] of KNOWN) {
      const order = (q: string) => rank(q).map((r) => r.sentence);
      expect(order(`${question} zyxqv`)).toEqual(order(question));
    }
  });

  it('a negated question is not penalised for the negations the corpus lacks', () => {
    // "Didn't" negates every word after it (!beekeep, !treat …); no sentence negates them, and that is no missing word.
    const negated = rank("Didn't the beekeepers treat their colonies with oxalic acid?")[0]!;
    const plain = rank('Did the beekeepers treat their colonies with oxalic acid?')[0]!;
    expect(textOf(negated)).toBe(TINY.treat);
    expect(negated.unknownShare).toBe(0);
    expect(negated.selfCoverage).toBeCloseTo(plain.selfCoverage, 10);
  });

  it('a limit of 0 gives nothing', () => {
    expect(rankSentences(index, parseQuestion('How much did the ferry terminal cost?', index, nlp), 0)).toEqual([]);
  });

  it('explicit default parameters rank as the default', () => {
    const q = parseQuestion('When did varroa mites kill the hives?', index, nlp);
    expect(rankSentences(index, q, 10, { ...defaultRankParams })).toEqual(rankSentences(index, q, 10));
  });
});

/** Scores by sentence text for a question on a corpus, with some rank parameters overridden. */
function scoresOn(corpus: Corpus, question: string, params: Partial<RankParams>, limit = 200): Map<string, number> {
  const { nlp: n, data: d, index: i } = corpus;
  return new Map(rankSentences(i, parseQuestion(question, i, n), limit, { ...defaultRankParams, ...params }).map((r) => [d.sentences[r.sentence]!.text, r.score]));
}

/** Doubling a boost doubled exactly the sentences `raises` picks (there are some) and left the others (there are some too). */
function expectDoubledOnly(plain: Map<string, number>, raised: Map<string, number>, raises: (text: string) => boolean): void {
  const picked = [...plain].filter(([text]) => raises(text));
  const others = [...plain].filter(([text]) => !raises(text));
  expect(picked.length).toBeGreaterThan(0);
  expect(others.length).toBeGreaterThan(0);
  for (const [text, score] of picked) expect(raised.get(text), text).toBeCloseTo(2 * score, 9);
  for (const [text, score] of others) expect(raised.get(text), text).toBeCloseTo(score, 9);
}

describe('rankSentences: what should be done', () => {
  const CRITICS = 'Critics argued that the money should have gone to the local schools instead.';
  const scores = (question: string, adviceBoost: number) => scoresOn({ nlp, data, index }, question, { adviceBoost }, 50);

  it('a question about what should be done raises the sentences that say what should be, and only those', () => {
    const q = 'where should the terminal money have gone?';
    expectDoubledOnly(scores(q, 1), scores(q, 2), (text) => text === CRITICS);
  });

  it('leaves other questions as they were', () => {
    expect(scores('where did the terminal money go?', 2)).toEqual(scores('where did the terminal money go?', 1));
  });

  it('"doesn’t have to" says what need not be done: no advice', () => {
    expect(ADVICE.test('Western countries should work harder to alleviate it.')).toBe(true);
    expect(ADVICE.test('Japan has to take a step back.')).toBe(true);
    for (const text of ['If we’re attacked, Japan doesn’t have to do anything.', "Japan doesn't have to pay.", 'Japan does not have to act.', 'They never have to ask.']) expect(ADVICE.test(text), text).toBe(false);
  });
});

describe('rankSentences: what will or would happen', () => {
  const scores = (question: string, predictionBoost: number) => scoresOn({ nlp, data, index }, question, { predictionBoost }, 50);

  it('a question about what would happen raises the sentences that say what will or would, and only those', () => {
    const q = 'what would the new terminal do for the harbour?';
    expectDoubledOnly(scores(q, 1), scores(q, 2), (text) => PREDICTION.test(text));
  });

  it('leaves alone a question whose "will" belongs to a clause', () => {
    const q = 'did the mayor say the terminal will bring tourists back?';
    expect(scores(q, 2)).toEqual(scores(q, 1));
  });
});

describe('rankSentences: a question that compares (the seed corpus)', () => {
  let seeds: Corpus;
  beforeAll(() => {
    seeds = openCorpus(SEEDS_DIR);
  });
  const scores = (question: string, comparisonBoost: number) => scoresOn(seeds, question, { comparisonBoost });

  it('raises the sentences that compare, and only those', () => {
    const q = 'how much did the scrambles against russian planes go up compared to the year before?';
    expectDoubledOnly(scores(q, 1), scores(q, 2), (text) => COMPARISON.test(text));
    expect([...scores(q, defaultRankParams.comparisonBoost)].sort((a, b) => b[1] - a[1])[0]![0]).toMatch(/^This figure was up by eighty-nine/);
  });

  it('leaves alone a question that does not compare', () => {
    const q = 'how many times did japan scramble jets against russian planes?';
    expect(scores(q, 2)).toEqual(scores(q, 1));
  });
});

describe('idf', () => {
  it('is positive and falls as more sentences hold the term (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 100 }), (df, step) => {
        const n = Math.max(index.size, df + step);
        const big = { ...index, size: n } as SearchIndex;
        expect(idf(big, df)).toBeGreaterThan(0);
        expect(idf(big, df + step)).toBeLessThan(idf(big, df));
      }),
    );
  });
});

describe('rankSentences: a question that names a document\'s source (the seed corpus)', () => {
  let seeds: Corpus;
  beforeAll(() => {
    seeds = openCorpus(SEEDS_DIR);
  });
  const GLOBAL_TIMES = '001_11215e015e606230.txt';
  const docOf = (text: string) => seeds.data.sentences.find((s) => s.text === text)!.doc;
  const ranked = (question: string, sourceNames: number) => [...scoresOn(seeds, question, { sourceNames })].sort((a, b) => b[1] - a[1]);

  it('"according to the Global Times" no longer puts first the one sentence that names the outlet', () => {
    const q = 'what does the global times say japan wants in central asia?';
    expect(ranked(q, 0)[0]![0]).toMatch(/told the Global Times/);
    expect(ranked(q, 1)[0]![0]).toMatch(/^Experts said that the meeting with Central Asian countries/);
  });

  it('other names in the question are content: a question of names only still credits the source', () => {
    // The names' own words weigh less than a word; "Japan" and "Central Asia" still make it more than the outlet's name.
    for (const q of ['according to the global times, what about japan in central asia?', 'global times on japan and central asia']) {
      expect(ranked(q, 0)[0]![0]).toMatch(/told the Global Times/);
      expect(ranked(q, 1)[0]![0]).not.toMatch(/told the Global Times/);
    }
  });

  it('gives every sentence of that document the same credit for the name, and changes no other document', () => {
    const q = 'according to the global times, what did japan approve last week?';
    const plain = new Map(ranked(q, 0));
    // Sentences within two of one that holds a word of the name lose that word's own score: left out.
    const naming = seeds.data.sentences.filter((s) => /\bglobal\b|\btimes?\b/i.test(s.text)).map((s) => s.id);
    const nearNaming = (text: string) => naming.some((i) => Math.abs(seeds.data.sentences.find((s) => s.text === text)!.id - i) <= 2);
    const credit = new Set<number>();
    for (const [text, score] of ranked(q, 1)) {
      if (docOf(text) !== GLOBAL_TIMES) expect(score, text).toBeCloseTo(plain.get(text)!, 9);
      else if (!nearNaming(text)) credit.add(Math.round((score - plain.get(text)!) * 1e6));
    }
    expect(credit.size).toBe(1);
    expect([...credit][0]).toBeGreaterThan(0);
  });

  it('a question of nothing but the name is about the outlet: ranked as before', () => {
    expect(ranked('what is the global times?', 1)).toEqual(ranked('what is the global times?', 0));
  });

  it('a person a title names is what the article is about, not its source: ranked as before', () => {
    const dir = tempDir('title-person');
    try {
      cpSync(SEEDS_DIR, dir.path, { recursive: true });
      const metaFile = join(dir.path, 'metadata.json');
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, Record<string, unknown>>;
      meta['004_aaf7a6b0dd72b2f5.txt']!.title = 'Kishida: Japan negotiates to open the first NATO office in Asia';
      writeFileSync(metaFile, JSON.stringify(meta));
      const corpus = openCorpus(dir.path);
      const q = 'what did Kishida say about the NATO office in Asia?';
      expect(scoresOn(corpus, q, { sourceNames: 1 })).toEqual(scoresOn(corpus, q, { sourceNames: 0 }));
    } finally {
      dir.cleanup();
    }
  });
});
