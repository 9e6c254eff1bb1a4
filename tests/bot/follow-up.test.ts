import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combineFollowUp, topicOf } from '../../src/bot/follow-up.js';
import { entitySpans, readGlossary } from '../../src/core/glossary.js';
import { SEEDS_DIR } from '../core/support.js';

describe('combineFollowUp', () => {
  const base = [{ question: 'what missiles did russia deploy to iturup?', asked: 'what missiles did russia deploy to iturup?', followUp: false }];
  it.each([
    ['and in what year?', 'in what year? missiles russia deploy to iturup', true],
    ['and Russia?', 'what missiles did russia deploy to iturup? and Russia?', true],
    ['why is NATO opening an office in Japan next year?', 'why is NATO opening an office in Japan next year?', false],
    ['what about China?', 'what missiles did russia deploy to iturup? what about China?', true],
    ['who put them there?', 'who put them there? missiles russia deploy to iturup', true],
    ['what year?', 'what year? missiles russia deploy to iturup', true],
    // A bare wh-word says too little to lead: added to the earlier question.
    ['why?', 'what missiles did russia deploy to iturup? why?', true],
    ['by whom?', 'what missiles did russia deploy to iturup? by whom?', true],
    // Short, but whole questions of their own: asked alone (glued to the thread's, the first got the wrong article's date).
    ['when was the Brown article published?', 'when was the Brown article published?', false],
    ['what is the Quad?', 'what is the Quad?', false],
    ['who wrote the Global Times article?', 'who wrote the Global Times article?', false],
    ['is there a NATO office in Tokyo?', 'is there a NATO office in Tokyo?', false],
    ['who is Itō Hirobumi?', 'who is Itō Hirobumi?', false],
    ['how many troops?', 'how many troops? missiles russia deploy to iturup', true],
    ['what was the date?', 'what was the date? missiles russia deploy to iturup', true],
  ])('%s', (q, asked, followUp) => {
    expect(combineFollowUp(q, base)).toEqual({ asked, followUp });
  });
  it('a follow-up with a question form of its own keeps it, and takes only the topic of the question before', () => {
    const author = [{ question: 'who wrote the Brown article?', asked: 'who wrote the Brown article?', followUp: false }];
    expect(combineFollowUp('when was it published?', author)).toEqual({ asked: 'when was it published? wrote the Brown article', followUp: true });
    expect(combineFollowUp('and when was it published?', author).asked).toBe('when was it published? wrote the Brown article');
    expect(combineFollowUp('when?', author).asked).toBe('who wrote the Brown article? when?');
    expect(topicOf('how many times did Japan scramble jets?')).toBe('times Japan scramble jets');
  });

  describe('"and X?" puts X in place of the name of its kind, with the shipped glossary', () => {
    const glossary = readGlossary(join(SEEDS_DIR, 'glossary.json'));
    const spans = (t: string) => entitySpans(t, glossary);
    const after = (earlier: string, q: string) => combineFollowUp(q, [{ question: earlier, asked: earlier, followUp: false }], spans).asked;
    it.each([
      ['what did China say about the NATO office?', 'and Russia?', 'what did Russia say about the NATO office?'],
      ['what did China say about the NATO office?', 'what about moscow?', 'what did moscow say about the NATO office?'],
      // A demonym stands for a demonym: "Russian ones" are planes, not the country that scrambles.
      ['how many times did Japan scramble jets against Chinese planes?', 'and Russian ones?', 'how many times did Japan scramble jets against Russian planes?'],
      ['what did Qin Gang say about Europe?', 'and Zakharova?', 'what did Zakharova say about Europe?'],
      ['what did China say?', 'and Russia in 2018?', 'what did Russia say? in 2018'],
      // Nothing of its kind to replace, or a name already asked about: added to the question as before.
      ['what did China say about the office?', 'and NATO?', 'what did China say about the office? and NATO?'],
      ['what did Russia deploy to Iturup?', 'and Russia?', 'what did Russia deploy to Iturup? and Russia?'],
      ['what did Russia deploy to Iturup?', 'and the drills?', 'what did Russia deploy to Iturup? and the drills?'],
      ['how many times did Japan scramble jets against Chinese planes?', 'and French ones?', 'how many times did Japan scramble jets against French planes?'],
      ['what did China say about China\'s navy?', 'and Russia?', 'what did Russia say about China\'s navy?'],
      // The same question form again, of another name: put in its place.
      ['what did China say about the office?', 'and what did Russia say?', 'what did Russia say about the office?'],
      // A question form of its own about a name is a question of its own, asked as typed (a review found
      // "What year did Japan annex Crimea?" made of "and what did Japan do?", and the Time News byline question declined).
      ['What year did Russia annex Crimea?', 'and what did Japan do?', 'and what did Japan do?'],
      ['who wrote the Brown article?', 'and who wrote the Time News one?', 'and who wrote the Time News one?'],
    ])('%s + %s', (earlier, q, asked) => {
      expect(after(earlier, q)).toBe(asked);
    });
  });

  it('a message of 100,000 letters is no follow-up, and is read at once (a verb pattern took seconds on one long word)', () => {
    const long = 'a'.repeat(100_000);
    expect(combineFollowUp(long, base)).toEqual({ asked: long, followUp: false });
    expect(combineFollowUp(`${'b'.repeat(150)}?`, base).followUp).toBe(true);
  });

  it('leans on the latest standalone question, not on an earlier follow-up', () => {
    expect(combineFollowUp('and China?', [...base, { question: 'and Russia?', asked: 'x and Russia?', followUp: true }]).asked).toBe(`${base[0]!.asked} and China?`);
    expect(combineFollowUp('and China?', [])).toEqual({ asked: 'and China?', followUp: false });
  });
});

describe('combineFollowUp: a message in another script', () => {
  const base = [{ question: 'who wrote the Brown article?', asked: 'who wrote the Brown article?', followUp: false }];
  it('is no follow-up: read on its own, and told the bot reads English (glued on, the earlier answer was posted again)', () => {
    expect(combineFollowUp('日本とロシアの関係は？', base)).toEqual({ asked: '日本とロシアの関係は？', followUp: false });
    expect(combineFollowUp('Что сказала Россия?', base)).toEqual({ asked: 'Что сказала Россия?', followUp: false });
  });
  it('is no base for the follow-ups after it: they lean on the last question in English', () => {
    const turns = [...base, { question: '日本とロシアの関係は？', asked: '日本とロシアの関係は？', followUp: false }];
    expect(combineFollowUp('when was it published?', turns)).toEqual({ asked: 'when was it published? wrote the Brown article', followUp: true });
  });
});
