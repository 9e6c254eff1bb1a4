import type { ThreadTurn } from './bot-store.js';

/** A follow-up has at most this many content words ("and Russia?", "in what year?"); longer questions stand alone. */
export const FOLLOW_UP_WORDS = 4;

const FUNCTION_WORDS = new Set(
  ('a an the and or but so what which who whom whose when where why how is are was were be been do does did of in on at to for from by with about ' +
   'as it its this that these those there then than also too what\'s about any some i you me we they he she them us our your please tell').split(' '),
);

/** Words that carry meaning (not "and", "what", "in"…). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w));
}

/** Opens an elliptical question that continues the one before: "and Russia?", "what about China?". */
const CONTINUES = /^\s*(?:and|or|but|also|plus|then|so|same|what about|how about|what of)\b/i;
/** Points back at the thread's earlier question: "who wrote it?", "when did they meet?" (not "is there…", nor "Itō"). */
const POINTS_BACK = /(?<![\p{L}\p{N}])(?:it|its|they|them|their|that|this|those|these|he|him|his|she|her)(?![\p{L}\p{N}])/iu;
/** A verb (an auxiliary, "who" and its verb, a past tense): a question without one is elliptical ("how many troops?", "what year?"). */
const HAS_VERB = /(?<![\p{L}\p{N}])(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must)(?![\p{L}\p{N}])|['’](?:s|re)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])who\s+\p{L}+|\p{L}{3,}ed(?![\p{L}\p{N}])/iu;
/** Words for the kind of answer, not a topic: "what was the date?", "who was the person?" still lean on the thread. */
const ANSWER_WORDS = new Set(['date', 'day', 'year', 'month', 'time', 'number', 'name', 'place', 'person', 'people', 'reason', 'many', 'much', 'long', 'exactly', 'again']);

/**
 * The question to ask for a message in a thread. A short follow-up leans on the thread's
 * latest standalone question by prepending it: one that continues it ("and Russia?", "what
 * about China?"), points back at it ("who wrote it?"), has no verb ("how many troops?", "what
 * year?", "why?") or no topic of its own ("what was the date?"). A question that stands alone
 * ("when was the Brown article published?", "what is the Quad?", "is there a NATO office in
 * Tokyo?"), or any longer one, is asked as it is.
 */
export function combineFollowUp(question: string, turns: readonly ThreadTurn[]): { asked: string; followUp: boolean } {
  const base = [...turns].reverse().find((t) => !t.followUp);
  const words = contentWords(question);
  const topical = words.filter((w) => !ANSWER_WORDS.has(w));
  const leans = CONTINUES.test(question) || POINTS_BACK.test(question) || !HAS_VERB.test(question) || topical.length === 0;
  if (!base || words.length > FOLLOW_UP_WORDS || !leans) return { asked: question, followUp: false };
  return { asked: `${base.asked} ${question}`, followUp: true };
}
