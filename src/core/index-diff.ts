import type { IndexedDocument } from './build-index.js';

/** What a rebuild changed, for the operator. */
export interface IndexDiff {
  added: string[];
  removed: string[];
  changed: string[];
  unchanged: number;
  documents: number;
  sentencesBefore: number;
  sentencesAfter: number;
}

const sentenceCount = (docs: readonly IndexedDocument[]) => docs.reduce((n, d) => n + d.sentences, 0);

/** Compares the documents of two builds (by file name and content hash). `before` is empty for a first build. */
export function diffIndexes(before: readonly IndexedDocument[], after: readonly IndexedDocument[]): IndexDiff {
  const old = new Map(before.map((d) => [d.id, d.hash]));
  const now = new Map(after.map((d) => [d.id, d.hash]));
  const added = [...now.keys()].filter((id) => !old.has(id));
  const removed = [...old.keys()].filter((id) => !now.has(id));
  const changed = [...now].filter(([id, hash]) => old.has(id) && old.get(id) !== hash).map(([id]) => id);
  return {
    added,
    removed,
    changed,
    unchanged: now.size - added.length - changed.length,
    documents: now.size,
    sentencesBefore: sentenceCount(before),
    sentencesAfter: sentenceCount(after),
  };
}

/** The diff in one or two lines of plain text. */
export function describeDiff(diff: IndexDiff, ms: number): string {
  const parts = [`${diff.documents} documents, ${diff.sentencesAfter} sentences (was ${diff.sentencesBefore})`];
  const list = (label: string, ids: string[]) => (ids.length ? `${label}: ${ids.join(', ')}` : `${label}: none`);
  parts.push([list('added', diff.added), list('removed', diff.removed), list('changed', diff.changed)].join('; '));
  return `${parts.join('\n')}\nrebuilt in ${Math.round(ms)} ms`;
}
