import type { APIEmbed } from 'discord.js';
import type { IndexedDocument } from '../core/build-index.js';
import type { Sentence } from '../core/types.js';
import { escapeText, neutraliseMentions, oneLine } from './discord-escape.js';
import { LIMITS, truncate } from './discord-limits.js';
import { embedSize, safePayload, type DiscordPayload } from './discord-payload.js';

/** Documents listed per /sources embed field page; 25 is Discord's field maximum. */
const DOCS_PER_EMBED = 25;

/** "Authors, Outlet, 2018-07-09" (escaped), or "unknown source". */
export function byline(doc: Pick<IndexedDocument, 'meta'>): string {
  const { meta } = doc;
  const parts = [meta.authors.join(', '), meta.outlet, meta.date].filter((x): x is string => Boolean(x));
  return parts.length > 0 ? escapeText(parts.join(', ')) : 'unknown source';
}

/** One line of sizes: "12.3 kB · 182 sentences · 4 comments". */
export function sizes(doc: Pick<IndexedDocument, 'bytes' | 'sentences' | 'comments'>): string {
  return `${(doc.bytes / 1000).toFixed(1)} kB · ${doc.sentences} sentences${doc.comments > 0 ? ` · ${doc.comments} comments` : ''}`;
}

/** Room kept in the message for the title and the "more documents" line. */
const NOTE_ROOM = 200;

/**
 * A document's id as a code span, to copy into /source: shown as it is (a backslash would show
 * literally in code), backticks made quotes so the span cannot close early, and no longer than
 * a field allows.
 */
function idSpan(id: string): string {
  return `\`${truncate(neutraliseMentions(id.replace(/`/g, "'")), 200)}\``;
}

/**
 * The indexed documents with their metadata and sizes (/sources): as many as one message holds
 * (25 to an embed, 6,000 characters in all), in order, then how many more there are and how to
 * find them, rather than dropping a whole embed or every field.
 */
export function sourcesToPayload(documents: readonly IndexedDocument[]): DiscordPayload {
  if (documents.length === 0) return safePayload({ content: 'No documents are indexed.' });
  const embeds: APIEmbed[] = [];
  let total = NOTE_ROOM;
  let shown = 0;
  for (const d of documents) {
    const field = {
      name: truncate(neutraliseMentions(oneLine(d.meta.title)), LIMITS.fieldName) || 'untitled',
      value: `${truncate(byline(d), 600)}\n${sizes(d)}${d.meta.machineTranslated ? ' · machine translation' : ''}\n${idSpan(d.id)}`,
    };
    const size = embedSize({ fields: [field] });
    let last = embeds.at(-1);
    if (!last || last.fields!.length === DOCS_PER_EMBED) {
      if (embeds.length === LIMITS.embeds) break;
      last = undefined;
    }
    if (total + size > LIMITS.embedTotal) break;
    if (last) last.fields!.push(field);
    else embeds.push({ fields: [field] });
    total += size;
    shown++;
  }
  embeds[0]!.title = `${documents.length} indexed documents`;
  if (shown < documents.length) embeds.at(-1)!.footer = { text: `…and ${documents.length - shown} more, not listed here: /source finds any of them by title, author or file name.` };
  return safePayload({ embeds });
}

/** One document: its metadata, sizes and most important sentences (/source). */
export function sourceToPayload(doc: IndexedDocument, summary: readonly Sentence[]): DiscordPayload {
  const url = doc.meta.urls[0];
  const quotes = summary.map((s) => `> ${escapeText(oneLine(s.text))}`).join('\n');
  // A cited link is shown as Discord links it, in angle brackets (no preview); one that could break the markdown is left out.
  const cites = (doc.meta.cited ?? []).filter((u) => /^https?:\/\/[^\s<>*`|~\\]+$/.test(u)).slice(0, 3).map((u) => `\nCites: <${u}>`).join('');
  return safePayload({
    embeds: [{
      title: escapeText(oneLine(doc.meta.title)),
      ...(url ? { url } : {}),
      description: `${byline(doc)}\n${sizes(doc)}${doc.meta.machineTranslated ? ' · machine translation' : ''}${cites}\n\n**Most important sentences**\n${quotes || '(none)'}`,
      footer: { text: neutraliseMentions(doc.id) },
    }],
  });
}
