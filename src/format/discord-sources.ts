import type { APIEmbed } from 'discord.js';
import type { IndexedDocument } from '../core/build-index.js';
import type { Sentence } from '../core/types.js';
import { escapeText, neutraliseMentions, oneLine } from './discord-escape.js';
import { safePayload, type DiscordPayload } from './discord-payload.js';

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

/** The indexed documents with their metadata and sizes (/sources). */
export function sourcesToPayload(documents: readonly IndexedDocument[]): DiscordPayload {
  if (documents.length === 0) return safePayload({ content: 'No documents are indexed.' });
  const embeds: APIEmbed[] = [];
  for (let i = 0; i < documents.length; i += DOCS_PER_EMBED) {
    embeds.push({
      ...(i === 0 ? { title: `${documents.length} indexed documents` } : {}),
      fields: documents.slice(i, i + DOCS_PER_EMBED).map((d) => ({
        name: neutraliseMentions(oneLine(d.meta.title)),
        value: `${byline(d)}\n${sizes(d)}${d.meta.machineTranslated ? ' · machine translation' : ''}\n\`${escapeText(d.id)}\``,
      })),
    });
  }
  return safePayload({ embeds });
}

/** One document: its metadata, sizes and most important sentences (/source). */
export function sourceToPayload(doc: IndexedDocument, summary: readonly Sentence[]): DiscordPayload {
  const url = doc.meta.urls[0];
  const quotes = summary.map((s) => `> ${escapeText(oneLine(s.text))}`).join('\n');
  return safePayload({
    embeds: [{
      title: escapeText(oneLine(doc.meta.title)),
      ...(url ? { url } : {}),
      description: `${byline(doc)}\n${sizes(doc)}${doc.meta.machineTranslated ? ' · machine translation' : ''}\n\n**Most important sentences**\n${quotes || '(none)'}`,
      footer: { text: neutraliseMentions(doc.id) },
    }],
  });
}
