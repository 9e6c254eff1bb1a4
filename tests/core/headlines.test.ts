import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../src/core/clean.js';
import { parseQuestion } from '../../src/core/question.js';
import { KIND } from '../../src/core/search-index.js';
import { answerToText } from '../../src/format/answer-text.js';
import { answerToPayload } from '../../src/format/discord-answer.js';
import { seedsEngine } from './support.js';

/** Headlines, section headings, page furniture (cited links, hashtags, a category) and an article's opening and closing paragraphs, through the real engine over the shipped seeds. */
describe('headlines, section headings, page furniture and the parts of an article', () => {
  const ask = (q: string, k = 3) => seedsEngine().ask(q, { k });
  const first = (q: string) => {
    const a = ask(q);
    return a.kind === 'answered' ? a.hits[0] : undefined;
  };
  const intent = (q: string) => {
    const e = seedsEngine();
    return parseQuestion(q, e.index, e.nlp).intent;
  };

  it('tells a bare link, a line of hashtags and a header category apart from other chrome, as page lines', () => {
    const text = 'A Title Line\nJane Doe\nSecurity, Asia\n' + 'The body of the article is long enough to count as its body, as any real article is. '.repeat(2) + '\nhttps://www3.nhk.or.jp/nhkworld/en/news/1/\nhttps://twitter.com/someone\n#Japan #NATO #office\nBack\n';
    const blocks = classifyBlocks(text).filter((b) => b.kind === 'page');
    expect(blocks.map((b) => [b.text, b.meta])).toEqual([
      ['Security, Asia', 'category'],
      ['https://www3.nhk.or.jp/nhkworld/en/news/1/', 'link'],
      ['https://twitter.com/someone', 'follow'],
      ['#Japan #NATO #office', 'tags'],
    ]);
  });

  it('reads a question about what an article is called as a headline question, and nothing else as one', () => {
    for (const q of ["what does the MTT headline say japan's failed afghanistan mission means?", 'what is the title of the national interest article?', "what's the Time News story called?", 'what is the name of the thread on the Pakistan Defence forum?', "what's the article's title?", 'how was the brown piece headlined?']) expect(intent(q), q).toBe('title');
    for (const q of ["what's Liu Jiangyong's title at Tsinghua?", 'what is the name of the user who started the thread?', 'what did the article say Japan called for?', "what's the headline figure for Japan's defence budget?", 'who wrote the article titled NATO Liaison Office in Japan being Touted?']) expect(intent(q), q).not.toBe('title');
  });

  it("answers a headline question with the article's headline, said to be the headline", () => {
    const hit = first("what does the MTT headline say japan's failed afghanistan mission means?");
    expect(hit?.sentence.kind).toBe('title');
    expect(hit?.sentence.text).toBe('Failed Japan mission in Afghanistan means help from China, Russia, and regionally');
    expect(first("what's the Time News story about the NATO office called?")?.sentence.text).toBe('Japan negotiates to open the first NATO office in Asia');
    const text = answerToText(ask('what is the title of the national interest article?'));
    expect(text).toMatch(/^1\. “Japan Seeks to Neutralize the Threat of a China-Russia United Front—And It's Not Working”/);
    expect(text).toContain('· the headline');
    const embed = answerToPayload(ask('what is the title of the national interest article?'), { question: 'title?', questionId: '1', offset: 0 }).embeds![0]!;
    expect(embed.description).toContain('James D.J. Brown · 2018-07-09 · the headline');
  });

  it('says plainly that an article whose text carries no headline has none, rather than giving another article\'s', () => {
    const a = ask('what is the headline of the Global Times piece about Central Asia?');
    expect(a.kind).toBe('no-answer');
    expect(answerToText(a)).toContain('the text of the article on it carries no headline');
  });

  it('never quotes a headline or a section heading for a question about what the articles say', () => {
    for (const q of ['why did the Japan mission in Afghanistan fail?', 'what does the NATO liaison office in Japan mean for China and Russia?', 'what were the echoes of the Soviet-Japanese neutrality pact?', 'what are the implications for the United States?', 'is Japan negotiating to open the first NATO office in Asia?']) {
      const a = ask(q, 5);
      const hits = a.kind === 'answered' ? a.hits : a.nearMisses;
      expect(hits.map((h) => h.sentence.kind), q).not.toContain('title');
      expect(hits.map((h) => h.sentence.kind), q).not.toContain('heading');
    }
  });

  it("answers a question about an article's sections from its section headings", () => {
    const hit = first("which section of brown's article covers the neutrality pact?");
    expect(hit?.sentence.kind).toBe('heading');
    expect(hit?.sentence.text).toMatch(/^Echoes of the Soviet-Japanese Neutrality Pact/);
    expect(answerToText(ask("which section of brown's article covers the neutrality pact?"))).toContain('· a section heading');
    const headings = ask("what are the section headings of brown's article?", 5);
    // Brown's three headings first (another article's heading may follow them).
    expect(headings.kind === 'answered' && headings.hits.slice(0, 3).every((h) => h.sentence.kind === 'heading' && h.sentence.doc.startsWith('002'))).toBe(true);
  });

  it('answers questions about a cited link, the hashtags and the category from those page lines', () => {
    expect(first('what link does the modern tokyo times afghanistan piece cite?')?.sentence.text).toBe('https://www3.nhk.or.jp/nhkworld/en/news/20210905_10/');
    expect(first('what hashtags are on the nato office article?')?.sentence.text).toBe('#Japan #negotiates #open #NATO #office #Asia');
    expect(first("what category is brown's article filed under?")?.sentence.text).toBe('Security, Asia');
    // "Links with" are ties, not a page's links.
    const ties = first('which countries is japan building closer defence links with?');
    expect(ties?.sentence.kind).toBe('article');
  });

  it("a question about an article's conclusion prefers its closing paragraph, one about its gist its opening", () => {
    const e = seedsEngine();
    const closing = first("in brown's wrap-up, what's really pushing tokyo to cosy up to russia?");
    expect(closing?.sentence.text).toMatch(/^At the same time, Tokyo’s pursuit of closer ties with Russia is a consequence/);
    const last = Math.max(...e.index.data.sentences.filter((s) => s.doc === closing!.sentence.doc && s.kind === 'article').map((s) => s.paragraph));
    expect(closing?.sentence.paragraph).toBe(last);
    // Without the cue, the same words score that line lower (the cue doubles its words' score: RankParams.partBoost).
    const plain = ask("what's really pushing tokyo to cosy up to russia according to brown?");
    const uncued = plain.kind === 'answered' ? plain.hits.find((h) => h.sentence.id === closing!.sentence.id) : undefined;
    expect(closing!.score).toBeGreaterThan(1.25 * (uncued?.score ?? Infinity));
  });

  it("the gist of an article the question names is that article's lead, whatever words the lead shares", () => {
    const e = seedsEngine();
    const lead = (doc: string) => e.index.data.sentences.find((s) => s.doc === doc && s.kind === 'article')!;
    // The Global Times lead shares only "japan" with this question, a word too common to make it a candidate on its own.
    const gt = first('in a nutshell, what does the global times story say japan is up to?');
    expect(gt?.sentence.id).toBe(lead(gt!.sentence.doc).id);
    expect(gt?.sentence.text).toMatch(/^Japan is holding a foreign ministers’ meeting with Central Asian countries/);
    const brown = first("tl;dr of brown's piece: what is japan hoping for?");
    expect(brown?.sentence.text).toMatch(/^Tokyo wants to make sure a Russian-Chinese alliance never emerges/);
    // Asked whole, with nothing but the article's name: its lead, not its byline.
    // The lead is the opening paragraph's first sentence: the Time News piece opens with four.
    for (const q of ["what's brown's article about?", 'what is the global times piece even about?', 'can you sum up the time news article?', 'give me a summary of the global times piece']) {
      const hit = first(q);
      expect(hit?.sentence.id, q).toBe(lead(hit!.sentence.doc).id);
    }
    expect(first("what's brown's article about?")?.sentence.doc).toBe(brown?.sentence.doc);
    // A word the corpus lacks ("takeaway") does not make the engine abstain on a named article's lead: it answers by where it stands.
    const takeaway = ask("what's the main takeaway of the mtt nato piece?");
    expect(takeaway.kind).toBe('answered');
    expect(takeaway.kind === 'answered' && takeaway.hits[0]!.sentence.text).toMatch(/^Prime Minister Fumio Kishida of Japan is enabling/);
    // The same words without a gist asked for, or without the article named, do not make the lead first.
    expect(first('what does the global times story say japan is up to?')?.sentence.id).not.toBe(gt?.sentence.id);
    expect(first('in a nutshell, what is japan up to?')?.sentence.id).not.toBe(gt?.sentence.id);
  });

  it('keeps headlines, headings and page lines out of the word statistics and out of their neighbours\' context', () => {
    const e = seedsEngine();
    const { index } = e;
    const outside = new Set<number>([KIND.page, KIND.title, KIND.heading]);
    const df = new Int32Array(index.df.length);
    index.data.sentenceTerms.forEach((terms, s) => {
      if (!outside.has(index.kindOf[s]!)) for (const t of new Set(terms)) df[t]!++;
    });
    expect(Array.from(index.df)).toEqual(Array.from(df));
    // The heading's words are the pact's, yet the sentence after it gains nothing from them.
    const heading = index.data.sentences.find((s) => s.kind === 'heading' && s.text.startsWith('Echoes'))!;
    const after = index.data.sentences[heading.id + 1]!;
    expect(after.kind).toBe('article');
    expect(index.data.sentenceTerms[heading.id]!.map((t) => index.data.vocab[t])).toContain('echo');
    const scored = e.rank('echoes').ranked;
    expect(scored.map((r) => r.sentence)).not.toContain(after.id);
  });
});
