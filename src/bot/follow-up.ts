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

/**
 * The question to ask for a message in a thread: a short follow-up ("and
 * Russia?") leans on the thread's latest standalone question by prepending it;
 * anything longer is asked as it is.
 */
export function combineFollowUp(question: string, turns: readonly ThreadTurn[]): { asked: string; followUp: boolean } {
  const base = [...turns].reverse().find((t) => !t.followUp);
  if (!base || contentWords(question).length > FOLLOW_UP_WORDS) return { asked: question, followUp: false };
  return { asked: `${base.asked} ${question}`, followUp: true };
}
