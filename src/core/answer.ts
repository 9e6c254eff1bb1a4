import type { CheckName } from './constraints.js';
import type { Query } from './question.js';
import type { DocumentMeta, Sentence } from './types.js';

/** Where a sentence sits, for people: paragraph and sentence numbers from 1. */
export interface Location {
  paragraph: number;
  sentence: number;
  /** Total paragraphs kept in the document. */
  paragraphs: number;
}

/** One quoted sentence with its attribution. */
export interface Hit {
  sentence: Sentence;
  /**
   * The sentence right after, quoted with this one because it goes on from it ("This figure was up by
   * eighty-nine…", "On that occasion too, the aim was…"): alone it would not say what it points back to,
   * and this one alone would stop before the point. One space apart in the file, so the quote is exact.
   */
  continuation?: Sentence;
  score: number;
  meta: DocumentMeta;
  location: Location;
  /** Offsets inside the quote ({@link quoteOf}) of words that match the question, for emphasis. */
  highlights: Array<[number, number]>;
}

/** What a hit quotes: its sentence, and its continuation after one space; `document.slice(start, quoteEnd(hit))` exactly. */
export function quoteOf(hit: Pick<Hit, 'sentence' | 'continuation'>): string {
  return hit.continuation === undefined ? hit.sentence.text : `${hit.sentence.text} ${hit.continuation.text}`;
}

/** Where the quote ends in the document. */
export function quoteEnd(hit: Pick<Hit, 'sentence' | 'continuation'>): number {
  return (hit.continuation ?? hit.sentence).end;
}

/** The corpus answers: the best sentences, best first. */
export interface Answered {
  kind: 'answered';
  query: Query;
  hits: Hit[];
}

/** The corpus does not answer: say so, with the nearest topics and the near misses that were not good enough. */
export interface NoAnswer {
  kind: 'no-answer';
  query: Query;
  reason: 'empty-question' | 'no-match' | 'low-confidence' | 'unsupported';
  /** For 'unsupported': the answer check no sentence passed (the corpus has the topic, not what was asked). */
  missing?: CheckName;
  /** Topics the corpus does cover, nearest first (document titles). */
  suggestions: string[];
  nearMisses: Hit[];
}

/** What asking a question gives: never an exception for a question the corpus cannot answer. */
export type Answer = Answered | NoAnswer;
