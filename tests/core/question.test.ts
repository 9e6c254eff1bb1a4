import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import { readGlossary } from '../../src/core/glossary.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import { defaultQueryParams, expandAbbreviations, parseQuestion, placesNamed } from '../../src/core/question.js';
import { readSeeds } from '../../src/core/ingest.js';
import { termOfWord } from '../../src/core/terms.js';
import { engineOf, SEEDS_DIR, TINY, TINY_DIR } from './support.js';

let nlp: Nlp;
let engine: Engine;

beforeAll(() => {
  nlp = createNlp(readGlossary(join(TINY_DIR, 'glossary.json')));
  engine = engineOf(TINY_DIR, nlp);
});

const weightOf = (question: string, word: string) => {
  const q = parseQuestion(question, engine.index, nlp);
  const term = q.terms.find((t) => t.term === parseQuestion(word, engine.index, nlp).terms[0]?.term);
  return term?.weight;
};

describe('expandAbbreviations: chat abbreviations spelt out', () => {
  it.each([
    ['what did the govt say', 'what did the government say'],
    ['Which PM opened it?', 'Which prime minister opened it?'],
    ['did the FM go w/ him', 'did the foreign minister go with him'],
    ['til what year did japan run them, thru the war?', 'until what year did japan run them, through the war?'],
    ['what did the U.S. and the u.k. say', 'what did the U.S. and the u.k. say'],
    ['why tho lol', 'why though '],
    // A possessive keeps its abbreviation spelt out; other apostrophes still guard a word ("gov't" is whole).
    ["what's the japanese FM's reason", "what's the japanese foreign minister's reason"],
    ['the PM’s visit', 'the prime minister’s visit'],
    ["the gov't line", 'the government line'],
    // "X's man in Y" is X's envoy there.
    ["who's tokyo's man in washington?", "who's tokyo's ambassador to washington?"],
    ["japan’s woman in Beijing said what", 'japan’s ambassador to Beijing said what'],
    ["who is the mayor's man in charge of the ferries?", "who is the mayor's man in charge of the ferries?"],
  ])('%j → %j', (q, out) => expect(expandAbbreviations(q)).toBe(out));

  it('spells out contractions typed without the apostrophe', () => {
    expect(expandAbbreviations('whats the plan, isnt it late')).toBe('what is the plan, is not it late');
    expect(parseQuestion(expandAbbreviations('whats the cost of the terminal'), engine.index, nlp).terms.map((t) => t.term)).not.toContain('what');
    expect(parseQuestion('whats the cost of the terminal', engine.index, nlp).terms.map((t) => t.term)).toContain('what');
  });

  it('leaves words that merely contain an abbreviation alone', () => {
    expect(expandAbbreviations('the government admins governed the fmri pmx')).toBe('the government admins governed the fmri pmx');
    expect(expandAbbreviations('administration')).toBe('administration');
  });

  it('lets a question in chat shorthand find its answer', () => {
    const a = engine.ask('how many yrs did the terminal construction take?');
    expect(a.kind === 'answered' ? a.hits[0]?.sentence.text : a.reason).toBe(TINY.opened);
  });
});

/** One question-form reading (`wantsAdvice`…) against a table of questions and whether each has it. */
function readsForm(title: string, form: 'wantsAdvice' | 'wantsPrediction' | 'wantsComparison', rows: Array<[string, boolean]>): void {
  describe(title, () => {
    it.each(rows)('%j: %s', (q, wanted) => expect(parseQuestion(q, engine.index, nlp)[form]).toBe(wanted));
  });
}

readsForm('parseQuestion: what should be done', 'wantsAdvice', [
  ['what should japan do instead of the token sanctions?', true],
  ['does MTT reckon japan should ease off a bit?', true],
  ['what does the author say tokyo needs to do?', true],
  ["what's brown's prescription for japan?", true],
  ['what does the nato office have to do with china?', false],
  ["who claimed japan wouldn't have to do anything?", false],
  ['so they must have known about it?', false],
  ['what did japan do after crimea?', false],
  ['who wrote the piece on nato?', false],
]);

readsForm('parseQuestion: what will or would happen', 'wantsPrediction', [
  ['would nato fighter jets even be able to get to moscow?', true],
  ['will japan join nato?', true],
  ['how will china react to the office?', true],
  ['what would happen if japan joined cpec?', true],
  ['so is japan going to send troops?', true],
  ['so, will japan join?', true],
  ['do you think japan will join nato?', true],
  ['what is japan going to do about it?', true],
  ["what's gonna happen to the kurils?", true],
  ['which country would benefit most?', true],
  ['who said they will send troops?', false],
  ['what was in the will?', false],
  ['is japan hoping the central asian states will become customers?', false],
  ['does the global times reckon central asian countries will fall for it?', false],
  ['what did japan do after crimea?', false],
]);

