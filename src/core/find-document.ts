import type { IndexedDocument } from './build-index.js';

/**
 * A name as people type or copy it: lower case, without backslashes (escaped text), zero-width spaces (a
 * defused mention) or backticks (shown as quotes in a code span), so what /sources shows finds its document.
 */
function plain(text: string): string {
  return text.toLowerCase().replace(/[\\\u200b]/g, '').replace(/`/g, "'").trim();
}

/** The words a document can be looked up by: file name, title, authors, outlet. */
function names(d: Pick<IndexedDocument, 'id' | 'meta'>): string[] {
  return [d.id, d.meta.title, ...d.meta.authors, d.meta.outlet ?? ''].map(plain);
}

/**
 * The documents that match what a person typed for /source, best first: the file name or title
 * exactly, then any whose file name, title, an author or the outlet contains it ("brown", "global
 * times"). Case is ignored, and so are backslashes and zero-width spaces; nothing left to look for
 * matches nothing.
 */
export function matchDocuments<D extends Pick<IndexedDocument, 'id' | 'meta'>>(documents: readonly D[], typed: string): D[] {
  const wanted = plain(typed);
  if (!wanted) return [];
  const exact = documents.filter((d) => plain(d.id) === wanted || plain(d.meta.title) === wanted);
  const partial = documents.filter((d) => !exact.includes(d) && names(d).some((n) => n.includes(wanted)));
  return [...exact, ...partial];
}
