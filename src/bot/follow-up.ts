import type { EntitySpan } from '../core/glossary.js';
import type { ThreadTurn } from './bot-store.js';

/** A follow-up has at most this many content words ("and Russia?", "in what year?"); longer questions stand alone. */
export const FOLLOW_UP_WORDS = 4;
/** Nor more than this many characters. */
const FOLLOW_UP_CHARS = 200;

const FUNCTION_WORDS = new Set(
  ('a an the and or but so what which who whom whose when where why how is are was were be been do does did of in on at to for from by with about ' +
   'as it its this that these those there then than also too what\'s about any some i you me we they he she them us our your please tell').split(' '),
);

/** Words that carry meaning (not "and", "what", "in"…). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w));
}

/**
 * Opens an elliptical question that continues the one before ("and Russia?", "what about China?"): the opener, with
 * "for" or "with" after it ("and for"), is taken off before what it goes on with is read.
 */
const OPENER = /^\s*(?:and|or|but|also|plus|then|so|same|what about|how about|what of)\b\s*(?:for\s+|with\s+)?/i;
/** Points back at the thread's earlier question: "who wrote it?", "when did they meet?" (not "is there…", nor "Itō"). */
const POINTS_BACK = /(?<![\p{L}\p{N}])(?:it|its|they|them|their|that|this|those|these|he|him|his|she|her)(?![\p{L}\p{N}])/iu;
/** A verb (an auxiliary, "who" and its verb, a past tense): a question without one is elliptical ("how many troops?", "what year?"). */
const HAS_VERB = /(?<![\p{L}\p{N}])(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must)(?![\p{L}\p{N}])|['’](?:s|re)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])who\s+\p{L}+|(?<![\p{L}\p{N}])\p{L}{1,}ed(?![\p{L}\p{N}])/iu;
/** Words for the kind of answer, not a topic: "what was the date?", "who was the person?" still lean on the thread. */
const ANSWER_WORDS = new Set(['date', 'day', 'year', 'month', 'time', 'number', 'name', 'place', 'person', 'people', 'reason', 'many', 'much', 'long', 'exactly', 'again']);

/** Where a text names an entity: the core's `entitySpans` over the engine's glossary. */
export type EntitySpans = (text: string) => readonly EntitySpan[];

/** Kinds that stand in for each other in "and X?": a country for a country, a region for a place. */
const KIND_GROUP: Record<string, string> = { place: 'place', region: 'place' };
const groupOf = (kind: string) => KIND_GROUP[kind] ?? kind;
/** The wh-words ("how many" and its kin as one) and auxiliaries that make a question, as an alternation. */
const QUESTION_WORDS = String.raw`what|which|who|whom|whose|when|where|why|how(?:\s+(?:many|much|long|often|far|come))?|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should`;
/** A question form of its own at the start: a wh-word or an auxiliary, after a preposition perhaps ("in what year?"). */
const OWN_FORM = new RegExp(String.raw`^\W*(?:(?:in|on|at|by|for|from|to|since|until)\s+)?(?:${QUESTION_WORDS})(?![\p{L}\p{N}'’])`, 'iu');
/** The words that make a question of a sentence: its wh-word and the auxiliary after it ("what did", "how many… does"). */
const QUESTION_FORM = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${QUESTION_WORDS})(?![\p{L}\p{N}'’])`, 'giu');

/**
 * "And Russia?" after "what did China say about the office?": the earlier question with the new name in place of
 * the one of its kind ("what did Russia say about the office?"), and whatever else the follow-up adds after it;
 * undefined when the follow-up names no entity, or the earlier question none of its kind.
 */
function substitute(base: string, rest: string, spans: EntitySpans): string | undefined {
  const named = spans(rest);
  if (named.length !== 1) return undefined;
  const n = named[0]!;
  // Only a follow-up that asks the same again of another name: "and what did Russia say?" after "what did China say
  // about…", not "and what did Japan do?" after "what year did Russia annex Crimea?" (that asks something else).
  // With a question form of its own, every word of it besides the name must be the earlier question's; without one
  // ("and Russia in 2018?") what it adds goes after the question.
  const ownForm = OWN_FORM.test(rest);
  if (ownForm) {
    const wordsOf = (t: string) => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(singular);
    const baseWords = new Set(wordsOf(base));
    if (wordsOf(rest.slice(0, n.start) + ' ' + rest.slice(n.end)).some((w) => !baseWords.has(w) && !/^ones?$/.test(w))) return undefined;
  }
  const baseSpans = spans(base);
  if (baseSpans.some((b) => b.entity === n.entity)) return undefined;
  const candidates = baseSpans.filter((b) => groupOf(b.kind) === groupOf(n.kind));
  if (candidates.length === 0) return undefined;
  // "And Russian ones?" stands for the demonym ("Chinese planes"), "and Russia?" for the noun: its first mention, the
  // one the question is about ("what did China say about China's navy?" then "and Russia?": what Russia said about it).
  const target = candidates.find((c) => c.demonym === n.demonym) ?? candidates[0]!;
  const replaced = base.slice(0, target.start) + rest.slice(n.start, n.end) + base.slice(target.end);
  const extra = (rest.slice(0, n.start) + ' ' + rest.slice(n.end)).replace(/(?<![\p{L}])ones?(?![\p{L}])/giu, ' ').replace(/[?!.\s]+/g, ' ').trim();
  // A question form of its own was checked to add nothing; otherwise what the follow-up adds goes after the question.
  return !ownForm && contentWords(extra).length > 0 ? `${replaced} ${extra}` : replaced;
}

/** A word without a plural "s" ("islands" → "island"), for comparing a follow-up's words with the question's. */
const singular = (w: string) => w.replace(/(?<=\p{L}{3})s$/u, '');

/** The topic of a question: its words without its wh-word and auxiliaries ("who wrote the Brown article?" → "wrote the Brown article"). */
export function topicOf(question: string): string {
  return question.replace(QUESTION_FORM, ' ').replace(/[?!]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A letter of the Latin script: what an English question has. */
const LATIN = /\p{Script=Latin}/u;

/**
 * The question to ask for a message in a thread. A short follow-up leans on the thread's
 * latest standalone question: one that continues it ("and Russia?", "what about China?"),
 * points back at it ("who wrote it?"), has no verb ("how many troops?", "what year?",
 * "why?") or no topic of its own ("what was the date?"). One that continues it with a name
 * takes the place of the name of its kind ("what did China say…?" then "and Russia?" asks
 * "what did Russia say…?"), given `spans` to find names. One with a question form of its
 * own and a word beside it ("when was it published?", "and in what year?", "how many
 * troops?") keeps it, with the earlier question's topic after it ("who wrote the Brown
 * article?" then "when was it published?" asks "when was it published? wrote the Brown
 * article"), so the new form decides what is asked. Any other ("why?", "when?", "by
 * whom?", "and the drills?") is added to the earlier question. A question that stands
 * alone ("when was the Brown article published?", "what is the Quad?", "is there a NATO
 * office in Tokyo?"), or any longer one, is asked as it is.
 */
export function combineFollowUp(question: string, turns: readonly ThreadTurn[], spans?: EntitySpans): { asked: string; followUp: boolean } {
  // The base is the last question asked on its own in a script the bot reads (one in another script was told so, not answered).
  const base = [...turns].reverse().find((t) => !t.followUp && LATIN.test(t.asked));
  // A long message is never a short follow-up: not read further (a 100,000-letter word took seconds here).
  if (!base || question.length > FOLLOW_UP_CHARS) return { asked: question, followUp: false };
  // A message in another script ("日本とロシアの関係は？") is no follow-up of an English question: it is read, and
  // told the bot reads English, on its own (glued on, the earlier answer was posted again).
  if (!LATIN.test(question)) return { asked: question, followUp: false };
  const words = contentWords(question);
  const topical = words.filter((w) => !ANSWER_WORDS.has(w));
  const opener = OPENER.exec(question);
  const continues = opener !== null;
  const leans = continues || POINTS_BACK.test(question) || !HAS_VERB.test(question) || topical.length === 0;
  if (words.length > FOLLOW_UP_WORDS || !leans) return { asked: question, followUp: false };
  const rest = opener ? question.slice(opener[0].length) : question;
  const swapped = continues && spans ? substitute(base.asked, rest, spans) : undefined;
  if (swapped) return { asked: swapped, followUp: true };
  const ownForm = OWN_FORM.test(rest);
  // A question of its own about a name ("and who wrote the Time News one?"): asked as it is, not glued to the earlier one.
  if (spans && ownForm && !POINTS_BACK.test(rest) && spans(rest).length > 0) return { asked: question, followUp: false };
  if (ownForm && contentWords(rest).length > 0) return { asked: `${rest.trim()} ${topicOf(base.asked)}`, followUp: true };
  return { asked: `${base.asked} ${question}`, followUp: true };
}