readsForm('parseQuestion: a question that compares', 'wantsComparison', [
  ['how much did the scrambles go up compared to the year before?', true],
  ['is russia more of a threat than china?', true],
  ['did the number of scrambles go down by much?', true],
  ['did the defence budget rise from 1% of gdp?', true],
  ["where's the new russian naval facility going up?", false],
  ["what's the 'most severe security environment ever'?", false],
  ['how many scrambles were there?', false],
]);

describe('parseQuestion: who is in a group', () => {
  it.each([
    ["who's in the QUAD according to that article?", 'other'],
    ['who is part of AUKUS?', 'other'],
    ['who are the members of the cooperative?', 'other'],
    ["who's in charge of the cooperative?", 'person'],
    ['who founded the cooperative?', 'person'],
  ])('%j asks for a %s', (q, intent) => expect(parseQuestion(q, engine.index, nlp).intent).toBe(intent));
});

describe('parseQuestion: what a question asks for, from its form', () => {
  it.each([
    ["heard they run about a dozen ferries, whats the actual number?", 'number'],
    ['what is the exact figure for the harvest?', 'number'],
    ['what slice of the budget goes to the ferries?', 'number'],
    ['what fraction of the hives died?', 'number'],
    ['what portion of the article is about the bees?', 'other'],
    ['is Maria Lopez credited as a writer on the ferry piece, or only as the photographer?', 'author'],
    ['who is listed as an author of the bee article?', 'author'],
    ["i know two of the ferry piece's writers, but who's the other author?", 'author'],
    ['the ferry piece was written by whom?', 'author'],
    // "By whom" after another verb asks who did that, not who wrote.
    ["the ferry piece says the town was 'left out of the loop'. left out by whom?", 'other'],
    ['who was the second reporter on that story?', 'author'],
    ['the gazette ferry piece - just maria lopez writing it, or who else?', 'author'],
    ['who else wrote the ferry piece?', 'author'],
    // The writer asked in other words: an adverb before "wrote", a guess at a (co-)writer, whose name is on it, a journalist named on it.
    ['who actually wrote the gazette ferry piece?', 'author'],
    ['maria lopez co-wrote the ferry piece too, right?', 'author'],
    ["so mira wrote that 'ferries late again' post? or did she just share it", 'author'],
    // A follow-up joined to the question before it ("…? wrote the ferry article") keeps its own form.
    ['when was it published? wrote the ferry article', 'published'],
    // A writer named before another question, or a name on a list, asks for no writer.
    ['mira wrote this piece about the ferries - what did the mayor say?', 'other'],
    ['whose names are on the ferry waiting list?', 'person'],
    // "Year of the X article" asks for no event's date.
    ['year of the ferry article?', 'other'],
    ['mira wrote that the ferries were late, is that so?', 'other'],
    ["whose name's actually on the bee article?", 'author'],
    ['is there a journalist named on the gazette ferry story or is it just credited to the paper?', 'author'],
    // Naming someone with "whose" is not asking for a writer.
    ['whose idea was the ferry terminal?', 'person'],
    ['who else wrote about the ferries?', 'person'],
    ['mira is writing that the ferries are late, who else thinks so?', 'other'],
    // Another person than a writer is no author asked for.
    ["who's the other minister at the ferry talks?", 'person'],
    ['what does the headline of the ferry article say?', 'title'],
    ['tell me what the headline says', 'title'],
    ['the headline says the terminal is a success, so what is the town actually doing about the schools?', 'other'],
    ["the ferry piece's headline is everywhere, but what's the one-line summary right under it say?", 'lead'],
    ['what is the standfirst of the bee article?', 'lead'],
    ['what does the line below the headline of the ferry article say?', 'lead'],
    ["what's the teaser line under mira's byline getting at?", 'lead'],
    ["what's the one-liner under the headline of the ferry piece?", 'lead'],
    ['what does the bit right under the title say?', 'lead'],
    ['what is the line under the ferry terminal?', 'other'],
    // Whom or what someone blames is a cause asked for.
    ['the ferry piece blames who for the terminal being so slow to open?', 'reason'],
    ['what is to blame for the mites?', 'reason'],
    // A reason asked for mid-question.
    ['so only four ferries run in june?? did the town give any reason why so few', 'reason'],
    ['has the mayor explained why the terminal is late?', 'reason'],
    ['is there a reason for the fares going up?', 'reason'],
    ['did the piece say why?', 'reason'],
    ['the ferry left and why not', 'other'],
  ])('%j asks for a %s', (q, intent) => expect(parseQuestion(q, engine.index, nlp).intent).toBe(intent));
});

