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
  score: number;
  meta: DocumentMeta;
  location: Location;
  /** Offsets inside `sentence.text` of words that match the question, for emphasis. */
  highlights: Array<[number, number]>;
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
