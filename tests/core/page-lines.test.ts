import { describe, expect, it } from 'vitest';
import { answerToText } from '../../src/format/answer-text.js';
import { answerToPayload } from '../../src/format/discord-answer.js';
import { seedsEngine } from './support.js';

/** Page lines (what the page says of its site or its poster) through the real engine over the shipped seeds. */
describe('page lines: questions about the site or a poster', () => {
  const first = (q: string) => {
    const a = seedsEngine().ask(q);
    return a.kind === 'answered' ? a.hits[0]! : undefined;
  };

  it('answers a question about the site from its page lines, marked as the page\'s, not the article\'s', () => {
    const donate = first('how can I donate to Modern Tokyo Times?');
    expect(donate?.sentence.kind).toBe('page');
    expect(donate?.sentence.text).toMatch(/^DONATIONS to SUPPORT MODERN TOKYO TIMES/);
    expect(first('is Modern Tokyo Times on facebook?')?.sentence.text).toBe('PLEASE JOIN ON FACEBOOK\n\nhttps://www.facebook.com/moderntokyotimes');
    const text = answerToText(seedsEngine().ask('how can I donate to Modern Tokyo Times?'));
    expect(text).toContain('not the article');
    expect(text).toContain('outside the article');
  });

  it('in Discord, a page line is credited to the outlet with no date, and the footer says it is not the article', () => {
    const p = answerToPayload(seedsEngine().ask('how can I donate to Modern Tokyo Times?'), { question: 'donate?', questionId: '1', offset: 0 });
    const embed = p.embeds![0]!;
    expect(embed.footer?.text).toContain('from the page around the article, not the article');
    expect(embed.description).toContain('Modern Tokyo Times · outside the article');
    expect(embed.description).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('a line says what it is for: "how do I follow MTT?" finds a follow line, "what\'s MTT\'s website?" the site\'s own link, not a writer\'s personal site', () => {
    const follow = seedsEngine().ask('how do I follow MTT?');
    expect(follow.kind === 'answered' && follow.hits.every((h) => h.sentence.kind === 'page' && /JOIN ON|is now on/i.test(h.sentence.text))).toBe(true);
    expect(first("what's MTT's website?")?.sentence.text).toMatch(/^http:\/\/moderntokyotimes\.com\s+Modern Tokyo Times/);
    expect(first('is Modern Tokyo Times on social media?')?.sentence.text).toMatch(/JOIN ON|is now on/i);
  });

  it('a site named in words is found by its address when the address is asked: the web address, the homepage, the link', () => {
    expect(first('whats the web address for the modern tokyo news site?')?.sentence.text).toMatch(/^https:\/\/moderntokyonews\.com\s/);
    expect(first('link to the modern tokyo times homepage?')?.sentence.text).toMatch(/^http:\/\/moderntokyotimes\.com\s/);
    expect(first("what's the url of sawako art's website?")?.sentence.text).toMatch(/^http:\/\/sawakoart\.com\s/);
    // Not when the address is not asked: whether the two are one outlet is told by the group line.
    expect(first('is modern tokyo news the same thing as modern tokyo times?')?.sentence.text).toMatch(/^Modern Tokyo News is part of the Modern Tokyo Times group/);
  });

  it('a forum poster\'s ban answers whether the moderators let him post', () => {
    expect(first("the guy who reposted brown's article on the forum - is he still allowed to post there or did the mods kick him?")?.sentence.text).toContain('BANNED');
  });

  it('answers a question about the forum poster from the poster\'s profile, quoted as one piece', () => {
    const joined = first('when did haidian join the forum?');
    expect(joined?.sentence.kind).toBe('page');
    expect(joined?.sentence.text).toContain('Joined\nDec 18, 2010');
    expect(answerToText(seedsEngine().ask('when did haidian join the forum?'))).toContain('“haidian · BANNED · Joined · Dec 18, 2010 · Messages · 4,888');
  });

  it('never quotes a page line for a question about what the articles say', () => {
    for (const q of ['what does Modern Tokyo Times say about Japan and China?', 'who supports Japan in Afghanistan?', 'what is the Modern Tokyo Times group?', 'what did the forum poster say about Russia?', 'when did Japan join the 2+2 talks?']) {
      const a = seedsEngine().ask(q, { k: 5 });
      const hits = a.kind === 'answered' ? a.hits : a.nearMisses;
      expect(hits.map((h) => h.sentence.kind), q).not.toContain('page');
    }
  });
});