describe('parseQuestion: "the name of the …"', () => {
  it.each([
    ['what is the name of the leader of the port?', 'person'],
    ['what is the name of the commander of the observatory?', 'person'],
    ['what is the name of the port the ferries leave from?', 'other'],
  ])('%j asks for a %s', (q, intent) => expect(parseQuestion(q, engine.index, nlp).intent).toBe(intent));
});

describe('parseQuestion: a count offered as a guess', () => {
  it('"how many…? like 40?": the guessed count weighs as framing; asked in the question proper it weighs in full', () => {
    expect(weightOf('how many ferries left the harbour in june? like 40?', '40')).toBeLessThan(1);
    expect(weightOf('how many ferries left the harbour in june? like 40?', 'ferries')).toBe(1);
    expect(weightOf('did 40 ferries leave the harbour in june?', '40')).toBe(1);
  });
});

describe('parseQuestion: quoted phrases', () => {
  it.each([
    ["what came after 'the fares rose' in the gazette piece?", [' the fares rose ']],
    ['who said “the ferry is a lifeline”?', [' the ferry is a lifeline ']],
    // One word is no phrase; a quote before "but" is the premise the question turns from.
    ["who called it 'historic'?", undefined],
    ["the page ends with the usual 'part of the gazette group' footer, but what's the piece's own verdict?", undefined],
  ])('%j quotes %j', (q, quoted) => expect(parseQuestion(q, engine.index, nlp).quoted).toEqual(quoted));
});

describe('parseQuestion: publication questions', () => {
  it.each([
    'when was the article about the ferry published?',
    "what date was brown's piece posted",
    'When did the story on the observatory come out?',
    'how old is this article, when was it written',
    'publication date of the bee article?',
    'what date is the article about the ferry from?',
    'when was it published?',
    // The publishing verb before the word for the text, "put … out" split around it.
    'what date did the harbour gazette put the ferry story out?',
    'when did the gazette publish the story on the ferry?',
    "when did the gazette run mira's piece?",
    "the gazette's ferry post, that's from 2022 isn't it? when was it actually put up",
    'gazette ferry piece posted when exactly',
    'the bee article was published on what date?',
    // The date a text carries, or its age.
    "the gazette ferry article is from 2022 isn't it? whats the date on it",
    "what's the date of mira's ferry piece",
    'wait how old is that gazette ferry piece?',
    'mira article orig date? the date under author name',
    "whats the timestamp on the gazette 'ferry fares up again' post? need it for a citation",
  ])('%j asks when an article came out', (q) => expect(parseQuestion(q, engine.index, nlp).intent).toBe('published'));

  it.each([
    ['when was the pact signed?', 'date'],
    ['when did the ferry terminal open?', 'date'],
    // Terse: "date of the X?", "year of that Y?".
    ['date of the ferry terminal opening?', 'date'],
    ['exact year of that pact?', 'date'],
    ['the date of the terminal opening was a Monday, so why did the ferries start late?', 'other'],
    ['when did the town release the new fares?', 'date'],
    ['when did the ferries run to the island?', 'date'],
    ['who wrote the article about the ferry?', 'author'],
    ['what was published about the bees?', 'other'],
    ['when did it come out that the mayor had paid for the terminal?', 'date'],
    ['when was it put out that the mayor had paid for the terminal?', 'date'],
    ['when did the town get its ferries from the island?', 'date'],
    ['When, according to the article, did the town take the island from the cooperative?', 'date'],
    ['When does the article say the ferries will leave from the harbour?', 'date'],
    ['When was the post-war terminal written about?', 'date'],
    ['when was that ferry that the town published plans for opened?', 'date'],
    ["when's the ferry back?", 'date'],
    ['what did the mayor sign when she met the cooperative?', 'other'],
    ['when the harvest failed did the town buy grain from the island?', 'other'],
    ["what's the date of the ferry strike?", 'other'],
    ['what was the date on the new fares?', 'other'],
    ['how old is the ferry terminal?', 'other'],
  ])('%j is not a publication question (%s)', (q, intent) => expect(parseQuestion(q, engine.index, nlp).intent).toBe(intent));
});

describe('parseQuestion: aspect verbs are framing', () => {
  it.each([
    ['when did the beekeepers start treating their colonies?', 'start'],
    ['have the ferries stopped leaving from June?', 'stopped'],
    ['did the town use to have a ferry terminal?', 'use'],
    ['has the observatory continued to run viewing nights?', 'continued'],
  ])('%j: %j weighs less than a content word', (q, word) => {
    expect(weightOf(q, word)).toBeLessThan(1);
  });

  it.each([
    ['when did the construction start?', 'start'],
    ['what did the engineers use to fix the motor?', 'use'],
    ['did the society stop anything?', 'stop'],
  ])('%j: %j is the content itself', (q, word) => {
    expect(weightOf(q, word)).toBe(1);
  });

  it('a question about the aspect verb still finds its answer', () => {
    const a = engine.ask('when did the beekeepers start treating their colonies with oxalic acid?');
    expect(a.kind === 'answered' ? a.hits[0]?.sentence.text : undefined).toBe(TINY.treat);
  });
});

