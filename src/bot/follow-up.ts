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
/** Points back at the thread's earlier question: "who wrote it?", "when did they meet?". */
const POINTS_BACK = /\b(?:it|its|they|them|their|that|this|those|these|he|him|his|she|her|there)\b/i;
/** A verb that makes even a one-word question whole: "what is the Quad?" (not "what year?"). */
const HAS_VERB = /\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must)\b|['’](?:s|re)\b/i;

/**
 * The question to ask for a message in a thread. A short follow-up leans on the thread's
 * latest standalone question by prepending it: one that continues it ("and Russia?", "what
 * about China?"), points back at it ("who wrote it?") or is no question on its own ("what
 * year?", "why?"). A question that stands alone ("when was the Brown article published?",
 * "what is the Quad?"), or any longer one, is asked as it is.
 */
export function combineFollowUp(question: string, turns: readonly ThreadTurn[]): { asked: string; followUp: boolean } {
  const base = [...turns].reverse().find((t) => !t.followUp);
  const words = contentWords(question);
  const leans = CONTINUES.test(question) || POINTS_BACK.test(question) || (words.length <= 1 && !HAS_VERB.test(question));
  if (!base || words.length > FOLLOW_UP_WORDS || !leans) return { asked: question, followUp: false };
  return { asked: `${base.asked} ${question}`, followUp: true };
}
