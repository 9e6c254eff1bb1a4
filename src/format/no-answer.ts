import type { NoAnswer } from '../core/answer.js';
import type { CheckName } from '../core/constraints.js';

const EXAMPLE = 'Ask a question in words, for example: "Why is NATO opening an office in Japan?"';

/** What the corpus lacks, per failed answer check: said plainly, after "The corpus doesn't say." */
const LACKS: Record<CheckName, string> = {
  choice: 'It covers the topic, but never names any of the options you offered.',
  count: 'It covers the topic, but no passage gives the number you asked for.',
  statement: 'It covers the topic, but no passage reports what was said or how they reacted.',
  reason: 'It covers the topic, but no passage says why.',
  apology: 'It covers the topic, but no passage reports an apology or any regret expressed.',
  retraction: 'It covers the topic, but no passage reports that it was taken back or retracted.',
  accession: 'It covers the topic, but no passage says when they took up the post.',
  institution: 'It covers the topic, but no passage names the university or institute you asked about.',
  vote: 'It covers the topic, but no passage reports how anyone voted.',
  poll: 'It covers the topic, but no passage reports a poll or survey.',
  phrase: 'It covers the topic, but no passage quotes the words you asked for.',
  outcome: 'It covers the topic, but only as something still to come: no passage reports how it turned out.',
  agreement: 'It covers the topic, but no passage reports an agreement or what was signed.',
  succession: 'It covers the topic, but no passage says who took the post over.',
  time: 'It covers the topic, but no passage says when.',
  place: 'It covers the topic, but no passage says where.',
  country: 'It covers the topic, but no passage names the country you asked about.',
  facility: 'It covers the topic, but no passage names the airport, base, port or station you asked about.',
  list: 'It covers the topic, but no passage lists what you asked for.',
  which: 'It covers the topic, but only in general terms: no passage says which ones.',
  name: 'It covers the topic, but no passage gives the name you asked for.',
  expansion: 'It covers the topic, but no passage spells out what that abbreviation stands for.',
  control: 'It covers the topic, but no passage says who controls or holds it.',
  firm: 'It covers the topic, but no passage names the network, paper, agency or airline you asked about.',
  role: 'It covers the topic, but no passage names anyone with the title you asked about.',
  person: 'It covers the topic, but no passage names the person you asked about.',
  entities: 'It covers the topic, but not together with everything your question names.',
  years: 'It covers the topic, but never mentions the year you asked about.',
  ordinal: 'It covers the topic, but no article on it mentions the one you asked about (that meeting, round or visit of the series).',
  author: 'It covers the topic, but no article on it names its author.',
  published: 'It covers the topic, but no article on it gives the date it came out.',
  title: 'It covers the topic, but the text of the article on it carries no headline.',
};

/** A question with letters, none of them Latin: written in another script ("日本とロシアの関係は？", "Как дела?"). */
function otherScript(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Script=Latin}/u.test(text);
}

/** Why there is no answer, as a person reads it: one or two sentences, no markup. */
export function noAnswerText(answer: NoAnswer): string {
  if (answer.reason === 'empty-question') return otherScript(answer.query.text) ? `I can only read questions in English, and this one has no English word. ${EXAMPLE}` : EXAMPLE;
  const lacks = answer.reason === 'unsupported' && answer.missing ? ` ${LACKS[answer.missing]}` : '';
  return `The corpus doesn't say.${lacks}`;
}

/**
 * Why a question over `max` characters is refused before it is read, or undefined when it fits: counted as Discord
 * counts an option's length, in characters (code points), so an emoji is one, not two.
 */
export function questionTooLong(question: string, max: number): string | undefined {
  const length = [...question].length;
  return length > max ? `That question is ${length} characters long; please keep it to ${max} or fewer.` : undefined;
}