describe('parseQuestion on the real corpus and glossary', () => {
  let seedNlp: Nlp;
  let seeds: Engine;
  beforeAll(() => {
    seedNlp = createNlp(readGlossary(join(SEEDS_DIR, 'glossary.json')));
    seeds = engineOf(SEEDS_DIR, seedNlp);
  });
  /** The weight a question gives one of its terms (undefined when it has none). */
  const weight = (question: string, term: string) => parseQuestion(question, seeds.index, seedNlp).terms.find((t) => t.term === term)?.weight;

  describe('the name of a source (an outlet or a person)', () => {
    const sources = (question: string) => Object.fromEntries(parseQuestion(question, seeds.index, seedNlp).terms.filter((t) => t.source !== undefined).map((t) => [t.term, t.source]));

    it('marks the words of the name as it is typed, and the entity term, with the entity', () => {
      expect(sources('according to the global times, what did japan approve?')).toEqual({ global: '@global-times', time: '@global-times', '@global-times': '@global-times' });
      expect(sources('what does james brown say about the islands?')).toEqual({ jame: '@james-d-j-brown', brown: '@james-d-j-brown', '@james-d-j-brown': '@james-d-j-brown' });
      expect(sources("per brown, why won't russia give the islands back?")).toEqual({ brown: '@james-d-j-brown', '@james-d-j-brown': '@james-d-j-brown' });
    });

    it('a word the name shares with other things counts only inside the name', () => {
      // "MTT" is the name here (a word of the corpus too, in the outlet's Twitter link); "tokyo" is Japan's.
      expect(sources('what does MTT say tokyo should do?')).toEqual({ mtt: '@mtt', '@mtt': '@mtt' });
    });

    it('a word of the name typed again outside it is a word of the question too', () => {
      expect(sources('according to the Modern Tokyo Times, what did Tokyo approve?')).toEqual({ modern: '@mtt', time: '@mtt', '@mtt': '@mtt' });
      expect(sources('according to the global times, how is the global economy?')).toEqual({ time: '@global-times', '@global-times': '@global-times' });
    });

    it('marks nothing for places, countries or organisations', () => {
      expect(sources('what did nato and tokyo agree in moscow?')).toEqual({});
    });
  });

  describe('the words that name an article ("the mtt liaison office article")', () => {

    it('weigh as framing: they say which article, not what is asked', () => {
      expect(weight('how does the mtt liaison office article describe north korea and japan relations?', 'liaison')).toBe(defaultQueryParams.framing);
      expect(weight("mtt's liaison office piece says nato couldn't hurt china militarily - why?", 'offic')).toBe(defaultQueryParams.framing);
      expect(weight('in the time news nato office story, who confirmed the talks?', 'offic')).toBe(defaultQueryParams.framing);
      // After the word for the article, when the question says whose article it reads.
      expect(weight('what problems does japan have with china according to the time news piece on the nato office', 'offic')).toBe(defaultQueryParams.framing);
      expect(weight('in the mtt piece about afghanistan, which capital is the kremlin warming up to?', 'afghanistan')).toBe(defaultQueryParams.framing);
    });

    it('are content when the question asks about them too, or names no article by them', () => {
      expect(weight('what does the mtt article say about the liaison office?', 'liaison')).toBe(1);
      expect(weight('in the mtt liaison office article, who wants the liaison office?', 'liaison')).toBe(2);
      expect(weight('what does the liaison office report to?', 'liaison')).toBe(1);
      expect(weight('what does the article say about the liaison office?', 'liaison')).toBe(1);
      expect(weight('what is said in the article about the liaison office?', 'liaison')).toBe(1);
    });

    it('put the sentence on what is asked before the one that merely names the article\'s subject', () => {
      const first = (q: string) => {
        const a = seeds.ask(q, { noAbstain: true });
        return a.kind === 'answered' ? a.hits[0]?.sentence.text : undefined;
      };
      expect(first('should japan pick a side or be even-handed with everyone in the region, according to the liaison office article?')).toBe('Japan needs a more balanced approach between all regional nations.');
    });

    it('say which article answers: its lines come first (its title holds them all)', () => {
      const top = (q: string) => {
        const a = seeds.ask(q, { noAbstain: true });
        return a.kind === 'answered' ? a.hits[0]?.sentence : undefined;
      };
      expect(top('does the mtt nato-office article want tokyo to pick a side in the region, or to treat all its neighbours evenly?')?.text).toBe('Japan needs a more balanced approach between all regional nations.');
      // The MTT piece on Afghanistan, not the MTT piece on NATO that names Afghanistan.
      expect(top('in the mtt afghanistan piece, what is said about nato?')?.doc).toMatch(/^000_/);
    });
  });

  describe('a time clause inside the question ("…muted when russia did those drills")', () => {
    it('weighs as framing: it says when, not what is asked', () => {
      expect(weight("was tokyo's response muted when russia did those missile-firing drills on iturup?", 'drill')).toBe(defaultQueryParams.framing);
      expect(weight("was tokyo's response muted when russia did those missile-firing drills on iturup?", 'mute')).toBe(1);
      expect(weight('does brown think tokyo stays calm while moscow keeps flexing its forces?', 'forc')).toBe(defaultQueryParams.framing);
    });

    it('is content after "back when", in questions of who, when and how many, and as the question word itself', () => {
      expect(weight('was japan firmer with russia back when it felt sure of the americans?', 'sure')).toBe(1);
      expect(weight("who was japan's prime minister when they signed the neutrality pact?", 'sign')).toBe(1);
      expect(weight('how many days after the missile drills did the talks happen?', 'drill')).toBe(1);
      expect(weight('when did russia hold missile drills on iturup?', 'drill')).toBe(1);
    });

    it('puts the line on what is asked before the line on when it happened', () => {
      const a = seeds.ask("was tokyo's response muted when russia did those missile-firing drills on iturup, or did it come down hard on moscow?");
      expect(a.kind === 'answered' ? a.hits[0]?.sentence.text : undefined).toMatch(/Tokyo’s response was muted|Tokyo's response was muted/);
    });
  });

  it('a city of the world list the corpus never names stands for its country, weakly; one the corpus names does not', () => {
    const weights = (question: string) => Object.fromEntries(parseQuestion(question, seeds.index, seedNlp).terms.filter((t) => t.synonym).map((t) => [t.term, t.weight]));
    // Iraq and Syria are glossary countries (the corpus names them): the city stands for the country's entity term.
    const iraq = '@iraq';
    const syria = '@syria';
    expect(weights('were there deaths in baghdad and aleppo?')).toMatchObject({ [iraq]: defaultQueryParams.unknownWordSynonym, [syria]: defaultQueryParams.unknownWordSynonym });
    // Typed as the country, the country's own word counts in full, and no weaker copy is added.
    expect(weights('were there deaths in iraq?')[iraq]).toBeUndefined();
    expect(weights('what is the shanghai cooperation organization?')['@china']).toBeUndefined();
  });

  it('"sat down with" is heard as meeting, as "sit down with" was (thesaurus)', () => {
    const terms = parseQuestion('has hayashi sat down with qin?', seeds.index, seedNlp).terms;
    expect(terms.find((t) => t.term === termOfWord('meet', 'word', seedNlp))).toMatchObject({ synonym: true });
  });

  it('"ok with" is heard as accepting, "get along" as friendly, a goal as an objective, "ease up on" as softer (thesaurus)', () => {
    const has = (q: string, word: string) => parseQuestion(q, seeds.index, seedNlp).terms.find((t) => t.term === termOfWord(word, 'word', seedNlp));
    expect(has('is moscow ok with the taliban in kabul?', 'accept')).toMatchObject({ synonym: true });
    expect(has('do japan and india get along?', 'friendly')).toMatchObject({ synonym: true });
    expect(has("what is the office's main goal?", 'objective')).toMatchObject({ synonym: true });
    expect(has('would north korea ease up on japan?', 'softer')).toMatchObject({ synonym: true });
  });

  it('"cut off" is heard as isolation (thesaurus)', () => {
    const terms = parseQuestion('since when has russia been cut off from the west?', seeds.index, seedNlp).terms;
    expect(terms.find((t) => t.term === termOfWord('isolation', 'word', seedNlp))).toMatchObject({ synonym: true });
  });

  it('"strategic math" is heard as a calculation, "pretty modest" as small-scale, "at sea" as maritime (thesaurus)', () => {
    const terms = parseQuestion('is it affection or cold strategic math, and are the drills at sea pretty modest?', seeds.index, seedNlp).terms;
    // "Small-scale" is read as its words: "small" is the one a synonym adds.
    for (const word of ['calculation', 'small', 'maritime']) {
      const term = termOfWord(word, 'word', seedNlp);
      expect(terms.find((t) => t.term === term), word).toMatchObject({ synonym: true });
    }
  });

  it("a region named with a possessive names itself, with either apostrophe (\"Central Asia's\")", () => {
    for (const q of ["did kyrgyzstan join central asia's talks?", 'did kyrgyzstan join central asia’s talks?']) expect(placesNamed(q, seedNlp), q).toContain('@central-asia');
    // A part alone does not name its whole.
    expect(placesNamed('did kyrgyzstan join the talks?', seedNlp)).not.toContain('@central-asia');
  });

  it('the western alliance is NATO (glossary)', () => {
    expect(parseQuestion('where did the western alliance get involved?', seeds.index, seedNlp).entities).toEqual(['nato']);
  });

  it('the Middle East is West Asia, the name the MTT piece uses for it (glossary)', () => {
    expect(parseQuestion('could japan end up like the middle east?', seeds.index, seedNlp).entities).toEqual(['japan', 'middle-east']);
    const sentence = seeds.index.data.sentences.find((x) => x.text.includes('American model of wars in West Asia'))!;
    expect(seeds.index.data.sentenceTerms[sentence.id]!.map((t) => seeds.index.data.vocab[t])).toContain('@middle-east');
  });

  it('"footing the bill" is heard as paying, its small word left out as the thesaurus key leaves it (thesaurus)', () => {
    const terms = parseQuestion("who's footing the bill for the office?", seeds.index, seedNlp).terms;
    expect(terms.find((t) => t.term === termOfWord('pay', 'word', seedNlp))).toMatchObject({ synonym: true });
  });

  it.each([
    ["in brown's wrap-up, what's really pushing tokyo to cosy up to russia?", 'end'],
    ['what does the MTT piece conclude about NATO?', 'end'],
    ['in a nutshell, what is Brown arguing?', 'start'],
    ["what's the main point of the Global Times article?", 'start'],
    ['tl;dr of the nato office story?', 'start'],
    ["what's brown's article even about?", 'start'],
    ["summarize brown's article", 'start'],
    ['give me a summary of the global times piece', 'start'],
    ['can you sum up the time news article?', 'start'],
    ['how does brown sum up japan\'s policy?', 'end'],
    ['what is the global times piece about', 'start'],
    ['what does the global times piece say about japan?', undefined],
    ['what is the article about nato saying about japan?', undefined],
    ['TL;DR: what is japan up to in central asia', 'start'],
    ['why is NATO opening an office in Japan?', undefined],
    ['is the nato office a done deal?', undefined],
    ['what does brown open with?', 'start'],
    ["how does brown's article end?", 'end'],
    ['how did the mtt nato liaison office piece end? something about asia', 'end'],
    ['how does the war end, per the article?', undefined],
    // What it opens with, said before another question, is a premise: the other question is asked.
    ['brown opens with russia flexing its muscles on iturup in mid-2018 - on which exact days was that exercise?', undefined],
  ])('%j asks about the article\'s %s', (q, part) => {
    expect(parseQuestion(q, seeds.index, seedNlp).part).toBe(part);
  });

  it.each([
    ["what's the heading of brown's section on the US?", true],
    ["there's a 'new alliances' subheading in the time news piece - what does it report under it?", true],
    // "Heading" as a verb asks nothing of the headings.
    ["does brown think jp's leaders are just being paranoid about where the country's security is heading?", false],
    ['where was the foreign minister heading off to the day kabul fell?', false],
    ['who says japan is heading back to unlimited militarization?', false],
  ])('%j: section headings asked %s', (q, heading) => {
    expect(parseQuestion(q, seeds.index, seedNlp).wantsHeading).toBe(heading);
  });

  it.each([
    // The forum names where the article was reposted when the question names the article or its author.
    ['brown in the forum thread mentions new missiles on iturup. when was that announced?', false],
    ["brown's article that got reposted on the pakistan defence forum: why could tokyo once take a firm line?", false],
    ['brown (forum repost) says russia is in decline. with what economic outlook?', false],
    // Without them, the forum is the readers'; and a reply is a reader's whatever else is named.
    ['someone in the forum thread said japan should ship its goods via pakistan, what was the idea?', true],
    ["one of the forum replies under brown's article talks about 'the Family'. what family?", true],
  ])('%j: reader comments asked %s', (q, comments) => {
    expect(parseQuestion(q, seeds.index, seedNlp).wantsComments).toBe(comments);
  });

  it.each(['which MTT writer worked on the nato office piece but not the afghanistan one?', 'who co-wrote the article about the NATO liaison office?', 'which writers contributed to the Brown piece?', 'who did sawako utsumi co-write the afghanistan evacuation article with?'])('%j asks who wrote an article', (q) => {
    expect(parseQuestion(q, seeds.index, seedNlp).intent).toBe('author');
  });

  it.each(['who worked on the japan russia 2+2 talks?', 'which officials contributed to the defence guidelines?', 'who did japan write the joint statement with?'])('%j asks who took part in something, not who wrote an article', (q) => {
    expect(parseQuestion(q, seeds.index, seedNlp).intent).not.toBe('author');
  });

  describe('a part, not its whole', () => {
    it('a question about Iturup asks about Iturup, not about every Kuril island', () => {
      const q = parseQuestion('what missiles are on Iturup?', seeds.index, seedNlp);
      expect(q.entities).toEqual(['iturup']);
      expect(q.terms.map((t) => t.term)).not.toContain('@kuril-islands');
    });

    it('the whole stays when the question names it too', () => {
      expect(parseQuestion('what missiles are on Iturup in the Kurils?', seeds.index, seedNlp).entities).toEqual(expect.arrayContaining(['iturup', 'kuril-islands']));
    });
  });

  it('a longer name the corpus never uses ("uncle sam") counts through its entity, its words not as missing words', () => {
    const q = parseQuestion("would uncle sam have tokyo's back over the senkaku islands?", seeds.index, seedNlp);
    expect(q.entities).toContain('united-states');
    const terms = q.terms.map((t) => t.term);
    expect(terms).toContain('@united-states');
    expect(terms).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(?:uncl|sam)/)]));
    // A possessive is no part of the name, straight apostrophe or curly.
    expect(parseQuestion("would uncle sam's navy help?", seeds.index, seedNlp).terms.map((t) => t.term)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(?:uncl|sam)/)]));
    // A word of a name that is not used as the name stays a word.
    expect(parseQuestion('who is uncle to the emperor?', seeds.index, seedNlp).terms.map((t) => t.term)).toContain('uncl');
  });

  describe('synonyms of a word the corpus never uses', () => {
    const synonymWeight = (q: string, word: string) => {
      const wanted = parseQuestion(word, seeds.index, seedNlp).terms[0]!.term;
      return parseQuestion(q, seeds.index, seedNlp).terms.find((t) => t.synonym === true && t.term === wanted)?.weight;
    };

    it('a specific unknown word is heard through its few synonyms, at more than a known word\'s synonyms', () => {
      // "unsafe" is no word of the corpus; WordNet gives it "insecure" (and little else).
      expect(synonymWeight("is the country's future unsafe?", 'insecure')).toBe(defaultQueryParams.unknownWordSynonym);
      // "outlook" is a corpus word: its synonyms stay behind it.
      expect(synonymWeight("what is russia's outlook?", 'prospect')).toBe(defaultQueryParams.synonym);
    });

    it('a vague unknown word with many synonyms ("go": depart, run, tour…) keeps the ordinary synonym weight', () => {
      expect(synonymWeight('is japan going back to militarism?', 'tour')).toBe(defaultQueryParams.synonym);
    });
  });
});

