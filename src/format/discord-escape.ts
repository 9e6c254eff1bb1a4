import { escapeMarkdown } from 'discord.js';
import { LIMITS, truncate } from './discord-limits.js';

export const ZWSP = '\u200b';
/**
 * Longest text escaped in one piece; longer text is cut first. discord.js's escapeMarkdown
 * takes time growing with the square of a line's length (its italic pattern looks back over
 * the whole line at every character: 6,000 characters 26 ms, 200,000 characters 40 s), so one
 * over-long corpus sentence would stall the bot. A message's content holds no more, and the
 * quotes that fill a description are escaped piece by piece.
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
 * zero-width space after the `<`: shown as typed, not rendered. escapeMarkdown leaves underscores alone
 * from a `<:` to the end of the line (to spare emoji names), so without this "<: __x__" stayed underlined.
 */
function neutraliseTags(text: string): string {
  return text.replace(/<(?=a?:|t:|id:|\/)/g, `<${ZWSP}`);
}

/** What {@link escapeLinksAndLineStarts} can change: a bracket anywhere, or a line opening with ">" or "-#". */
const LINK_OR_LINE_START = /[[\]]|^ *(?:>|-#)/m;

/**
 * What escapeMarkdown misses: it escapes only the first `[` of a line with a masked link in it, so
 * "[a](x) [click](https://evil.example)" kept a live second link, and a link split into separately
 * escaped pieces (a quote with a highlighted word inside the link text) was escaped in none. Every
 * `[` and `]` not already escaped gets a backslash, whatever follows: no masked link can form. A line
 * opening with ">" (a quote) or "-#" (small text) gets one too.
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
  return out.replace(/^( *)(>|-#)/gm, '$1\\$2');
}

const MARKDOWN_OPTIONS = { heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;
/**
 * What discord.js's escapeMarkdown (with {@link MARKDOWN_OPTIONS}) can change: a backslash, backtick,
 * asterisk, underscore, tilde, bar or bracket anywhere, or a line opening with "#", "-" or "1.".
 */
const MARKDOWN = /[\\`*_~|[]|^ *(?:#|-|\d+\.)/m;

/**
 * discord.js's escapeMarkdown, skipped when the text holds nothing it would change: most
 * corpus sentences. Its patterns look behind at every character; on a burst of /ask they
 * were a tenth of the bot's busy time. A property test checks the two agree.
 */
export function escapeMarkdownText(text: string): string {
  return MARKDOWN.test(text) ? escapeMarkdown(text, MARKDOWN_OPTIONS) : text;
}

/** Half a surrogate pair (text cut mid-emoji by a client, or by fuzzing) as U+FFFD: Discord would reject or mangle it. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Collapses whitespace (including newlines) to single spaces, so quoted text stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
