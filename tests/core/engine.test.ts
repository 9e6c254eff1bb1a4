import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abstainFeatures, questionTopic } from '../../src/core/abstain.js';
import { answerChecks } from '../../src/core/constraints.js';
import { quoteEnd, quoteOf, type Answer, type Hit } from '../../src/core/answer.js';
import type { IndexData } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { defaultQueryParams, parseQuestion } from '../../src/core/question.js';
import { defaultRankParams } from '../../src/core/rank.js';
import { readGlossary } from '../../src/core/glossary.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import { termOfWord } from '../../src/core/terms.js';
import { sentenceKey } from '../../src/core/types.js';
import { engineOf, indexOf, seedsEngine, tempDir, TINY, TINY_DIR } from './support.js';

let nlp: Nlp;
let data: IndexData;
let engine: Engine;
const files = new Map<string, string>();

beforeAll(() => {
  nlp = createNlp(readGlossary(join(TINY_DIR, 'glossary.json')));
  data = indexOf(TINY_DIR, nlp);
  engine = new Engine(data, nlp);
  for (const d of data.documents) files.set(d.id, readFileSync(join(TINY_DIR, d.id), 'utf8'));
});

const hitsOf = (a: Answer): Hit[] => (a.kind === 'answered' ? a.hits : a.nearMisses);
/** The first sentence the engine quotes, after checking that it answered (did not decline). */
function answeredFirst(a: Answer, label?: string): string | undefined {
  expect(a.kind, label).toBe('answered');
  return hitsOf(a)[0]?.sentence.text;
}
/** What the corpus lacks, by the check that declined each question (false when one is answered). */
const missingFor = (e: Engine, questions: string[]) =>
  questions.map((q) => {
    const a = e.ask(q);
    return [q, a.kind === 'no-answer' && a.missing];
  });
const TITLES = [TINY.ferryTitle, TINY.beesTitle, TINY.observatoryTitle];

/** Every hit names its document and quotes it exactly; locations are 1-based and in range. */
function expectAttributed(hit: Hit): void {
  const doc = data.documents.find((d) => d.id === hit.sentence.doc);
  expect(doc, hit.sentence.doc).toBeDefined();
  expect(hit.meta).toEqual(doc!.meta);
  expect(hit.meta.title.length).toBeGreaterThan(0);
  expect(TITLES).toContain(hit.meta.title);
  expect(files.get(hit.sentence.doc)!.slice(hit.sentence.start, hit.sentence.end)).toBe(hit.sentence.text);
  // The quote, with a continuation or without, is the file's own text.
  expect(files.get(hit.sentence.doc)!.slice(hit.sentence.start, quoteEnd(hit))).toBe(quoteOf(hit));
  expect(hit.location.paragraph).toBeGreaterThanOrEqual(1);
  expect(hit.location.paragraph).toBeLessThanOrEqual(hit.location.paragraphs);
  expect(hit.location.sentence).toBeGreaterThanOrEqual(1);
  for (const [a, b] of hit.highlights) {
    expect(0 <= a && a < b && b <= quoteOf(hit).length).toBe(true);
  }
}

function expectNonIncreasing(hits: Hit[]): void {
  hits.forEach((h, i) => {
    if (i > 0) expect(h.score, `hit ${i + 1}`).toBeLessThanOrEqual(hits[i - 1]!.score);
  });
}

const QUESTIONS: Array<[question: string, answer: string]> = [
  ['How much did the ferry terminal cost?', TINY.cost],
  ['What did the NOS replace at the observatory?', TINY.engineers],
  ['When did KHO reopen?', TINY.reopened],
  ['When did the Kestrel Hill Observatory reopen?', TINY.reopened],
  ['When did varroa mites kill the hives?', TINY.mites],
  ['Who expects the honey harvest to double?', TINY.harvest],
  ['How many passengers can the terminal handle a day?', TINY.cost],
  ['What do the beekeepers treat their colonies with?', TINY.treat],
];

describe('Engine.ask on the tiny corpus: known answers', () => {
  it.each(QUESTIONS)('%j → answered, the right sentence first', (question, answer) => {
    const a = engine.ask(question);
    expect(a.kind).toBe('answered');
    expect(hitsOf(a)[0]?.sentence.text).toBe(answer);
  });

  it.each([
    ['Who wrote the article about the beekeepers?', TINY.beesByline, TINY.beesDoc],
    ['Who wrote the piece about the observatory telescope?', 'Jonas Berg', TINY.observatoryDoc],
    ['Who is the author of the article on the ferry terminal?', 'Maria Lopez and Tom Baker', TINY.ferryDoc],
  ])('author question %j → the byline of that article', (question, byline, doc) => {
    const a = engine.ask(question);
    expect(a.kind).toBe('answered');
    const [first] = hitsOf(a);
    expect(first?.sentence.kind).toBe('byline');
    expect(first?.sentence.text).toBe(byline);
    expect(first?.sentence.doc).toBe(doc);
    // Another article's byline is no second answer.
    expect(hitsOf(engine.ask(question, { k: 5 })).filter((h) => h.sentence.kind === 'byline').map((h) => h.sentence.doc)).toEqual([doc]);
  });

  it.each([
    'When was the article about the ferry terminal published?',
    'what date is the ferry piece from?',
    'When did the story on the Port Elwen ferry come out?',
  ])('publication question %j → the dateline of that article', (question) => {
    const a = engine.ask(question);
    expect(a.kind).toBe('answered');
    const [first] = hitsOf(a);
    expect(first?.sentence.kind).toBe('dateline');
    expect(first?.sentence.text).toBe('March 3, 2021');
    expect(first?.sentence.doc).toBe(TINY.ferryDoc);
  });

  it('a publication question about an article without a dateline is declined, not answered with a date from its text', () => {
    const a = engine.ask('When was the article about the beekeepers published?');
    expect(a).toMatchObject({ kind: 'no-answer', reason: 'unsupported', missing: 'published' });
  });

  it.each(['when was it published?', 'who wrote it?'])('%j names no article: no dateline or byline is picked at random', (q) => {
    expect(engine.ask(q).kind).toBe('no-answer');
  });

  it('a byline or dateline answers for its whole article: "who wrote the article about Greta Holm" is not declined for not naming her', () => {
    const a = engine.ask('who wrote the article about Greta Holm?');
    expect(a.kind === 'answered' ? a.hits[0]?.sentence.text : a).toBe(TINY.beesByline);
    const b = engine.ask('who wrote the article about Kestrl Hill?');
    expect(b.kind === 'answered' ? b.hits[0]?.sentence.text : b).toBe('Jonas Berg');
  });

  it('corrects typos to corpus words, but not real English words the corpus lacks', () => {
    expect(engine.ask('when did the obsevatory reopen?').query.corrections).toEqual([['obsevatory', 'observatory']]);
    // "funded" is one edit from the corpus's "founded", and a word of its own.
    expect(engine.ask('who funded the honey cooperative?').query.corrections).toEqual([]);
  });

  it('a misspelt name counts through its entity, as when typed right ("hyashi" → Hayashi)', () => {
    const terms = seedsEngine().ask('did hyashi say the office is a done deal?').query.terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining([termOfWord('hayashi', 'word', nlp), '@yoshimasa-hayashi']));
  });

  it('"-wise" is dropped: "cost-wise" asks about cost', () => {
    expect(engine.ask('how did the terminal do cost-wise?').query.terms.map((t) => t.term)).toContain(termOfWord('cost', 'word', nlp));
  });

  it('an ordinary date question is not answered with a dateline', () => {
    const first = hitsOf(engine.ask('When did the ferry terminal open?'))[0];
    expect(first?.sentence.kind).toBe('article');
    expect(hitsOf(engine.ask('what happened to the ferry terminal in 2021?')).map((h) => h.sentence.kind)).not.toContain('dateline');
  });

  it('highlights mark the words of the question', () => {
    const [hit] = hitsOf(engine.ask('How much did the ferry terminal cost?'));
    const marked = hit!.highlights.map(([a, b]) => hit!.sentence.text.slice(a, b).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['terminal', 'cost']));
    const asked = ['how', 'much', 'did', 'the', 'ferry', 'terminal', 'cost'].map((w) => termOfWord(w, 'word', nlp));
    for (const w of marked) expect(asked).toContain(termOfWord(w, 'word', nlp));
  });
});

describe('Engine.ask on the seeds: numbers as digits or words', () => {
  it('"4 islands" finds "the four disputed … islands", "up by 89" finds "up by eighty-nine"', () => {
    const e = seedsEngine();
    const first = (q: string) => hitsOf(e.ask(q))[0]?.sentence.text ?? '';
    expect(first('which 4 islands are disputed?')).toContain('one of the four disputed Southern Kuril islands');
    expect(first('what went up by 89?')).toContain('This figure was up by eighty-nine');
  });
});