describe('parseQuestion: names the question sets aside', () => {
  const read = (q: string) => parseQuestion(q, engine.index, nlp);

  it('the world list\'s longer names lend no name words ("coast" of "ivory coast")', () => {
    const seeds = readSeeds(TINY_DIR);
    const worldNlp = createNlp(seeds.glossary);
    expect(seeds.glossary.entities['ivory-coast']).toBeDefined();
    const q = parseQuestion('besides Port Elwen and the coast guard, who runs the ferries?', engineOf(TINY_DIR, worldNlp).index, worldNlp);
    expect(q.text).toMatch(/coast guard/);
  });
  it.each([
    'apart from Port Elwen, who sends visitors to the observatory?',
    'who sends visitors to the observatory other than Port Elwen?',
    'besides the Nordic Optical Society, who repaired the telescope?',
    'who repaired the telescope? not the Nordic Optical Society bit',
  ])('%j neither searches for nor requires the name set aside', (q) => {
    const { entities, terms } = read(q);
    expect(entities).not.toContain('port-elwen');
    expect(entities).not.toContain('nordic-optical-society');
    expect(terms.map((t) => t.term).filter((t) => t.startsWith('@'))).toEqual([]);
  });

  it('keeps a set-aside phrase that is not a name, and names after it', () => {
    expect(read('besides selling honey, what does the cooperative do?').terms.map((t) => t.term)).toContain(read('selling').terms[0]!.term);
    expect(read('apart from Port Elwen, does the Nordic Optical Society send visitors?').entities).toEqual(['nordic-optical-society']);
  });
});

