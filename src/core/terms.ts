import { americanise } from './spelling.js';
import { PERSON_TYPE, type Nlp } from './nlp.js';

/** What the term pipeline reads out of one sentence or question. */
export interface Analysis {
  /** Index terms in text order, repeats kept: stems, numbers, `!stem` for negated words, `@entity`. */
  terms: string[];
  /** Lower-case word forms of the content words, for spelling correction of questions. */
  words: string[];
  /** Lower-case forms of every word token in order, stop words included (for phrases such as "kick off"). */
  sequence: string[];
  /** Canonical entities named (glossary entities and people), without the `@`. */
  entities: string[];
  /** Names a person from the glossary. */
  person: boolean;
  /** Contains a cardinal or ordinal number, money amount or percentage. */
  number: boolean;
  /** Contains a date or year. */
  date: boolean;
}

/** The minimal surface of a wink document or sentence that the pipeline reads. */
export interface WinkSpan {
  tokens(): { out(f: unknown): unknown[] };
  entities(): { out(f: unknown): unknown[] };
  customEntities(): { out(f: unknown): unknown[] };
}

/** Token types that carry meaning; punctuation, emoji, URLs and the like are not terms. */
const TERM_TYPES = new Set(['word', 'number', 'ordinal', 'alpha_numeric', 'currency']);
const YEAR = /^(1[6-9]\d\d|20\d\d)s?$/;
/** The month names, as a regular-expression alternation (also read by the answer checks). */
export const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH = new RegExp(`^(${MONTH_NAMES})$`);
const NUMBER_WORD = /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|twenty-\w+|thirty-\w+|forty-\w+|fifty-\w+|sixty-\w+|seventy-\w+|eighty-\w+|ninety-\w+)$/i;
/** Entity prefix in terms. */
export const ENTITY_PREFIX = '@';

/**
 * Turns a wink span into index terms. The one function used for corpus and
 * questions alike, so the two can never drift apart.
 */
export function analyseSpan(span: WinkSpan, nlp: Nlp, firstToken = 0): Analysis {
  const { its } = nlp;
  const tokens = span.tokens();
  const values = tokens.out(its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  const types = tokens.out(its.type) as string[];
  const stops = tokens.out(its.stopWordFlag) as boolean[];
  const negated = tokens.out(its.negationFlag) as boolean[];
  const terms: string[] = [];
  const words: string[] = [];
  const sequence: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const type = types[i] ?? '';
    if (type === 'word') sequence.push((normals[i] ?? '').toLowerCase());
    if (!TERM_TYPES.has(type) || stops[i]) continue;
    const normal = (normals[i] ?? '').replace(/[’']s$/, '');
    const term = termOfWord(normal, type, nlp);
    if (term === '') continue;
    terms.push(term);
    if (type === 'word') words.push(normal);
    if (negated[i]) terms.push('!' + term);
  }
  const entities = new Set<string>();
  let person = false;
  const custom = span.customEntities();
  const details = custom.out(its.detail) as Array<{ type: string }>;
  const spans = custom.out(its.span) as Array<[number, number]>;
  const known = new Set<number>();
  details.forEach((e, i) => {
    if (e.type.startsWith(PERSON_TYPE)) person = true;
    else for (let t = spans[i]![0]; t <= spans[i]![1]; t++) known.add(t - firstToken);
    entities.add(e.type.startsWith(PERSON_TYPE) ? e.type.slice(PERSON_TYPE.length) : e.type);
  });
  if (!person) person = hasNameRun(tokens.out(its.pos) as string[], values, known);
  for (const v of values) {
    const name = nlp.exactForms.get(v);
    if (name !== undefined) entities.add(name);
  }
  let number = false;
  let date = false;
  for (const e of span.entities().out(its.detail) as Array<{ type: string }>) {
    if (e.type === 'DATE') date = true;
    else if (e.type === 'CARDINAL' || e.type === 'ORDINAL' || e.type === 'MONEY' || e.type === 'PERCENT') number = true;
  }
  // wink's entity recogniser misses bare years and number words in some contexts ("until 1945", "twenty-one meetings").
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    if (YEAR.test(v) || MONTH.test(v)) date = true;
    else if (types[i] === 'number' || NUMBER_WORD.test(v)) number = true;
  }
  for (const name of entities) terms.push(ENTITY_PREFIX + name);
  return { terms, words, sequence, entities: [...entities], person, number, date };
}

/** Word → term memo per NLP instance: stemming dominated question analysis (bench:bot profile). */
const memos = new WeakMap<Nlp, Map<string, string>>();
/** Words remembered per instance; a vocabulary larger than this starts the memo afresh. */
const MEMO_SIZE = 100_000;

/** The index term of one normalised word: numbers as digits, words stemmed after spelling is unified. */
export function termOfWord(normal: string, type: string, nlp: Nlp): string {
  if (type === 'number' || type === 'ordinal' || type === 'currency') return normal.replace(/,/g, '');
  let memo = memos.get(nlp);
  if (!memo) memos.set(nlp, (memo = new Map()));
  const known = memo.get(normal);
  if (known !== undefined) return known;
  const term = wordTerm(normal, nlp);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(normal, term);
  return term;
}

/** {@link termOfWord} for a word, without the memo: for one-off sweeps such as WordNet's whole lemma list. */
export function wordTerm(normal: string, nlp: Nlp): string {
  const word = normal.replace(/[^\p{L}\p{N}'’.-]/gu, '').replace(/^[-.'’]+|[-.'’]+$/g, '');
  return word.length < 2 && !/\d/.test(word) ? '' : nlp.stem(americanise(word));
}

/** Applies the glossary's rewrites (the corpus's garbles) to text that terms are read from. */
export function rewriteForTerms(text: string, nlp: Nlp): string {
  let out = text;
  for (const r of nlp.glossary.rewrites) if (out.includes(r.from)) out = out.split(r.from).join(r.to);
  return out;
}

/** Analyses a free text (a question) as one span: token indexes start at 0. */
export function analyseText(text: string, nlp: Nlp): Analysis {
  return analyseSpan(nlp.nlp.readDoc(rewriteForTerms(text, nlp)) as unknown as WinkSpan, nlp);
}

/**
 * A run of two or more proper nouns that no glossary entity explains ("Mayor Ines
 * Carvalho"): most likely a person the glossary does not know. Token indexes in
 * `known` belong to glossary entities (places, organisations).
 */
function hasNameRun(pos: string[], values: string[], known: Set<number>): boolean {
  let run = 0;
  for (let i = 0; i < pos.length; i++) {
    const name = pos[i] === 'PROPN' && /^[A-Z][a-z]/.test(values[i] ?? '') && !known.has(i);
    run = name ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}