describe('Engine.ask on the seeds: highlighted words', () => {
  it('marks the words of this question, not of an earlier one that quoted the same sentence', () => {
    const e = seedsEngine();
    const marked = (q: string) => {
      const top = hitsOf(e.ask(q))[0]!;
      return { text: top.sentence.text, words: top.highlights.map(([a, b]) => quoteOf(top).slice(a, b).toLowerCase()) };
    };
    const first = marked('which 4 islands are disputed?');
    expect(first.text).toContain('one of the four disputed Southern Kuril islands');
    expect(first.words).toEqual(expect.arrayContaining(['four', 'disputed', 'islands']));
    // The same sentence again, for other words: only those are marked.
    const again = marked('what is one of the four disputed southern kuril islands?');
    expect(again.text).toBe(first.text);
    expect(again.words).toEqual(expect.arrayContaining(['southern', 'kuril']));
    expect(marked('which 4 islands are disputed?').words).toEqual(first.words);
    expect(again.words).not.toEqual(first.words);
  });

  it('marks the parts of a hyphenated word, as the index reads them ("Indo-Pacific" was left plain)', () => {
    const top = hitsOf(seedsEngine().ask('What is the Indo-Pacific strategy?'))[0]!;
    expect(top.sentence.text).toContain('Indo-Pacific');
    expect(top.highlights.map(([a, b]) => quoteOf(top).slice(a, b))).toEqual(expect.arrayContaining(['Indo', 'Pacific']));
  });
});

describe('Engine.ask: a sentence quoted with the one that goes on from it', () => {
  const TELESCOPE = 'Its main telescope, a reflector with a mirror of 1.2 metres, had been out of service since a lightning strike damaged the mirror motor.';

  it('"Its main telescope…" is quoted after the sentence it points back to, once, with its own matching words marked', () => {
    const hits = hitsOf(engine.ask('When did the Kestrel Hill Observatory reopen?', { k: 5 }));
    expect(hits[0]!.sentence.text).toBe(TINY.reopened);
    expect(hits[0]!.continuation?.text).toBe(TELESCOPE);
    expect(quoteOf(hits[0]!)).toBe(`${TINY.reopened} ${TELESCOPE}`);
    // Never quoted a second time on its own.
    expect(hits.filter((h) => h.sentence.text === TELESCOPE || h.continuation?.text === TELESCOPE)).toHaveLength(1);
    const marked = (h: Hit) => h.highlights.map(([a, b]) => quoteOf(h).slice(a, b).toLowerCase());
    const mirror = hitsOf(engine.ask('When did the observatory reopen after the mirror broke?'))[0]!;
    expect(mirror.continuation?.text).toBe(TELESCOPE);
    expect(marked(mirror)).toEqual(expect.arrayContaining(['observatory', 'reopened', 'mirror']));
  });

  it('the sentence it goes on from is not listed again after it ("More" pages through quotes, each sentence once)', () => {
    const all = hitsOf(engine.ask('What was out of service at the observatory, and why?', { k: 10 }));
    const seen = all.flatMap((h) => [h.sentence.id, ...(h.continuation ? [h.continuation.id] : [])]);
    expect(new Set(seen).size).toBe(seen.length);
    const paged = [0, 1, 2, 3].flatMap((offset) => hitsOf(engine.ask('What was out of service at the observatory, and why?', { k: 1, offset })));
    expect(paged.map((h) => quoteOf(h))).toEqual(all.slice(0, paged.length).map((h) => quoteOf(h)));
  });

  describe('only within a paragraph, one space apart, and short enough together', () => {
    const dir = tempDir('continuation');
    let e: Engine;
    const long = 'The harbour board met on Monday to discuss the plan for the new quay, which would take ships of up to 300 metres, cost the town about twelve million euros over four years, and close the old fish market on the east side of the harbour.';
    beforeAll(() => {
      writeFileSync(join(dir.path, 'glossary.json'), readFileSync(join(TINY_DIR, 'glossary.json')));
      writeFileSync(
        join(dir.path, 'quay.txt'),
        [
          'Quay plans',
          '',
          'The lighthouse keeper counted 41 seals on the rocks in June. This was twice the count of the year before.',
          '',
          'The ferry company ordered two electric boats for the island route.',
          '',
          'This order was the largest in its history.',
          '',
          `${long} This plan was approved by the board in a vote of seven to two after a long and heated debate that lasted until late in the evening.`,
          '',
          'The town museum reopened its whaling gallery in May. However, its roof still leaks in heavy rain.',
          '',
          'The council repaired the old pier in July. Nobody expected the repair to hold.',
          '',
          'The butcher sold smoked eel at the market in August. Butter from the island farm sold out too.',
        ].join('\n'),
      );
      e = engineOf(dir.path, nlp);
    });
    afterAll(() => dir.cleanup());
    const top = (q: string) => hitsOf(e.ask(q))[0]!;

    it('joins "This was twice the count…" to the count of seals in the same paragraph', () => {
      expect(top('how many seals did the lighthouse keeper count?').continuation?.text).toBe('This was twice the count of the year before.');
    });
    it('joins a sentence that opens with a connective ("However, …"), and no other', () => {
      expect(top('when did the town museum reopen its whaling gallery?').continuation?.text).toBe('However, its roof still leaks in heavy rain.');
      expect(top('when did the council repair the old pier?').continuation).toBeUndefined();
      expect(top('what did the butcher sell at the market in august?').continuation).toBeUndefined();
    });
    it('does not join a sentence that opens the next paragraph, nor one that would make the quote longer than 350 characters', () => {
      expect(top('what did the ferry company order for the island route?').continuation).toBeUndefined();
      const quay = top('what did the harbour board discuss on monday about the new quay?');
      expect(quay.sentence.text).toBe(long);
      expect(quay.continuation).toBeUndefined();
    });
  });
});

describe('Engine.ask on the seeds: a passage that goes on with a connective', () => {
  it('"…complex at the best of times." is quoted with "At other times, little untoward develops because…"', () => {
    const top = hitsOf(seedsEngine().ask('why do things between japan and north korea sometimes stay calm?'))[0]!;
    expect(top.sentence.text).toBe('North Korea and Japan relations are complex at the best of times.');
    expect(top.continuation?.text).toMatch(/^At other times, little untoward develops because both nations/);
  });

  it('"In this context, …" goes on from the sentence before: Abe\'s three threats are quoted with what the leadership concluded', () => {
    const top = hitsOf(seedsEngine().ask('with an assertive china, nukes in north korea and trump making allies nervous, what did the people running japan conclude?', { noAbstain: true }))[0]!;
    expect(top.sentence.text).toMatch(/^This consists of an assertive China/);
    expect(top.continuation?.text).toMatch(/^In this context, the Japanese leadership realizes/);
  });
});

describe('Engine.ask on the seeds: islands by their other names (glossary)', () => {
  it('the Chinese name of the Senkakus finds them; Kuril islands the corpus never names are not answered by the ones it does', () => {
    const e = seedsEngine();
    expect(hitsOf(e.ask('in what scenario does the diaoyu dispute come up?'))[0]?.sentence.text).toMatch(/clashes over the disputed Senkaku Islands/);
    const questions = ['what weapons has russia deployed on shikotan?', 'are there russian troops on the habomai islands?'];
    expect(missingFor(e, questions)).toEqual(questions.map((q) => [q, 'entities']));
    // The Japanese name of an island the corpus names under its Russian one.
    expect(hitsOf(e.ask('what is russia building on matsuwa?'))[0]?.sentence.text).toMatch(/Matua/);
  });
});

describe('Engine.ask on the seeds: words of the thesaurus', () => {
  it.each([
    ['could a moscow-beijing axis threaten japan?', 'allianc', /a Russian-Chinese alliance never emerges/],
    ['is abe giving the military more muscle?', 'capabl', /develop Japan’s military capabilities/],
    ['are russian jets buzzing japan?', 'intercept', /Japan scrambled jets 390 times/],
    ['what does zakharova say japan is going back to?', 'return', /returning to unlimited militarization/],
    ["which outsider helped push abe's government into seeking security ties with moscow?", 'contribut', /United States has contributed/],
  ])('%j is read with the synonym %s the corpus uses, and answered through it', (q, synonym, answer) => {
    const e = seedsEngine();
    expect(parseQuestion(q, e.index, e.nlp).terms.find((t) => t.term === synonym)?.synonym).toBe(true);
    expect(hitsOf(e.ask(q))[0]?.sentence.text).toMatch(answer);
  });
});

describe('Engine.ask on the seeds: words of the thesaurus that reach the first three', () => {
  it('"fall apart" is read as failure: the translated "common interests rule out failure" is among the first three', () => {
    const e = seedsEngine();
    const q = 'any chance the nato office talks with japan just fall apart?';
    expect(parseQuestion(q, e.index, e.nlp).terms.find((t) => t.term === 'failur')?.synonym).toBe(true);
    expect(hitsOf(e.ask(q, { noAbstain: true })).slice(0, 3).map((h) => h.sentence.text)).toContainEqual(expect.stringMatching(/rule out failure/));
  });
});

describe('Engine.ask on the seeds: "which X" where the corpus says only "some X"', () => {
  it('is declined, saying the corpus does not say which; "which countries" is answered by the names beside them', () => {
    const e = seedsEngine();
    const a = e.ask('which european powers is japan deepening its defence ties with?');
    expect(a.kind === 'no-answer' && a.missing).toBe('which');
    expect(hitsOf(e.ask('which countries is japan deepening defence ties with?'))[0]?.sentence.text).toMatch(/defense ties with Australia, India/);
  });
});