describe('parseQuestion: page lines and reader comments the question sets aside', () => {
  const read = (q: string) => parseQuestion(q, engine.index, nlp);

  it.each([
    ['what hashtags does the piece end with?', true, false],
    ["does it say the office is big? ignore the hashtags and 'you may also like' junk", false, false],
    ['skipping the donation lines, who runs the ferries?', false, false],
    ['what do the comments say about the ferries?', false, true],
    ['not counting the comments, who runs the ferries?', false, false],
    ['leaving the forum replies aside, who runs the ferries?', false, false],
    ['who runs the ferries, not the readers in the comments?', false, false],
    ['ignore the article: what do the readers think of the ferries?', false, true],
    ["the forum replies are all 'buy more ferries' lol, but the mayor herself wants the terminal closed, right?", false, false],
    ['readers in the comments keep praising the bees. what does the article itself say about the mites?', false, false],
    ['in that breakdown in the comments, what does the harbour itself get?', false, true],
    // A statement about a poster's profile, then a question about what the article says: the profile is not asked, nor the readers (the article is named).
    ["mira's forum profile says location: elwen lol. who runs the ferries, per the article mira posted?", false, false],
    ["mira's forum profile says location: elwen. when did she join the forum?", true, true],
    ["what does mira's forum profile say her location is?", true, true],
    // Whether a post was edited is told by the page's "Last edited" mark, not by what the article says.
    ["were any of the replies under mira's post edited?", true, true],
    ['did the editor of the ferry piece change the headline?', false, false],
    // A site's web address, the forum's moderators, whether a poster may still post, who reposted an article on the forum.
    ["what's the web address of the ferry company's site?", true, false],
    ['did the mods remove mira from the forum?', true, true],
    ['is mira still allowed to post there?', true, false],
    ['who reposted the ferry article on the forum?', true, false],
    ['is the harbour allowed to post guards at the pier?', false, false],
    ['the bottom of the gazette page keeps telling me to join them - on which sites?', true, false],
    // The foot of the page is the page's own lines; the end of an article is its text.
    ["who's the artist they keep plugging at the bottom of the gazette's pages?", true, false],
    ['what does the footer of the ferry site say?', true, false],
    ['what does the mayor say at the bottom of the ferry article?', false, false],
  ])('%j: page lines asked %s, comments asked %s', (q, page, comments) => {
    const { wantsPage, wantsComments } = read(q);
    expect([wantsPage, wantsComments]).toEqual([page, comments]);
  });

  it('a premise about the comments that the question turns away from is no part of what is asked', () => {
    const q = read("the forum replies are all 'buy more ferries' lol, but the mayor herself wants the terminal closed, right?");
    expect(q.text).toMatch(/^the mayor herself/);
    expect(q.terms.map((t) => t.term)).not.toContain('buy');
    // "…, is there an actual quote in the article itself?": the page line is the premise, not what is asked.
    const footer = read("theres a bare url sitting in the ferry piece's footer, is there an actual quote in the article itself? what was it");
    expect(footer.text).toMatch(/^an actual quote in the article itself/);
    expect(footer.wantsPage).toBe(false);
    // "…, but what does the article say": the article as against the comments, when the premise does not say which article.
    expect(read('the commenters think the ferries would do great with honey trade, but how do the experts see the harbour according to the article?').text).toMatch(/^how do the experts/);
    expect(read('the commenters under the ferry piece love honey trade, but what does the article say about the harbour?').text).toMatch(/^the commenters/);
    // Not when the rest points back at the premise: it is what is asked.
    expect(read('the commenters say the town should buy more ferries, but does the article agree?').text).toMatch(/^the commenters/);
  });

  it('a sentence about page lines or comments, then one turning to the article proper, is context: its names still say which article', () => {
    const q = read("greta holm's page is like half donation begging and share links lol. in the actual article tho, who runs the ferries?");
    expect(q.text).toBe("in the greta holm's article tho, who runs the ferries?");
    expect(q.terms.map((t) => t.term)).not.toContain(read('donation').terms[0]!.term);
    expect(read('the comments under the ferry piece are all trolls. but the article itself, who runs the ferries?').text).toBe('but the article itself, who runs the ferries?');
    // A clause about the page's parts that "but" turns from to "the actual article": context as well.
    expect(read("greta holm's page has a 'honey' heading and a 'related news' box, but in the actual article, who runs the ferries?").text).toBe("in the greta holm's article, who runs the ferries?");
    // Asked about the comments themselves, the sentence about them is what is asked.
    expect(read('one of the replies talks about the ferries lol. what is the commenter on about?').text).toMatch(/^one of the replies/);
  });

  it('an opening clause setting the comments or page lines aside is no part of what is asked; one setting the article aside is', () => {
    const q = read('forget the honey stuff in the replies - who runs the ferries?');
    expect(q.text).toBe('who runs the ferries?');
    expect(q.terms.map((t) => t.term)).not.toContain(read('honey').terms[0]!.term);
    expect(read('ignoring the hashtags, who runs the ferries?').text).toBe('who runs the ferries?');
    expect(read('ignore the article: what do the readers think of the ferries?').text).toMatch(/^ignore the article/);
    // A clause naming a person or an outlet says whose article is asked about: it stays.
    expect(read("forget the replies under Greta Holm's piece - who runs the ferries?").text).toMatch(/^forget the replies/);
  });
});
