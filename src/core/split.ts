import type { Block } from './clean.js';
import type { Nlp } from './nlp.js';
import { analyseSpan, analyseText, analyseTokens, entityColumns, rewriteForTerms, tokenColumns, type Analysis, type WinkSpan } from './terms.js';
import type { Sentence } from './types.js';

/** A sentence with what the term pipeline read from it. */
export interface AnalysedSentence {
  sentence: Omit<Sentence, 'id'>;
  analysis: Analysis;
}

interface WinkSentence extends WinkSpan {
  out(f?: unknown): unknown;
}

/**
 * Splits the kept blocks of one document into sentences with wink-nlp, reading
 * each block once for both sentence boundaries and terms. Offsets index `text`.
 */
export function splitDocument(docId: string, text: string, blocks: Block[], nlp: Nlp): AnalysedSentence[] {
  const out: AnalysedSentence[] = [];
  let paragraph = 0;
  let ordinal = 0;
  for (const block of blocks) {
    if (block.kind === 'chrome') continue;
    const kind = block.kind;
    const push = (start: number, end: number, position: number, analysis: Analysis, inParagraph = paragraph) => {
      out.push({ sentence: { doc: docId, kind, paragraph: inParagraph, position, ordinal: ordinal++, start, end, text: text.slice(start, end) }, analysis });
    };
    if (kind === 'title') {
      // The headline's own words are read once: the index builder takes them for the document's header terms too.
      push(block.start, block.end, 0, headlineAnalysis(block.text, nlp), -1);
      continue;
    }
    if (kind === 'page' || kind === 'heading') {
      // One line (or a poster's profile) quoted whole; its links read as words ("twitter.com/MTT_News" → twitter, MTT, News).
      // Outside the article's paragraphs (-1): a page line, the headline or a section heading does not shift the position of the article's text.
      push(block.start, block.end, 0, analyseSpan(nlp.nlp.readDoc(wholeLineTermText(kind, block.text, block.meta)) as unknown as WinkSpan, nlp), -1);
      continue;
    }
    const doc = nlp.nlp.readDoc(block.text);
    if (kind === 'byline' || kind === 'dateline') {
      push(block.start, block.end, 0, analyseSpan(doc as unknown as WinkSpan, nlp));
      paragraph++;
      continue;
    }
    let cursor = 0;
    let position = 0;
    // The block's columns are read once and cut per sentence: reading them per sentence cost a third of the build.
    const columns = tokenColumns(doc as unknown as WinkSpan, nlp);
    const { custom, plain } = entityColumns(doc as unknown as WinkSpan, nlp);
    const sentences = doc.sentences() as unknown as WinkSentence;
    const texts = sentences.out() as string[];
    const spans = sentences.out(nlp.its.span) as Array<[number, number]>;
    texts.forEach((text, i) => {
      const raw = text.trim();
      if (raw === '') return;
      const at = block.text.indexOf(raw, cursor);
      if (at < 0) return; // wink changed the text: never quote what the file does not say
      cursor = at + raw.length;
      // A stray letter is not a sentence ("…provoked by China.I" in a dump): never quote it as an answer.
      if (!/\p{L}\p{L}|\p{N}/u.test(raw)) return;
      const rewritten = rewriteForTerms(raw, nlp);
      const [first, last] = spans[i]!;
      const analysis = rewritten === raw
        ? analyseTokens(columns, first, last + 1, custom, plain, nlp)
        : analyseSpan(nlp.nlp.readDoc(rewritten) as unknown as WinkSpan, nlp);
      push(block.start + at, block.start + at + raw.length, position++, analysis);
    });
    if (position > 0) paragraph++;
  }
  return out;
}

/**
 * A line quoted whole (a page line, the headline, a section heading) as words for the term pipeline: each says what it
 * is, so that the question's word for it finds it ("what's the headline…", "which section…").
 */
export function wholeLineTermText(kind: 'page' | 'title' | 'heading', text: string, meta?: Block['meta']): string {
  return kind === 'page' ? pageTermText(text, meta) : `${LINE_WORDS[kind]}: ${text}`;
}

/** What a headline and a section heading are said to be, before their own words. */
const LINE_WORDS = { title: 'Headline', heading: 'Section heading' } as const;

const leads = new WeakMap<Nlp, Analysis>();

/** A headline's analysis: its own words', after the word that says what it is (as {@link wholeLineTermText} reads it). */
export function headlineAnalysis(text: string, nlp: Nlp): Analysis {
  let lead = leads.get(nlp);
  if (lead === undefined) leads.set(nlp, (lead = analyseText(LINE_WORDS.title, nlp)));
  const own = analyseText(text, nlp);
  return { ...own, terms: [...lead.terms, ...own.terms], words: [...lead.words, ...own.words], sequence: [...lead.sequence, ...own.sequence] };
}

/** The terms {@link headlineAnalysis} read from a headline's own words: all but the leading word's. */
export function headlineOwnTerms(analysis: Analysis, nlp: Nlp): string[] {
  return analysis.terms.slice(leads.get(nlp)?.terms.length ?? 0);
}

/** What a page line's words are said to be, so that the question's word for it finds it ("what link…", "what hashtags…"). */
const FURNITURE_WORDS: Partial<Record<NonNullable<Block['meta']>, string>> = {
  profile: 'Forum poster profile',
  link: 'Link',
  tags: 'Hashtags, tags',
  category: 'Category, section',
  follow: 'Follow on social media',
  site: 'Website',
};

/**
 * A page line as words for the term pipeline: each link as the words of its host and path, each line a sentence; a
 * profile says whose it is, a forum poster's ("how many messages has X posted on the forum?"); a bare link, hashtags, a
 * category, a follow line and a site's link say what they are ({@link FURNITURE_WORDS}).
 */
export function pageTermText(text: string, meta?: Block['meta']): string {
  const said = meta === undefined ? undefined : FURNITURE_WORDS[meta];
  const linkWords = (url: string) => url.replace(/^https?:\/\/(www\d*\.)?/i, '').split(/[^\p{L}\p{N}]+|_/u).filter((w) => w !== '' && !/^(com|org|net|co|uk|html?|php)$/i.test(w)).join(' ');
  const lines = text.replace(/(?:https?:\/\/|www\.)\S+/gi, linkWords).split(/\n+/).map((l) => l.trim()).filter(Boolean);
  return [...(said === undefined ? [] : [said]), ...lines].join('. ');
}
