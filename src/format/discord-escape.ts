import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/**
 * Defuses everything Discord would turn into a ping or a channel/role link:
 * `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>` get a zero-width
 * space after the `@` or `#`. allowed_mentions already blocks pings; this keeps
 * the text from even looking like one.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#])/g, `<$1${ZWSP}`);
}

/** Escapes Discord markdown (including headings, lists and masked links) and neutralises mentions: safe to embed user or corpus text anywhere. */
export function escapeText(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return neutraliseMentions(escaped);
}

/** Collapses whitespace (including newlines) to single spaces, so quoted text stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