describe('Engine.ask on the seeds: "what\'s the name of X" where the corpus speaks of X unnamed', () => {
  it('is declined, saying no passage gives the name; a name the corpus gives is answered', () => {
    const e = seedsEngine();
    const a = e.ask("what's the name of the us submarine being sent to south korea?");
    expect(a.kind === 'no-answer' && a.missing).toBe('name');
    expect(hitsOf(e.ask('what was the name of the pact japan signed with the soviet union in 1941?'))[0]?.sentence.text).toMatch(/Neutrality Pact/);
  });
});

describe('Engine.ask on the seeds: legislatures the corpus never names (world list)', () => {
  it('a question about what the Diet or the Duma did is declined, not answered with the office plans', () => {
    const e = seedsEngine();
    const questions = ['has the diet actually voted on letting nato open its tokyo office yet?', 'did the Japanese parliament approve the NATO liaison office?', 'has the Duma ever debated the Kuril deployments?'];
    // The Diet's vote is declined for want of a vote reported (the vote check comes first), the others for want of the body named.
    expect(missingFor(e, questions)).toEqual(questions.map((q, i) => [q, i === 0 ? 'vote' : 'entities']));
    expect(hitsOf(e.ask('has NATO agreed to open its Tokyo office yet?'))[0]?.sentence.text).toMatch(/office/i);
  });
});

describe('Engine.ask on the seeds: a people named in the plural ("the north koreans", "the Kenyans")', () => {
  it('is its country, for a country the glossary knows and one only the world list does', () => {
    const e = seedsEngine();
    const asked = e.rank('do japan and the north koreans ever go through quiet spells?').query;
    expect(asked.entities).toContain('north-korea');
    expect(e.rank('did the brits, the turks or the spaniards say anything about the office?').query.entities).toEqual(expect.arrayContaining(['united-kingdom', 'turkey', 'spain']));
    // The world list's Kenya, Mongolia, Somalia and Cuba (its demonym matched capitalised only) are named by their peoples too: the corpus never mentions them, so these are declined for them.
    const questions = ['were any Kenyans evacuated from kabul by japan?', 'do the Mongolians take part in the japan india drills?', 'were any Somalis evacuated from kabul?', 'were any Cubans evacuated from kabul?'];
    expect(missingFor(e, questions)).toEqual(questions.map((q) => [q, 'entities']));
  });
});

describe('Engine.ask on the seeds: countries named by their capitals (glossary)', () => {
  it("Qin's stops in Berlin and Oslo are Germany and Norway; a sentence after one that was only in Berlin or Oslo is not Germany or Norway speaking", () => {
    const e = seedsEngine();
    for (const q of ['will Qin Gang visit Germany and Norway on his European tour?', 'is Oslo one of the stops on Qin\'s Europe trip?']) {
      const a = e.ask(q);
      expect(a.kind, q).toBe('answered');
      expect(hitsOf(a)[0]?.sentence.text, q).toMatch(/Berlin.*Oslo/);
    }
    // Oslo, last of "to Paris and Oslo", is a stop too: Norway is no speaker of the line after it.
    const questions = ['what did Germany say about Japan?', 'what did the Germans say about China?', 'what did the norwegian government tell qin gang when he got to oslo?'];
    expect(missingFor(e, questions)).toEqual(questions.map((q) => [q, 'statement']));
  });
});

describe('Engine.ask on the seeds: the line under a headline', () => {
  it("is the article's first line, of the article named; the headline is still the headline", () => {
    const e = seedsEngine();
    const lead = hitsOf(e.ask("what's the one-line summary right under the headline of Brown's piece?"))[0];
    expect(lead?.sentence.text).toMatch(/^Tokyo wants to make sure a Russian-Chinese alliance never emerges/);
    expect(hitsOf(e.ask('what is the standfirst of the Global Times article on Central Asia?'))[0]?.sentence.text).toMatch(/^Japan is holding a foreign ministers’ meeting/);
    expect(hitsOf(e.ask("what's the headline of Brown's piece?"))[0]?.sentence.text).toMatch(/^Japan Seeks to Neutralize/);
  });
});

describe('Engine.ask on the seeds: what someone the corpus never names said', () => {
  it('is not answered with someone else\'s words; a misspelt name the corpus has, and readers, still are', () => {
    const e = seedsEngine();
    const questions = ['what did Blinken say about the NATO office?', 'what did lavrov say about japan?', 'what did Boris Johnson say about Japan?'];
    expect(missingFor(e, questions)).toEqual(questions.map((q) => [q, 'person']));
    expect(e.ask('what did zakarova say about japan?').kind).toBe('answered');
    expect(e.ask('what did Zakharova say about Japan?').kind).toBe('answered');
    expect(e.ask('did any of the commenters say japan could cash in on chinese and russian tourists?').kind).toBe('answered');
  });

  it('"what did that statement say" names nobody: the statement is asked about, and the line that reports it answers', () => {
    const e = seedsEngine();
    const q = "brown says the japanese ministry of foreign affairs did issue a statement about the iturup drills. what did that statement say the exercises were?";
    expect(e.rank(q).missing).toBeUndefined();
    expect(hitsOf(e.ask(q))[0]?.sentence.text).toMatch(/^Although the Japanese Ministry of Foreign Affairs did issue a statement/);
  });
});

describe('Engine.ask on the seeds: a guess after asking who', () => {
  it('"who\'s being quoted there? mao ning?" is answered by whoever said it; the guess is no name the answer must carry', () => {
    const e = seedsEngine();
    const q = "in the mtt nato piece someone says japan is 'returning to unlimited militarization'. who's being quoted there? mao ning?";
    expect(answeredFirst(e.ask(q))).toMatch(/^Zakharova continued that Japan is/);
    // Named as who is asked about, not as a guess, the name is still required.
    expect(e.rank('what did mao ning say about japan returning to unlimited militarization?').missing).toBeDefined();
  });

  it('"…that was hayashi, no?" offers a name for someone described: the answer names whoever it was', () => {
    const e = seedsEngine();
    const q = 'the japanese FM who still went on his middle east tour the day kabul fell - that was hayashi, no?';
    expect(answeredFirst(e.ask(q))).toMatch(/Foreign Minister Toshimitsu Motegi had no qualms/);
    // Stated as a fact, the name is still required.
    expect(e.rank('hayashi still went on his middle east tour the day kabul fell?').missing).toBeDefined();
  });

  it('"…- stoltenberg right?", "…right? mao ning?", "trump was the one who…" offer a person: the line answers whoever it names', () => {
    const e = seedsEngine();
    const cases: Array<[string, RegExp]> = [
      ['who said the office was negotiated because the world got more unstable after russia invaded ukraine - stoltenberg right?', /Hayashi said\.$/],
      ["the quote that japan 'has embarked on the path of an unprecedented build-up of its military power', that was china's spokesperson right? mao ning?", /Zakharova/],
      ["trump was the one who declared nato 'brain dead', wasnt he?", /declared “brain dead” by the French president, Emmanuel Macron/],
    ];
    for (const [q, answer] of cases) expect(answeredFirst(e.ask(q), q), q).toMatch(answer);
    // Stated as who did it, the name is still required.
    expect(e.rank("did trump declare nato 'brain dead'?").missing).toBeDefined();
  });

  it('"who said X?? was that a chinese expert like liu or someone russian" offers candidates: none is required of the answer', () => {
    const e = seedsEngine();
    const q = "who said that japan 'seems to have lost its ability to pursue an independent policy'? was it an expert like liu, or someone from moscow?";
    expect(answeredFirst(e.ask(q))).toMatch(/^Russian foreign ministry spokesperson Maria Zakharova/);
    // Two short guesses after asking who: "…? seoul? canberra?".
    const b = e.ask("in the time news piece who's the keenest backer of america's military policy in that region? seoul? canberra?");
    expect(hitsOf(b)[0]?.sentence.text).toBe('There is no more enthusiastic supporter of US military policy in the area than Tokyo.');
    // A name after a dash at the end of a who-question is a guess, whatever it names (an organisation here).
    expect(answerChecks('who carried out the kabul attack - the taliban?', ['afghanistan', 'taliban'], e.nlp).entities).toEqual(['@afghanistan']);
    expect(answerChecks('did the taliban carry out the kabul attack?', ['taliban', 'afghanistan'], e.nlp).entities).toContain('@taliban');
    // Named in the question proper, the names are still required.
    expect(answerChecks('did liu say japan lost its ability to pursue an independent policy?', ['liu-jiangyong', 'japan'], e.nlp).entities).toContain('@liu-jiangyong');
  });

  it('"how many…? three if u count north korea?" offers a count: the country in the guess is not required', () => {
    const e = seedsEngine();
    expect(answeredFirst(e.ask('mtt says a nato office would put japan at greater odds with how many military powers in NE asia? three if u count north korea?'))).toMatch(/greater odds with the two military powers in Northeast Asia/);
    expect(e.rank('how many military powers in NE asia including north korea would a nato office put japan at odds with?').missing).toBeDefined();
  });

  it('"was it qin gang who said…?" offers a person for who said it: the line that quotes it answers, whoever it names', () => {
    const e = seedsEngine();
    expect(answeredFirst(e.ask('in the time news piece was it qin gang who said asia shouldnt become a platform for ppl chasing geopolitical feuds?'))).toMatch(/should not become a platform for those seeking geopolitical feuds/);
    expect(e.rank('did qin gang say asia should not become a platform for geopolitical feuds?').missing).toBeDefined();
  });
});

