import type { IndexedDocument } from './build-index.js';

/** The words a document can be looked up by: file name, title, authors, outlet (lower case). */
function names(d: Pick<IndexedDocument, 'id' | 'meta'>): string[] {
  return [d.id, d.meta.title, ...d.meta.authors, d.meta.outlet ?? ''].map((x) => x.toLowerCase());
}

/**
 * The documents that match what a person typed for /source, best first: the file name or title
 * exactly, then any whose file name, title, an author or the outlet contains it ("brown", "global
 * times"). Case is ignored, and so are backslashes (a name copied from escaped text).
 */
export function matchDocuments<D extends Pick<IndexedDocument, 'id' | 'meta'>>(documents: readonly D[], typed: string): D[] {
  const wanted = typed.replace(/\\/g, '').trim().toLowerCase();
  if (!wanted) return [...documents];
  const exact = documents.filter((d) => d.id.toLowerCase() === wanted || d.meta.title.toLowerCase() === wanted);
  const partial = documents.filter((d) => !exact.includes(d) && names(d).some((n) => n.includes(wanted)));
  return [...exact, ...partial];
}
