import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { quoteOf, type Answer, type Hit } from '../core/answer.js';
import { sentenceKey, type Sentence } from '../core/types.js';
import { encodeCustomId } from './custom-id.js';
import { BIDI, escapeText, oneLine, ZWSP } from './discord-escape.js';
import { truncate } from './discord-limits.js';
import { safePayload, type DiscordPayload } from './discord-payload.js';
import { positionText } from './answer-text.js';
import { noAnswerText } from './no-answer.js';

/** Longest quoted sentence kept before escaping; escaping can double it and it must still fit one description (4096). */
const QUOTE_CHARS = 1500;
/** Longest question echoed back, in UTF-16 units: the /ask option allows 300 characters, and an emoji is two units. */
const ECHO_CHARS = 600;
/** Spelling corrections listed ("read as"); a question full of typos must not push the reply out of the 2,000 characters. */
const MAX_FIXES = 10;
/** The colour of answers (Discord blurple) and of abstentions (grey). */
const ANSWERED_COLOUR = 0x5865f2;
const NO_ANSWER_COLOUR = 0x99aab5;

/** What the formatter needs besides the answer. */
export interface AnswerView {
  /** The question as the user asked it; echoed escaped. */
  question: string;
  /** The question as it was read, when not as typed (a follow-up read with the thread's earlier question). */
  asked?: string;
  /** Key of the stored question, carried by the buttons; omit for no buttons. */
  questionId?: string;
  /** Results skipped before these (0 for the first page). */
  offset?: number;
}

/** The sentence with the matching words in bold; all text escaped. Highlights outside the sentence or overlapping are clipped. */
export function emphasise(text: string, highlights: ReadonlyArray<readonly [number, number]>): string {
  const plain = text.replace(/\s/g, ' ');
  // Never cut between the two halves of a surrogate pair (an emoji): Discord would get half a character.
  const shown = plain.slice(0, /[\uD800-\uDBFF]/.test(plain.charAt(QUOTE_CHARS - 1)) ? QUOTE_CHARS - 1 : QUOTE_CHARS);
  const spans = [...highlights].filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && e > s).sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    const start = Math.max(s, at);
    const end = Math.min(e, shown.length);
    if (start >= end) continue;
    const word = escapeText(shown.slice(start, end));
    out += escapeText(shown.slice(at, start)) + (word.trim() ? `**${word}**` : word);
    at = end;
  }
  out += escapeText(shown.slice(at));
  return shown.length < plain.length ? `${out}…` : out;
}

/** The source of a hit, for people: author or outlet, date, position, notes. */
export function sourceLine(hit: Hit): string {
  const { meta } = hit;
  // A reader's comment is credited to a reader, not to the article's author or its date.
  const comment = hit.sentence.kind === 'comment';
  // A page line (a donation line, a poster's profile) is the site's, not the article's author's, nor of its date.
  const page = hit.sentence.kind === 'page';
  const who = comment ? 'a reader' : page ? meta.outlet ?? 'the page' : meta.authors.length > 0 ? meta.authors.join(', ') : meta.outlet;
  const parts = [who, comment || page ? undefined : meta.date].filter((x): x is string => Boolean(x)).map(escapeText);
  parts.push(positionText(hit));
  return parts.join(' · ');
}

function hitEmbed(hit: Hit, n: number): APIEmbed {
  const notes = [hit.sentence.kind === 'comment' ? 'a reader comment, not the article' : hit.sentence.kind === 'page' ? 'from the page around the article, not the article' : undefined, hit.meta.machineTranslated ? 'machine translation' : undefined].filter(Boolean);
  const url = hit.meta.urls[0];
  return {
    color: ANSWERED_COLOUR,
    title: truncate(`${n}. ${escapeText(oneLine(hit.meta.title))}`, 256),
    ...(url && /^https?:\/\//.test(url) ? { url } : {}),
    description: `> ${emphasise(quoteOf(hit), hit.highlights)}\n\n${sourceLine(hit)}`,
    ...(notes.length > 0 ? { footer: { text: notes.join(' · ') } } : {}),
  };
}

function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: customId };
}