describe('Engine.ask on the seeds: a thesaurus phrase', () => {
  it('the synonyms of two words used together count for more than a single word\'s: "sit back or be hands-on" finds "more proactive"', () => {
    const e = seedsEngine();
    const q = "with all those threats abe listed, do japan's leaders think they should sit back or be hands-on about security?";
    const weights = new Map(e.rank(q).query.terms.filter((t) => t.synonym === true).map((t) => [t.term, t.weight]));
    expect(weights.get(termOfWord('proactive', 'word', e.nlp))).toBeCloseTo(defaultQueryParams.phraseSynonym, 5);
    expect(defaultQueryParams.phraseSynonym).toBeGreaterThan(defaultQueryParams.synonym);
    expect(hitsOf(e.ask(q))[0]?.sentence.text).toMatch(/^In this context, the Japanese leadership realizes/);
    // At a single word's weight the line about sitting at home watching television wins.
    const flat = new Engine(e.index.data, e.nlp, defaultRankParams, { ...defaultQueryParams, phraseSynonym: defaultQueryParams.synonym });
    expect(hitsOf(flat.ask(q))[0]?.sentence.text).not.toMatch(/^In this context/);
  });
});

describe('Engine.ask on the seeds: a quoted phrase', () => {
  it('a sentence that holds a phrase the question quotes, word for word, outranks one that only shares its words', () => {
    const e = seedsEngine();
    const q = "time news quotes hayashi: 'they are only talks'. what else does he say in that line?";
    expect(e.rank(q).query.quoted).toEqual([' they are only talks ']);
    // Only sentences with the phrase's rarest known word are read for it ("talks" here; "they", "are", "only" are no terms).
    expect(e.rank(q).query.quotedRarest).toEqual([e.index.termId.get(termOfWord('talks', 'word', e.nlp))]);
    expect(hitsOf(e.ask(q))[0]?.sentence.text).toMatch(/^they are only talks, he hastens to clarify/);
    // Without the factor the line that says the most about Hayashi and the office is first.
    const flat = new Engine(e.index.data, e.nlp, { ...defaultRankParams, quoteBoost: 1 });
    expect(hitsOf(flat.ask(q))[0]?.sentence.text).not.toMatch(/^they are only talks/);
  });
});

describe('Engine.ask on the seeds: a full name', () => {
  it('"what\'s X\'s full name" is answered by a line that spells it out: an article sentence, or an author\'s byline', () => {
    const e = seedsEngine();
    expect(hitsOf(e.ask("what's zakharova's full name?"))[0]?.sentence.text).toMatch(/Maria Zakharova/);
    expect(hitsOf(e.ask('first name of motegi, the foreign minister?'))[0]?.sentence.text).toMatch(/Toshimitsu Motegi/);
    expect(hitsOf(e.ask('the brown who wrote about the china-russia united front, what is his full name?'))[0]?.sentence.text).toBe('James D.J. Brown');
  });
});

describe('Engine.ask on the seeds: a comments section', () => {
  it('"can readers comment on the time news page?" is answered by its comment form\'s label; the label changes no article\'s topics', () => {
    const e = seedsEngine();
    expect(hitsOf(e.ask('is there a comments section under the time news article about the nato office?'))[0]?.sentence.text).toBe('Leave a Comment');
    // A bare label is no line of what the article is about: the United States stays a topic of the Time News piece,
    // so its line on the Madrid summit still answers for Japan and the US together.
    const a = e.ask('which summit did japan and washington go to in madrid last year, according to time news?');
    expect(hitsOf(a)[0]?.sentence.text).toMatch(/^Last year’s NATO summit in Madrid/);
  });
});

describe('Engine.ask on the seeds: a reporter asked for by what they do', () => {
  it('"the reporter who wrote" wants a person: a byline that names only its outlet is no answer, nor another article\'s', () => {
    const e = seedsEngine();
    const reporter = e.ask('whats the name of the reporter who wrote the time news article on the nato office?');
    expect(reporter.kind).toBe('no-answer');
    if (reporter.kind === 'no-answer') expect(reporter.missing).toBe('author');
    // "Who wrote" is answered by the byline as it stands, the outlet's.
    expect(hitsOf(e.ask('who wrote the time news article on the nato office?'))[0]?.sentence.text).toBe('by time news');
    // Only what comes before the writing verb asks for a person: journalists in the article's subject do not.
    expect(hitsOf(e.ask('who wrote the article saying nikkei asia journalists broke the nato office news?'))[0]?.sentence.text).toBe('by time news');
    // "Which reporter wrote", "the writer behind", "the author's name" are author questions.
    expect(e.ask("what's the author's name for the global times piece?").query.intent).toBe('author');
    expect(e.ask("who's the reporter behind the kabul evacuation article?").query.intent).toBe('author');
    expect(hitsOf(e.ask('which reporter wrote the piece on the kabul evacuation?'))[0]?.sentence.text).toBe('Sawako Utsumi and Lee Jay Walker');
    // Asked whether a reporter is credited at all ("…or no?", "if any"), the outlet's byline tells that none is.
    expect(hitsOf(e.ask('who is the author of the time news piece on the nato office? a reporter on the byline or no?'))[0]?.sentence.text).toBe('by time news');
    expect(hitsOf(e.ask('which journalist wrote the time news piece on the nato office, if any?'))[0]?.sentence.text).toBe('by time news');
    expect(hitsOf(e.ask('is there an actual journalist named on the time news nato office article or is it just credited to the site?'))[0]?.sentence.text).toBe('by time news');
  });

  it('"how many authors / writers" is counted by the byline\'s names, one or more; an article with no byline has no count', () => {
    const e = seedsEngine();
    expect(e.ask('how many authors are credited on the kabul evacuation piece?').query.intent).toBe('author');
    const answered = (q: string) => {
      const a = e.ask(q);
      return a.kind === 'answered' ? a.hits[0]?.sentence.text : `no answer: ${a.missing}`;
    };
    expect(answered('how many authors are credited on the kabul evacuation piece?')).toBe('Sawako Utsumi and Lee Jay Walker');
    expect(answered("how many writers worked on brown's article?")).toBe('James D.J. Brown');
    expect(e.ask('how many people wrote the global times piece?').kind).toBe('no-answer');
    // People counted in the article's subject are no authors.
    expect(e.ask('how many people did japan evacuate from kabul?').query.intent).toBe('number');
  });
});

describe('Engine.ask: result bounds and order', () => {
  it.each(Array.from({ length: 10 }, (_, i) => i + 1))('k = %i gives at most k hits, the top of the k = 10 list', (k) => {
    for (const [question] of QUESTIONS) {
      const hits = hitsOf(engine.ask(question, { k }));
      expect(hits.length).toBeLessThanOrEqual(k);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits).toEqual(hitsOf(engine.ask(question, { k: 10 })).slice(0, k));
    }
  });

  it('k is clamped to 1..10', () => {
    const q = 'terminal';
    expect(hitsOf(engine.ask(q, { k: 0 }))).toHaveLength(1);
    expect(hitsOf(engine.ask(q, { k: -3 }))).toHaveLength(1);
    expect(hitsOf(engine.ask('the terminal, the honey, the mirror and the telescope', { k: 500 })).length).toBeLessThanOrEqual(10);
  });

  // BUG (reported): a k or offset that is not a number (the CLI's `-k abc` gives NaN) yields an
  // "answered" with no hits instead of falling back to a usable value.
  it.each([{ k: Number.NaN }, { offset: Number.NaN }])('options %j still give hits', (options) => {
    const a = engine.ask('How much did the ferry terminal cost?', options);
    expect(a.kind).toBe('answered');
    expect(hitsOf(a).length).toBeGreaterThan(0);
  });

  it('offset pages through the same ranking', () => {
    const q = 'How much did the ferry terminal cost?';
    const first = hitsOf(engine.ask(q, { k: 4 }));
    expect(hitsOf(engine.ask(q, { k: 2, offset: 2 }))).toEqual(first.slice(2, 4));
    expect(hitsOf(engine.ask(q, { k: 3, offset: 1000 }))).toEqual([]);
  });

  it.each(QUESTIONS)('%j: scores are non-increasing and every hit is attributed', (question) => {
    const hits = hitsOf(engine.ask(question, { k: 10 }));
    expectNonIncreasing(hits);
    hits.forEach(expectAttributed);
  });

  // BUG (reported): author questions put the bylines first with a document score, then sentences
  // with BM25 scores, so a later hit can carry a higher score (4.97 then 5.585 here).
  it('author questions: scores are non-increasing too', () => {
    expectNonIncreasing(hitsOf(engine.ask('Who wrote about oxalic acid?', { k: 5 })));
  });
});

describe('Engine.ask: determinism', () => {
  it('the same question twice gives the same answer', () => {
    for (const [question] of QUESTIONS) expect(engine.ask(question, { k: 5 })).toEqual(engine.ask(question, { k: 5 }));
  });

  it('an engine built separately, and one over a JSON round trip of the index, answer the same', () => {
    const rebuilt = new Engine(indexOf(TINY_DIR, nlp), nlp);
    const reloaded = new Engine(JSON.parse(JSON.stringify(data)) as IndexData, nlp);
    for (const [question] of [...QUESTIONS, ['what time does the football match start']] as const) {
      const a = engine.ask(question, { k: 5 });
      expect(rebuilt.ask(question, { k: 5 })).toEqual(a);
      expect(reloaded.ask(question, { k: 5 })).toEqual(a);
    }
  });
});

