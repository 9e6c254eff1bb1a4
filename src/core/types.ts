/** What a block of a seed file is, once the page chrome has been told apart from the text. */
/** A `dateline` is the line that dates the article ("July 9, 2018"), kept as a sentence like the byline: it answers "when was it published?". */
/**
 * A `page` line tells about the site or the poster, not the article: a donation or follow line, a social account, the
 * site's own link, a forum poster's profile, a link the page cites, its hashtags, the section it is filed under. Kept as a
 * sentence that answers only questions about the page.
 * The `title` (the headline) is kept as a sentence that answers "what is the headline / what is the article called";
 * a `heading` (a section's title inside the article) as one that answers questions about the article's sections.
 */
export type BlockKind = 'title' | 'heading' | 'byline' | 'dateline' | 'article' | 'comment' | 'page' | 'chrome';

/** Attribution of one document: what an answer names as its source. */
export interface DocumentMeta {
  title: string;
  authors: string[];
  outlet?: string;
  /** ISO date (YYYY-MM-DD) where the text gives one. */
  date?: string;
  /** The article's own links found in the text (on the site the page names as its own, when it names one). */
  urls: string[];
  /** Links the article cites: to another site than the one the page names as its own ("NHK reports…" and NHK's link). */
  cited?: string[];
  /** True for machine-translated text (told by metadata.json). */
  machineTranslated?: boolean;
}

/**
 * A short key of a sentence's document and text (FNV-1a, base 36): a button that names a sentence by its
 * index position carries it too, so that after a reindex, which renumbers sentences, the button still finds
 * the sentence it quoted, or knows it is gone.
 */
export function sentenceKey(sentence: Pick<Sentence, 'doc' | 'text'>): string {
  let h = 0x811c9dc5;
  for (const c of `${sentence.doc}\n${sentence.text}`) {
    h ^= c.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** One sentence of a document, with everything needed to quote and attribute it. */
export interface Sentence {
  /** Global index of the sentence in the index's sentence list. */
  id: number;
  doc: string;
  kind: Exclude<BlockKind, 'chrome'>;
  /**
   * Paragraph number inside the document, from 0, counting kept blocks only; -1 for a `page` line, the `title` and a
   * `heading`, which are not the article's paragraphs (they do not move the position of its text).
   */
  paragraph: number;
  /** Sentence number inside its paragraph, from 0. */
  position: number;
  /** Sentence number inside the whole document, from 0. */
  ordinal: number;
  /** Character offsets into the document text: `text.slice(start, end) === this.text`. */
  start: number;
  end: number;
  text: string;
}