/** The buttons under an answer: More, Context, 👍, 👎. */
export function answerButtons(answer: Answer, questionId: string, offset: number): APIActionRowComponent<APIButtonComponent>[] {
  if (answer.kind !== 'answered' || answer.hits.length === 0) return [];
  const next = offset + answer.hits.length;
  const first = answer.hits[0]!;
  return [{
    type: ComponentType.ActionRow,
    components: [
      button('More', encodeCustomId({ kind: 'more', offset: next, questionId }), ButtonStyle.Primary),
      button('Context', encodeCustomId({ kind: 'context', sentenceId: first.sentence.id, questionId, key: sentenceKey(first.sentence) })),
      button('👍', encodeCustomId({ kind: 'feedback', vote: 'up', offset, questionId })),
      button('👎', encodeCustomId({ kind: 'feedback', vote: 'down', offset, questionId })),
    ],
  }];
}

/**
 * A user's text for echoing under the bot's name: on one line, no bidirectional controls, and no live link (a zero-width
 * space after the scheme's colon: "http:<ZWSP>//evil.example" is shown, not linked or previewed), escaped.
 */
function userText(text: string, max: number): string {
  return escapeText(truncate(oneLine(text.replace(BIDI, '').replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, `$1:${ZWSP}`)), max));
}

/** The question echoed back, escaped, on one line. */
export function echoQuestion(question: string): string {
  return `**Q:** ${userText(question, ECHO_CHARS)}`;
}

/**
 * An answer as a Discord payload: each hit quoted (escaped, matching words in
 * bold) with its source; or an honest "The corpus doesn't say." with the
 * nearest topics. Always within Discord's limits, never pinging anyone.
 */
export function answerToPayload(answer: Answer, view: AnswerView): DiscordPayload {
  const offset = view.offset ?? 0;
  const fixes = [
    ...answer.query.corrections.slice(0, MAX_FIXES).map(([a, b]) => `${escapeText(a)} → ${escapeText(b)}`),
    ...(answer.query.corrections.length > MAX_FIXES ? ['…'] : []),
  ].join(', ');
  const readWith = view.asked !== undefined && view.asked !== view.question ? `*(read with your earlier question: "${userText(view.asked, ECHO_CHARS)}")*` : '';
  const head = [echoQuestion(view.question), readWith, fixes ? `*(read as: ${fixes})*` : ''].filter(Boolean);
  if (answer.kind === 'no-answer') {
    const text = offset > 0 && answer.reason !== 'empty-question' ? 'No more sentences answer this.' : noAnswerText(answer);
    const embeds: APIEmbed[] = answer.suggestions.length > 0
      ? [{ color: NO_ANSWER_COLOUR, title: 'Nearest topics it covers', description: answer.suggestions.map((s) => `• ${escapeText(oneLine(s))}`).join('\n') }]
      : [];
    return safePayload({ content: [...head, text].join('\n'), embeds });
  }
  // The embeds that fit Discord's 6,000-character total; "More" goes on after the last one shown, not after the last one asked for.
  const embeds = safePayload({ embeds: answer.hits.map((hit, i) => hitEmbed(hit, offset + i + 1)) }).embeds;
  return safePayload({
    content: head.join('\n'),
    embeds,
    components: view.questionId === undefined ? [] : answerButtons({ ...answer, hits: answer.hits.slice(0, embeds.length) }, view.questionId, offset),
  });
}

/** The sentences around a quoted one, the quoted one in bold, for the Context button. */
export function contextToPayload(sentences: readonly Sentence[], focusId: number, title: string): DiscordPayload {
  if (sentences.length === 0) return safePayload({ content: 'That passage is no longer in the index.' });
  const text = sentences.map((s) => (s.id === focusId ? `**${escapeText(oneLine(s.text))}**` : escapeText(oneLine(s.text)))).join(' ');
  // The engine keeps to one kind of text: comments are shown as what they are.
  const kind = sentences.find((s) => s.id === focusId)?.kind;
  const comments = kind === 'comment' ? ' (reader comments, not the article)' : kind === 'page' ? ' (the page around the article, not the article)' : '';
  return safePayload({ embeds: [{ color: ANSWERED_COLOUR, title: `Context${comments}: ${escapeText(oneLine(title))}`, description: `> ${text}` }] });
}