describe('Engine.ask: abstention', () => {
  it.each(['what time does the football match start', 'Who won the chess championship in Oslo?'])('%j → no-answer with suggestions', (question) => {
    const a = engine.ask(question);
    expect(a.kind).toBe('no-answer');
    if (a.kind !== 'no-answer') return;
    expect(['no-match', 'low-confidence']).toContain(a.reason);
    expect(a.suggestions.length).toBeGreaterThan(0);
    for (const s of a.suggestions) expect(TITLES).toContain(s);
    expect(a.nearMisses.length).toBeLessThanOrEqual(3);
  });

  it('a question naming a country the corpus never mentions is declined: the world\'s countries are known', () => {
    const e = seedsEngine();
    // Without the world's countries, "canada" was one unknown word among known ones, and Russia's drills were quoted.
    const a = e.ask("how did canada react to russia's drills on iturup?");
    expect(a.query.entities).toContain('canada');
    expect(a.kind).toBe('no-answer');
    expect(e.ask("how did japan react to russia's drills on iturup?").kind).toBe('answered');
    // A country the corpus never names is no topic of it (the off-topic feature of abstention).
    expect(questionTopic(e.rank('what does canada export?').query, e.index, e.nlp).namesEntity).toBe(false);
    expect(questionTopic(e.rank('what does india export?').query, e.index, e.nlp).namesEntity).toBe(true);
  });

  it("a question about the asker's own affairs is off topic whatever place it names; one asked about the news in the first person is not", () => {
    const e = seedsEngine();
    // Each names a place the corpus is about, and each was answered with a sentence on that place.
    for (const q of ['do i need a visa to visit tokyo next month?', 'my flight to moscow got cancelled, what should i do now?', "where can i buy a sim card when i'm in beijing?"]) {
      expect(questionTopic(e.rank(q).query, e.index, e.nlp).personal).toBe(true);
      expect(e.ask(q).kind).toBe('no-answer');
    }
    for (const q of ["I'll be in Beijing next month, any tips?", "we're flying to tokyo, do we need cash?", 'how do I get a work permit in Japan?', "I'd like to buy a kimono in Kyoto", 'my VPN keeps dropping in china', 'can i fly my drone over tokyo?', 'do i need some kind of permit to hike near the kurils?']) {
      expect(questionTopic(e.rank(q).query, e.index, e.nlp).personal, q).toBe(true);
    }
    // A review found each of these read as personal by the first version, and declined.
    for (const q of [
      "can you tell me what japan's national security strategy calls china?", 'i heard japan scrambled jets against chinese planes, how many times?',
      'do i understand right that japan evacuated only one of its nationals?', 'in my view japan is too soft on russia, does brown agree?',
      'should i expect japan to join nato?', "what should i make of russia's drills on the kurils?", "I'm at a loss: why did Japan send only one plane to Kabul?",
      'my friend says japan and russia have no peace treaty, is that true?', "I'm going to ask again: what did russia say about the kurils?",
      "I want to learn more about japan's ties with kazakhstan", 'could i get a summary of the article on japan and central asia?',
      "do i need to know anything else about japan's sanctions on russia?", "I'm planning to write about this: does Japan's security strategy call China a threat?",
      'do we need any more proof that russia is arming the kurils?', 'could japan fly its jets to kabul?',
    ]) {
      expect(questionTopic(e.rank(q).query, e.index, e.nlp).personal, q).toBe(false);
    }
    expect(e.ask('i heard japan scrambled jets against chinese planes, how many times?').kind).toBe('answered');
  });

  it('a question about everyday life is off topic whatever place it names; a news question with an everyday-looking word is not', () => {
    const e = seedsEngine();
    const everyday = (q: string) => questionTopic(e.rank(q).query, e.index, e.nlp).everyday;
    // Each names a place the corpus is about; none is in the first person.
    for (const q of ['what is the best sushi restaurant in tokyo?', "what's the weather like in moscow in march?", 'which VPN still works in beijing?', 'who won the world cup in russia?', 'is a jr pass worth it in japan?', 'is chinese harder to learn than japanese?', 'is tipping rude in japan?', 'who won the chinese super league last season?', 'how long does the trans-siberian take from moscow to vladivostok?']) {
      expect(everyday(q), q).toBe(true);
      expect(e.ask(q).kind, q).toBe('no-answer');
    }
    // Encyclopedia facts the corpus never gives.
    for (const q of ['what is the national anthem of japan?', 'what is the official language of kazakhstan?', "what's putin's net worth?"]) {
      expect(everyday(q), q).toBe(true);
      expect(e.ask(q).kind, q).toBe('no-answer');
    }
    // Plurals, inflected phrases and hyphens.
    for (const q of ['where do tourists buy SIM cards in beijing?', 'is learning japanese hard?', 'how bad is the jet-lag from moscow to tokyo?', 'is the wi-fi good in kazakhstan?', 'how much are groceries in tokyo?', 'best ramen noodles in tokyo?']) {
      expect(everyday(q), q).toBe(true);
    }
    // A review's news questions: stems that are an everyday word's (hiking/hike, camping/camp, adapter/adapt,
    // celebrity/celebrate, concert/concerted, wedding/wedded), everyday words in the news's own sense, chat shorthand.
    for (const q of [
      'apart from the US, which countries is japan building closer defence links with?', "what date was brown's piece published?", 'how did japan fare at the talks?',
      "what did russia's foreign ministry say about the japan india drills?", 'which ships did russia send near japan?', 'what is the wider game behind japan and central asia?',
      "how big is russia's arsenal on the kurils?", 'what did the diet decide about defence spending?', "did japan's defence spending hike worry beijing?",
      'is japan now firmly in the western camp?', 'how is japan adapting its security policy to russia?', 'how did beijing celebrate its ties with moscow?',
      'is there a concerted nato effort in asia?', 'has russia become more pronounced in its criticism of japan?', 'is japan wedded to the us alliance?',
      "does japan still rely on the us nuclear umbrella?", 'for the sake of argument, could russia return the islands?', 'how has russia weathered the sanctions?',
      'did the history textbook dispute come up?', 'is japan buying discounted russian oil?', "what's the timetable for the nato office?", 'what was on the menu of sanctions?',
      'how many japanese were evacuated from the capital of afghanistan?', "what's japan's stance on the nato office atm?", "what's the pub date of the nato article?", 'was there a state dinner for putin in japan?', 'could russia use its strike jets from iturup?',
    ]) {
      expect(everyday(q), q).toBe(false);
    }
  });

  it('an everyday word or phrase is on topic in a corpus about it', () => {
    const dir = tempDir('everyday');
    try {
      writeFileSync(join(dir.path, 'league.txt'), 'Harbour United won the football cup on Saturday.\n\nThe football club beat Valley Rovers in the cup final, two goals to one, in front of a full stadium.\n\nFootball fans celebrated the cup in the town square until midnight.\n\nTwo of its players will go to the World Cup next summer.\n');
      writeFileSync(join(dir.path, 'ferry.txt'), 'The town opened its new ferry terminal on Monday.\n\nThe terminal cost 42 million euros and can handle 3,000 passengers a day.\n');
      const e = engineOf(dir.path, nlp);
      const topic = (q: string) => questionTopic(e.rank(q).query, e.index, e.nlp);
      expect(topic('who won the football cup?').sharesKeyTerm).toBe(true);
      expect(topic('who won the football cup?').everyday).toBe(false);
      // A phrase the corpus uses, in a sentence with its last word.
      expect(topic('who will play at the world cup?').everyday).toBe(false);
      expect(topic('is the tap water safe in the town?').everyday).toBe(true);
      const seeds = seedsEngine();
      for (const q of ['who won the football cup in japan?', 'who won the world cup in japan?']) expect(questionTopic(seeds.rank(q).query, seeds.index, seeds.nlp).everyday, q).toBe(true);
    } finally {
      dir.cleanup();
    }
  });

  it('an answerable question is not abstained on', () => {
    expect(engine.ask('When did varroa mites kill the hives?').kind).toBe('answered');
  });

  it('the key terms say what each document is about: its own words, not phrases or numbers', () => {
    const key = data.vocab.filter((_, t) => engine.index.keyTerm[t] === 1);
    for (const word of ['terminal', 'honey', 'telescope']) expect(key).toContain(termOfWord(word, 'word', nlp));
    expect(key.some((t) => t.includes('_') || t.startsWith('!') || /^\d/.test(t))).toBe(false);
    // "Monday", "Saturday": when the articles happened, not what they are about.
    for (const word of ['monday', 'saturday', 'year']) expect(key).not.toContain(termOfWord(word, 'word', nlp));
  });

  it('a question off every topic weighs against answering, a question the sentence covers does not', () => {
    const features = (q: string) => {
      const { query, ranked } = engine.rank(q);
      return abstainFeatures(ranked, questionTopic(query, engine.index, engine.nlp));
    };
    // No entity of the glossary, no key word: "football", "match", "tonight".
    const away = features('what time does the football match start tonight');
    expect(away.offTopic).toBeGreaterThan(0.5);
    expect(away.offTopic).toBeCloseTo(1 - away.coreCoverage, 10);
    // "varroa" and "mites" are no key words of the bees article, but its sentence holds them all.
    expect(features('When did varroa mites kill the hives?').offTopic).toBe(0);
    expect(features('How much did the ferry terminal cost?').offTopic).toBe(0);
    expect(features('What did the NOS replace?').offTopic).toBe(0);
  });

  it("the question's own words' coverage does not depend on the synonyms added to them", () => {
    // "price" is no word of the corpus; WordNet adds "cost", which the sentence holds.
    const q = 'how much did the ferry terminal price?';
    const withSynonyms = engine.rank(q);
    expect(withSynonyms.query.terms.filter((t) => t.synonym === true).map((t) => t.term)).toContain(termOfWord('cost', 'word', nlp));
    const bare = new Engine(data, nlp, defaultRankParams, { ...defaultQueryParams, synonym: 0, unknownWordSynonym: 0, phraseSynonym: 0 }).rank(q);
    const a = withSynonyms.ranked.find((r) => data.sentences[r.sentence]!.text === TINY.cost)!;
    const b = bare.ranked.find((r) => data.sentences[r.sentence]!.text === TINY.cost)!;
    expect(a.selfCoverage).not.toBeCloseTo(b.selfCoverage, 3);
    expect(a.coreCoverage).toBeCloseTo(b.coreCoverage, 10);
    expect(a.coreUnknown).toBeCloseTo(b.coreUnknown, 10);
    expect(a.coreUnknown).toBeGreaterThan(0);
  });
});

