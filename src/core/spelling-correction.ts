import type { SearchIndex } from './search-index.js';

/** Shortest word worth correcting: shorter words are more often real words the corpus lacks ("stuff" is not "staff"). */
const MIN_LENGTH = 6;
/** Words this long may be two edits away ("goverment" → "government" is one). */
const TWO_EDIT_LENGTH = 8;

const deletionIndexes = new WeakMap<SearchIndex, Map<string, string[]>>();

/** Every string one deletion away from a word, the word itself included. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Deletion neighbourhood of the corpus words (SymSpell), built on first use and kept with the index. */
function deletionIndex(index: SearchIndex): Map<string, string[]> {
  let map = deletionIndexes.get(index);
  if (map) return map;
  map = new Map();
  for (const word of index.wordCounts.keys()) {
    if (word.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(word)) continue;
    for (const d of deletions(word)) {
      const list = map.get(d);
      if (list) list.push(word);
      else map.set(d, [word]);
    }
  }
  deletionIndexes.set(index, map);
  return map;
}

/** Damerau–Levenshtein distance (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * The corpus word closest to an unknown word (one edit, two for long words),
 * the most frequent on ties; undefined when none is close.
 */
export function correctSpelling(word: string, index: SearchIndex): string | undefined {
  if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  const map = deletionIndex(index);
  const limit = word.length >= TWO_EDIT_LENGTH ? 2 : 1;
  let best: string | undefined;
  let bestKey: [number, number] = [Infinity, 0];
  for (const d of deletions(word)) {
    for (const candidate of map.get(d) ?? []) {
      const distance = editDistance(word, candidate);
      if (distance === 0 || distance > limit || candidate[0] !== word[0]) continue;
      const count = index.wordCounts.get(candidate) ?? 0;
      if (distance < bestKey[0] || (distance === bestKey[0] && (count > bestKey[1] || (count === bestKey[1] && candidate < (best ?? ''))))) {
        best = candidate;
        bestKey = [distance, count];
      }
    }
  }
  return best;
}
