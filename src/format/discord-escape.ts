import { LIMITS, truncate } from './discord-limits.js';

export const ZWSP = '\u200b';
/**
 * Longest text escaped in one piece; longer text is cut first: a message's content holds no more,
 * and the quotes that fill a description are escaped piece by piece.
 */
const MAX_ESCAPED = LIMITS.content;

/**
 * Defuses everything Discord would turn into a ping or a channel/role link:
 * `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>` get a zero-width
 * space after the `@` or `#`. allowed_mentions already blocks pings; this keeps
 * the text from even looking like one.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#])/g, `<$1${ZWSP}`);
}

/**
 * Escapes Discord markdown (including headings, lists and masked links) and neutralises mentions: safe to embed
 * user or corpus text anywhere. Text over 2,000 characters is cut first (with "…").
 */
export function escapeText(text: string): string {
  return neutraliseMentions(escapeLinksAndLineStarts(escapeMarkdownText(neutraliseTags(truncate(wellFormed(text), MAX_ESCAPED)))));
}

/**
 * Custom emoji, timestamps, command mentions and navigation links (`<:name:id>`, `<a:name:id>`, `<t:0:R>`, `</ask:1>`, `<id:browse>`) with a
 * zero-width space after the `<`: shown as typed, not rendered.
 */
function neutraliseTags(text: string): string {
  return text.replace(/<(?=a?:|t:|id:|\/)/g, `<${ZWSP}`);
}

/** What {@link escapeLinksAndLineStarts} can change: a bracket anywhere, or a line opening with ">". */
const LINK_OR_LINE_START = /[[\]]|^ *>/m;

/**
 * Masked links and quotes: every `[` and `]` not already escaped gets a backslash, whatever follows, so
 * no masked link can form, not even from separately escaped pieces (a quote with a highlighted word
 * inside the link text). A line opening with ">" (a quote) gets one too.
 */
function escapeLinksAndLineStarts(text: string): string {
  // Most quoted sentences hold neither: they are returned as they are, as escapeMarkdownText does (this runs on every quote of every answer).
  if (!LINK_OR_LINE_START.test(text)) return text;
  let out = '';
  let backslashes = 0;
  for (const c of text) {
    if ((c === '[' || c === ']') && backslashes % 2 === 0) out += '\\';
    backslashes = c === '\\' ? backslashes + 1 : 0;
    out += c;
  }
  return out.replace(/^( *)>/gm, '$1\\>');
}

/**
 * What {@link escapeMarkdownText} can change: a backslash, backtick, asterisk, underscore, tilde or bar
 * anywhere, or a line opening with "#", "-" or "1.".
 */
const MARKDOWN = /[\\`*_~|]|^ *(?:#|-|\d+\.)/m;
/** The characters Discord's markdown reads anywhere in a line. */
const MARKDOWN_CHARS = /[\\`*_~|]/g;
/** A line opening as a heading or a list would ("# ", "- ", "1. "; indented too). */
const BLOCK_START = /^( *)(?:(#|-)|(\d+)\.)/gm;

/**
 * Every markdown character gets a backslash (a backslash too, so the user's own "\*" shows as typed), and a line
 * that would open a heading or a list gets one before its mark. Linear in the text's length, and returns most corpus
 * sentences, which hold none of these, as they are. discord.js's escapeMarkdown was used before: it pairs the marks
 * it escapes, so runs of four or more ("____", "****x****", "````x````") kept live pairs, and it takes time growing
 * with the square of a line's length.
 */
export function escapeMarkdownText(text: string): string {
  if (!MARKDOWN.test(text)) return text;
  return text.replace(MARKDOWN_CHARS, '\\$&').replace(BLOCK_START, (_all, indent: string, mark: string | undefined, digits: string | undefined) => (mark === undefined ? `${indent}${digits}\\.` : `${indent}\\${mark}`));
}

/** Half a surrogate pair (text cut mid-emoji by a client, or by fuzzing) as U+FFFD: Discord would reject or mangle it. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Bidirectional controls: an override in a question would turn the line that shows it around. */
export const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * A user's text as the name of a thread: on one line, without bidirectional controls or zero-width characters, at
 * most `max` characters; `fallback` when nothing is left. Names are plain text (no markdown, no pings), so nothing is escaped.
 */
export function plainName(text: string, max: number, fallback: string): string {
  const name = oneLine(text.replace(BIDI, '').replace(/[\u200b-\u200d\u2060\ufeff]/g, ''));
  return name ? truncate(name, max) : fallback;
}

/** Collapses whitespace (including newlines) to single spaces, so quoted text stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
