import type { IndexedDocument } from '../core/build-index.js';
import type { Sentence } from '../core/types.js';

const who = (d: IndexedDocument) => [d.meta.authors.join(', '), d.meta.outlet, d.meta.date].filter(Boolean).join(', ') || 'unknown source';
const size = (d: IndexedDocument) => `${(d.bytes / 1000).toFixed(1)} kB, ${d.sentences} sentences${d.comments > 0 ? `, ${d.comments} comments` : ''}`;

/** The indexed documents as plain text, one block each. */
export function sourcesToText(documents: readonly IndexedDocument[]): string {
  if (documents.length === 0) return 'No documents are indexed.';
  return documents.map((d) => `${d.id}\n  ${d.meta.title}\n  ${who(d)} · ${size(d)}`).join('\n');
}

/** One document and its most important sentences as plain text. */
export function sourceToText(doc: IndexedDocument, summary: readonly Sentence[]): string {
  const cites = (doc.meta.cited ?? []).map((u) => `cites: ${u}`);
  return [`${doc.meta.title}`, `${who(doc)} · ${size(doc)}`, ...(doc.meta.urls[0] ? [doc.meta.urls[0]] : []), ...cites, '', ...summary.map((s) => `  “${s.text}”`)].join('\n');
}