describe('Engine.ask: odd questions never throw', () => {
  const long = 'How much did the ferry terminal cost and '.repeat(130).slice(0, 5000);
  it.each([
    ['empty', ''],
    ['whitespace', ' \t\n\r  '],
    ['punctuation', '?!?... ,;:—“”'],
    ['emoji', '🙂🚀🇯🇵👍🏽'],
    ['zero-width', '\u200b\u200c\u200d\u2060\ufeff'],
    ['bidi marks', '\u202e\u202d\u2066\u2069'],
    ['NUL and control characters', '\u0000\u0001\u0007'],
    ['lone surrogate', '\ud800'],
    ['5,000 letters', 'x'.repeat(5000)],
    ['5,000 characters of real words', long],
    ['markup', '<script>alert(1)</script>'],
    ['prototype words', 'toString valueOf __proto__ hasOwnProperty'],
  ])('%s', (_name, question) => {
    const a = engine.ask(question, { k: 3 });
    expect(['answered', 'no-answer']).toContain(a.kind);
    expect(hitsOf(a).length).toBeLessThanOrEqual(3);
  });

  // BUG (reported): the word "constructor" crashes ask: question.ts reads index.data.synonyms[term]
  // on a plain object, so "constructor" finds Object.prototype.constructor (a function) and for…of throws.
  it.each(['constructor', 'Who is the constructor of the ferry terminal?'])('%j does not throw', (question) => {
    expect(() => engine.ask(question)).not.toThrow();
  });

  it.each(['', '   ', '?!...', '🙂🚀', '\u200b\u200b\u200b', '\u202e\u2066'])('%j → no-answer "empty-question", with topics', (question) => {
    const a = engine.ask(question);
    expect(a.kind).toBe('no-answer');
    if (a.kind === 'no-answer') {
      expect(a.reason).toBe('empty-question');
      expect(a.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('zero-width characters inside words are ignored', () => {
    const plain = engine.ask('How much did the ferry terminal cost?');
    const hidden = engine.ask('How much did the fer\u200bry ter\u200dminal co\ufeffst?');
    expect(hitsOf(hidden).map((h) => h.sentence.id)).toEqual(hitsOf(plain).map((h) => h.sentence.id));
  });

  it('chat around a question changes nothing: greetings, preambles, thanks, fillers, tags ("right?") (property)', () => {
    const questions = ['How much did the ferry terminal cost?', 'why did the hives die?', 'When did the ferry terminal open?', 'who wrote the article about Greta Holm?', 'what did the mayor say about the ferries?'];
    const before = ['', 'hey bot, ', 'hi there! ', 'quick question: ', 'Hello bot - just curious, ', "i'm curious: ", 'so i was wondering, ', 'hiii ', 'gm everyone ☀️ ', '@bot ', 'yo ', 'heyy guys, '];
    const after = ['', ' lol', ' thanks!', ' thank you so much', ' tbh', ' idk', ', cheers', ' lmao thx', ' right?', ' did I read that right?', ' or not lol', ' is that correct?'];
    const shown = (a: Answer) => [a.kind, ...hitsOf(a).map((h) => h.sentence.id)];
    fc.assert(
      fc.property(fc.constantFrom(...questions), fc.constantFrom(...before), fc.constantFrom(...after), (q, b, t) => {
        expect(shown(engine.ask(b + q + t))).toEqual(shown(engine.ask(q)));
      }),
      { numRuns: 200 },
    );
  });

  it('a question that is only chat is still read as typed, not emptied', () => {
    expect(engine.rank('thanks!').query.text).toBe('thanks!');
    expect(engine.rank('hey bot').query.text).toBe('hey bot');
    expect(engine.rank('is that right?').query.text).toBe('is that right?');
  });

  it('chat is cut only where it is chat: "thank you" inside a question, "curious", "hi-tech" stay', () => {
    expect(engine.rank('how did the mayor thank you').query.text).toBe('how did the mayor thank you');
    expect(engine.rank('why is the mayor curious').query.text).toBe('why is the mayor curious');
    // "Right" asked about is no tag: only after a mark is a bare "right?" one.
    expect(engine.rank('is the mayor right?').query.text).toBe('is the mayor right?');
    expect(engine.rank('hi-tech telescope?').query.text).toBe('hi-tech telescope?');
    expect(engine.rank('morning star cluster?').query.text).toBe('morning star cluster?');
    expect(engine.rank('hey bot, why did the hives die? thank you!').query.text).toBe('why did the hives die?');
    expect(engine.rank('did the cooperative express thanks?').query.text).toBe('did the cooperative express thanks?');
    expect(engine.rank('why did the crowd give cheers').query.text).toBe('why did the crowd give cheers');
    expect(engine.rank('hi there, why did the hives die thx').query.text).toBe('why did the hives die');
  });

  it('checks read the question without what it sets aside: "apart from X, where…" is a place question', () => {
    const { query, missing } = engine.rank('apart from Port Elwen, where do visitors come from?');
    expect(query.text).toBe('where do visitors come from?');
    expect(answerChecks(query.text, query.entities, nlp).place).toBe(true);
    // The engine reads the checks from the cut question: only Port Elwen is named as where visitors come from.
    expect(missing).toBe('place');
    expect(engine.rank('apart from Port Elwen and the Nordic Optical Society, who sends visitors?').query.text).toBe('who sends visitors?');
    expect(engine.rank('other than Holm, Carvalho, who spoke?').query.text).toBe('who spoke?');
    expect(engine.rank('besides Port Elwen how many ferries leave?').query.intent).toBe('number');
    expect(engine.rank('what did everyone except the Nordic Optical Society say about the ferries?').query.text).toBe('what did everyone say about the ferries?');
  });

  it('"gonna" is "will", and "who\'s gonna be in charge" still asks for a person', () => {
    const { query } = engine.rank("who's gonna be in charge of the terminal?");
    expect(answerChecks(query.text, query.entities, nlp).person).toBe(true);
  });

  it('a 5,000-character question is answered quickly', () => {
    const t0 = performance.now();
    const a = engine.ask(long);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(hitsOf(a).length).toBeGreaterThan(0);
  });

  it('any string: never throws, at most k hits, scores non-increasing, every hit attributed (property)', () => {
    const vocabulary = ['how', 'much', 'when', 'which', 'what', 'the', 'terminal', 'ferry', 'honey', 'mites', 'KHO', 'NOS', 'observatory', 'mirror', '2019', '3,000', 'Holm', 'not', '?', '🙂', '\u200b'];
    const question = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 100 }),
      fc.array(fc.constantFrom(...vocabulary), { maxLength: 15 }).map((ws) => ws.join(' ')),
    );
    fc.assert(
      fc.property(question, fc.integer({ min: 1, max: 10 }), (q, k) => {
        const a = engine.ask(q, { k });
        const hits = hitsOf(a);
        expect(hits.length).toBeLessThanOrEqual(k);
        expectNonIncreasing(hits);
        hits.forEach(expectAttributed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Engine.context and Engine.summary', () => {
  it('context gives the sentences around one, from its document only, in order', () => {
    const s = data.sentences.find((x) => x.text === TINY.cost)!;
    const ctx = engine.context(s.id, 2);
    // Sentence s.id - 2 is the document's byline: another kind of text.
    expect(data.sentences[s.id - 2]!.kind).not.toBe(s.kind);
    expect(ctx.map((x) => x.id)).toEqual([s.id - 1, s.id, s.id + 1, s.id + 2]);
    const first = data.sentences.find((x) => x.doc === TINY.beesDoc)!;
    for (const x of engine.context(first.id, 3)) expect(x.doc).toBe(TINY.beesDoc);
    expect(engine.context(-1)).toEqual([]);
    expect(engine.context(data.sentences.length + 5)).toEqual([]);
  });

  it('context keeps to the focus sentence\'s kind of text (no comments after an article, no byline before it)', () => {
    const kinds = new Set(data.sentences.map((x) => x.kind));
    expect(kinds.size).toBeGreaterThan(1);
    for (const s of data.sentences) for (const x of engine.context(s.id, 3)) expect([x.doc, x.kind]).toEqual([s.doc, s.kind]);
  });

  it('context with a sentence key finds that sentence wherever it now is, and nothing once it is gone', () => {
    const s = data.sentences.find((x) => x.text === TINY.cost)!;
    const key = sentenceKey(s);
    expect(engine.context(s.id, 2, key).map((x) => x.id)).toEqual([s.id - 1, s.id, s.id + 1, s.id + 2]);
    expect(engine.context(0, 2, key).map((x) => x.id)).toEqual([s.id - 1, s.id, s.id + 1, s.id + 2]);
    expect(engine.context(s.id, 1, sentenceKey({ doc: s.doc, text: `${s.text} (edited)` }))).toEqual([]);
  });

  it('summary gives at most n article sentences of the document, in text order', () => {
    const summary = engine.summary(TINY.ferryDoc, 2);
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(2);
    for (const s of summary) {
      expect(s.doc).toBe(TINY.ferryDoc);
      expect(s.kind).toBe('article');
    }
    expect(summary.map((s) => s.id)).toEqual([...summary.map((s) => s.id)].sort((a, b) => a - b));
    expect(engine.summary('no-such-doc.txt')).toEqual([]);
  });
});

describe('Engine.ask on the seeds: names a maintainer keeps for this corpus (glossary)', () => {
  it('the IAF is the Indian Air Force and a Flanker its Su-30MKI, counted under either name; the Islamic Emirate is the Taliban; the Japanese jets and Chiang by their nicknames', () => {
    const e = seedsEngine();
    for (const q of ['how many Flankers does the IAF bring to the Japan drills?', 'how many Sukhois is India sending?']) {
      const a = e.ask(q);
      expect(a.kind, q).toBe('answered');
      expect(hitsOf(a)[0]?.sentence.text, q).toMatch(/four Su-30MKI fighters/);
    }
    expect(hitsOf(e.ask('do Moscow and Beijing accept the Islamic Emirate running Afghanistan?', { noAbstain: true }))[0]?.sentence.text).toMatch(/leverages with the Taliban/);
    // The Japanese jets by their nicknames: the F-15 Eagle and the F-2 "Viper Zero"; the C-17 Globemaster.
    for (const q of ['how many eagles is the japanese side putting up for the drills?', 'how many viper zeros does japan field?', 'how many globemasters carry the indian personnel?']) {
      const a = e.ask(q);
      expect(a.kind, q).toBe('answered');
      expect(hitsOf(a)[0]?.sentence.text, q).toMatch(/four Su-30MKI fighters/);
    }
    // Chiang Kai-shek as "the Generalissimo".
    expect(hitsOf(e.ask('was the 1941 pact meant to stop the soviets arming the generalissimo?'))[0]?.sentence.text).toMatch(/military aid to Chiang Kai-Shek/);
  });
  it("a defence ministry is a speaker of its own: the foreign ministry's words are not what it said", () => {
    const e = seedsEngine();
    const questions = ["what did Japan's defence ministry say about the Iturup missile drills?", 'what did the Japanese ministry of defense say about the drills on Iturup?'];
    expect(missingFor(e, questions)).toEqual(questions.map((q) => [q, 'statement']));
    expect(hitsOf(e.ask("what did Japan's foreign ministry say about the Iturup missile drills?"))[0]?.sentence.text).toMatch(/Ministry of Foreign Affairs did issue a statement/);
  });
});

describe('Engine.ask on the seeds: whom a quoted word stands for', () => {
  it('puts the sentence before the quoted one first, the quoted one next', () => {
    const e = seedsEngine();
    const cases: Array<[string, RegExp, RegExp]> = [
      ["Brown writes that Japan does not share 'its ally's concerns' - which ally does he mean?", /^Internationally, Moscow's growing military capabilities/, /^Japan, however, evidently does not share its ally's concerns/],
      ["Zakharova says 'it' is building up its military like never before - who is 'it'?", /^Russia on Thursday criticized Japan’s new defense policies/, /^Zakharova said in a statement that it/],
    ];
    for (const [q, first, second] of cases) {
      const hits = hitsOf(e.ask(q, { noAbstain: true }));
      expect(hits[0]?.sentence.text, q).toMatch(first);
      expect(hits[1]?.sentence.text, q).toMatch(second);
    }
    // A quotation asked about without a word that stands for someone is asked about as it stands.
    expect(hitsOf(e.ask("what does Brown mean by 'a pass'?", { noAbstain: true }))[0]?.sentence.text).toMatch(/giving Moscow a pass/);
  });

  it('keeps the quoted sentence first when it names, before the phrase, someone the question does not (its own referent)', () => {
    const e = seedsEngine();
    const hits = hitsOf(e.ask("mtt says nato 'took kosovo away from this nation' - which nation are they on about?", { noAbstain: true }));
    expect(hits[0]?.sentence.text).toMatch(/^NATO powers in the post-Soviet Union period bombed the civilian infrastructure of Serbia/);
  });
});

describe('Engine.ask: who said the words of a quotation that began a sentence earlier', () => {
  it('puts the sentence that opened the quotation and names the speaker first, the quoted words with it', () => {
    const e = seedsEngine();
    for (const q of ["who was it that said japan could just 'sit home and watch sony television' if the us got attacked?", "who's the one who said japan can 'sit home and watch sony television'?"]) {
      const hit = hitsOf(e.ask(q, { noAbstain: true }))[0];
      expect(hit?.sentence.text, q).toMatch(/made by Donald Trump in August 2016/);
      expect(hit && quoteOf(hit), q).toMatch(/watch Sony television/);
    }
  });

  it('leaves the quoted words first when the sentence before closed its quotation, or names nobody', () => {
    const dir = tempDir('speaker');
    try {
      writeFileSync(
        join(dir.path, 'ferry.txt'),
        'Ferry news\n\nPrime Minister Shinzo Abe visited the harbour on Monday and said “The ferry is safe.” They can sit home and watch the boats, the harbour master added.\n\n' +
          'The council wrote that “If the ferry stops, the island has nothing. They can sit home and watch the gulls, OK?”\n',
      );
      const e = engineOf(dir.path, nlp);
      expect(hitsOf(e.ask('who said they can sit home and watch the boats?', { noAbstain: true }))[0]?.sentence.text).toMatch(/^They can sit home and watch the boats/);
      expect(hitsOf(e.ask('who said they can sit home and watch the gulls?', { noAbstain: true }))[0]?.sentence.text).toMatch(/^They can sit home and watch the gulls/);
    } finally {
      dir.cleanup();
    }
  });
});

describe('Engine.ask on the seeds: what a statement was about, and where it was read', () => {
  it('a name asked about must be in the statement or just before it in its paragraph, even a name found everywhere', () => {
    const e = seedsEngine();
    expect(missingFor(e, ['what has Tomita said about China?'])).toEqual([['what has Tomita said about China?', 'statement']]);
    expect(hitsOf(e.ask('what has Tomita said about NATO?'))[0]?.sentence.text).toMatch(/Koji Tomita/);
  });
  it('"in Brown\'s article" or "according to Brown" says where, not what about', () => {
    const e = seedsEngine();
    for (const q of ["what did Trump say about Japan in Brown's article?", 'what did Trump say about Japan according to Brown?']) {
      const a = e.ask(q);
      expect(a.kind, q).toBe('answered');
      expect(hitsOf(a)[0]?.sentence.text, q).toMatch(/made by Donald Trump in August 2016/);
    }
  });
});

describe("Engine.ask on the seeds: someone's job", () => {
  it('is answered by a sentence that gives them a title or a post, not one that only names them', () => {
    const e = seedsEngine();
    const cases: Array<[string, RegExp]> = [
      ["what is Gerasimov's job?", /Chief of the General Staff Valery Gerasimov/],
      ['Gerasimov came to Japan in 2017 - what was his title back then?', /Chief of the General Staff Valery Gerasimov/],
      ["what was Patrushev's role?", /the heads of the countries’ security councils/],
    ];
    for (const [q, gold] of cases) expect(hitsOf(e.ask(q, { noAbstain: true }))[0]?.sentence.text, q).toMatch(gold);
  });

  it('asked for a job held before the one the question gives, the same title again is no answer', () => {
    const e = seedsEngine();
    const before = e.ask("koji tomita, japan's ambassador in the US — what job did he have before that?");
    expect(before.kind).toBe('no-answer');
    if (before.kind === 'no-answer') expect(before.missing).toBe('role');
    expect(hitsOf(e.ask('what job does koji tomita have?'))[0]?.sentence.text).toMatch(/The Japanese ambassador to America \(Koji Tomita\)/);
    // "What's her background": her job, which a line naming her with a title gives; none names Kanako Mita so.
    expect(e.ask("kanako mita is one of the names on the mtt nato office article — what's her background? journalist, academic, something else?").kind).toBe('no-answer');
    expect(hitsOf(e.ask("what's koji tomita's background?"))[0]?.sentence.text).toMatch(/The Japanese ambassador to America \(Koji Tomita\)/);
    // A career before the post, asked without the word "job".
    const career = e.ask("what was koji tomita doing before he became japan's ambassador in washington?");
    expect(career.kind).toBe('no-answer');
    if (career.kind === 'no-answer') expect(career.missing).toBe('role');
    expect(e.ask('what did the chinese foreign ministry spokesperson mao ning do before she got that job?').kind).toBe('no-answer');
    // "Earlier" or "former" elsewhere in the question asks for no earlier job.
    expect(e.ask("Hayashi, the minister mentioned earlier - what's his title?").kind).toBe('answered');
  });
});

describe('Engine.ask on the seeds: "did X put out anything", "who in X put out a statement" ask what X said', () => {
  it("is answered by the ministry's statement, not by the drills it was about", () => {
    const e = seedsEngine();
    for (const q of [
      'did the Gaimusho put out anything after the June 2018 drills on Etorofu?',
      "did Japan's foreign ministry issue a statement about the Iturup drills?",
      'who in japan actually put out a statement about the june 2018 iturup missile drills?',
      'who in tokyo issued a formal protest over the iturup drills in 2018?',
    ]) {
      const a = e.ask(q);
      expect(a.kind, q).toBe('answered');
      expect(hitsOf(a)[0]?.sentence.text, q).toMatch(/Ministry of Foreign Affairs did issue a statement/);
    }
  });
});

describe('Engine.ask on the seeds: "which countries" (plural)', () => {
  it('prefers a line that names several other countries to one that names a single one, which still answers', () => {
    const e = seedsEngine();
    const q = "theres a bit in the mtt nato piece saying japan should 'pump the brakes' on this and work on ties with its neighbours instead — which countries do they list?";
    expect(hitsOf(e.ask(q))[0]?.sentence.text).toMatch(/focus on developing relations with China, North Korea, and the Russian Federation/);
    // One other country named is still an answer when nothing fuller is near.
    expect(e.ask('which countries besides japan did motegi ask for support on afghanistan?').kind).toBe('answered');
  });
});

describe('Engine.ask on the seeds: a premise about the page that "but" turns from', () => {
  it('is cut when what follows names its own source, and kept when it says which article is meant', () => {
    const e = seedsEngine();
    const cut = e.ask("a forum post links to some yahoo story on Trump, but what did Trump say about Japan in Brown's article?");
    expect(cut.kind).toBe('answered');
    expect(hitsOf(cut)[0]?.sentence.text).toMatch(/made by Donald Trump in August 2016/);
    expect(hitsOf(e.ask("Brown's headline is all over the forum page, but what's the line right under it?"))[0]?.sentence.text).toMatch(/^Tokyo wants to make sure a Russian-Chinese alliance/);
  });

  it('is cut when a commenter\'s claim is turned from to "the actual article"', () => {
    const a = seedsEngine().ask("one forum commenter reckons japan is surrounded by hostile nuclear-armed neighbours — but what does the actual article say makes up japan's 'most severe' security environment?");
    // Abe's "most severe security environment" line, quoted with the one that goes on to say what makes it up.
    expect(hitsOf(a)[0]?.sentence.text).toMatch(/^Speaking at the end of 2017, Abe warned/);
    expect(hitsOf(a)[0]?.continuation?.text).toMatch(/^This consists of an assertive China/);
  });

  it('is kept when the remark is on a reply or a thread, which says what is asked about', () => {
    const q = "zakharova's reply was pretty harsh. anyway, did japan answer her?";
    expect(seedsEngine().rank(q).query.text).toBe(q);
  });

  it('is cut when a remark on the page is left with "anyway"', () => {
    const a = seedsEngine().ask("mtt's footer says 'modern tokyo news is part of the modern tokyo times group' lol. anyway, does mtt actually blame japan's foreign ministry for the kabul mess?");
    expect(a.kind).toBe('answered');
    expect(hitsOf(a)[0]?.sentence.text).toMatch(/Foreign Ministry/);
  });

  it('a statement the question opens with is what the text just said: the sentence next to the one it echoes answers the ask', () => {
    const e = seedsEngine();
    expect(hitsOf(e.ask('the US sees russia as a major security threat — does tokyo share that view?'))[0]?.sentence.text).toMatch(/^Japan, however, evidently does not share/);
    // Only one question, at the end: with two, the statement is no longer all that comes before what is asked.
    expect(hitsOf(e.ask("time news says qin 'released the riddle in berlin' - is that a garbled way of saying he made the 'certain country' dig there? where else was he headed?"))[0]?.sentence.text).toMatch(/^Qin released the riddle in Berlin/);
    // The echoed sentence stays first when it shares the ask's words.
    expect(hitsOf(e.ask('japan scrambled jets a lot last year — how many times did japan scramble jets against russian aircraft?'))[0]?.sentence.text).toMatch(/scrambled jets 390 times/);
  });

  it('is cut when a remark on the forum replies is left with "apart from that" for a question on the article', () => {
    const q = 'one of the forum replies says japan-russia trade would be good for both sides. apart from that, what economic plan has japan actually been pursuing with russia per the article?';
    expect(seedsEngine().rank(q).query.text).toMatch(/^what economic plan/);
    expect(hitsOf(seedsEngine().ask(q))[0]?.sentence.text).toMatch(/eight-point economic cooperation plan/);
    // Not when it asks about the replies themselves.
    const replies = 'one of the forum replies says japan-russia trade would be good for both sides. apart from that, what else do the replies say about russia?';
    expect(seedsEngine().rank(replies).query.text).toBe(replies);
  });

  it('is cut when a reply\'s claim is turned from to how the author says it, and the author, not the reply, speaks', () => {
    const a = seedsEngine().ask("a reply on the forum says trump's tariffs are hurting japan — but how does brown say trump's 'america first' stuff changed japan's stance on russia?");
    expect(hitsOf(a)[0]?.sentence.text).toMatch(/Washington’s “America First” rhetoric has encouraged/);
  });

  it('is cut when it speaks of a poster\'s profile (a page word), not only of posts and comments', () => {
    const a = seedsEngine().ask("haidian's profile brags 4,888 messages lol, but what's brown's count for the jet scrambles japan launched at approaching russian aircraft last fiscal year?");
    expect(hitsOf(a)[0]?.sentence.text).toMatch(/^In the last fiscal year, Japan scrambled jets 390 times/);
  });

  it('is cut when "but" turns to an article named before the question word ("but in the mtt article, who…")', () => {
    const e = seedsEngine();
    for (const q of [
      "the forum replies under brown's piece are all cpec and gwadar, lol. but in the mtt afghanistan article, who has excellent relations with china and iran?",
      'the replies are all about cpec, but according to the mtt story, who does moscow have excellent relations with?',
    ]) {
      const a = e.ask(q);
      expect(a.kind, q).toBe('answered');
      expect(hitsOf(a)[0]?.sentence.text, q).toMatch(/^Equally important, political elites in Moscow/);
    }
  });
});

describe('Engine.ask on the seeds: garbles of the machine translation, glossed in the glossary\'s rewrites', () => {
  it('are found by a question in plain English, and quoted as the file has them', () => {
    const e = seedsEngine();
    for (const [q, line] of [
      ['is the nato office in japan being rushed?', 'The deadlines suggest vertigo.'],
      ['how many staff will the nato office in japan have?', 'It has not been revealed if it will be one-person, who will pay the bill or the specific powers.'],
      ['who is the main target of the nato office according to time news?', 'But it’s hard not to see in Russia to the temporary problem now China as the main objective of the office.'],
      ['what are the us and china competing for?', 'With China, the United States discusses global supremacy and Japan collects historical frictions and territorial disputes.'],
    ] as const) {
      const a = e.ask(q);
      expect(a.kind, q).toBe('answered');
      expect(hitsOf(a)[0]?.sentence.text, q).toBe(line);
    }
  });
});

describe('Engine.ask on the seeds: an acronym the corpus writes in capitals', () => {
  it('"QUAD" in a sentence is the Quad a question names by its full name', () => {
    const a = seedsEngine().ask('which countries are in the quadrilateral security dialogue that washington sponsors?');
    expect(a.kind).toBe('answered');
    expect(hitsOf(a)[0]?.sentence.text).toMatch(/QUAD \(with Australia, India and Japan\)/);
  });
});

describe('Engine.ask on the seeds: writers credited on an article', () => {
  it('is a byline question; credit for an idea is not', () => {
    const e = seedsEngine();
    expect(hitsOf(e.ask('which reporters are credited on the NATO office piece?'))[0]?.sentence.text).toBe('Kanako Mita, Sawako Utsumi, and Lee Jay Walker');
    expect(hitsOf(e.ask('who is credited with the idea of a liaison office?', { noAbstain: true }))[0]?.sentence.kind).toBe('article');
  });
});

describe('Engine.ask on the seeds: a garble the glossary rewrites, asked about as the page has it', () => {
  it('answers with the line that carries it, not one that only shares the question\'s other words', () => {
    const first = hitsOf(seedsEngine().ask('What organization is "The I\'LL TAKE" in the Time News article?'))[0]?.sentence.text;
    expect(first).toMatch(/^The I’LL TAKE will open in Japan/);
  });
});
