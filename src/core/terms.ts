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
/** Text with every character that means something in a regular expression escaped, to match as written. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The month names, as a regular-expression alternation (also read by the answer checks). */
export const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH = new RegExp(`^(${MONTH_NAMES})$`);
const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** Words that multiply the number before them ("two hundred"). */
const MULTIPLIERS = ['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'dozen', 'dozens'];
/** Number words, as a regular-expression alternation (also read by the answer checks). */
export const NUMBER_WORD_ALTERNATION = [...UNITS.slice(1), ...TENS.slice(2), ...MULTIPLIERS].join('|');
/** A number written with a hyphen ("twenty-one"), as a regular-expression alternation: one number, not two. */
export const HYPHENATED_NUMBER = `(?:${TENS.slice(2).join('|')})-(?:${UNITS.slice(1, 10).join('|')})`;
const NUMBER_WORD = new RegExp(`^(?:${NUMBER_WORD_ALTERNATION}|(?:${TENS.slice(2).join('|')})-\\w+)$`, 'i');
const MULTIPLIER = new RegExp(`^(?:${MULTIPLIERS.join('|')})$`);

/**
 * The value of a number written out from token `i` ("four", "eighty", "twenty - one") and the last token it takes;
 * undefined for other words and for a lone "one" ("one of the islands" counts nothing).
 */
function numberValue(normals: readonly string[], i: number, to: number): { value: number; last: number } | undefined {
  const word = normals[i]?.toLowerCase() ?? '';
  const tens = TENS.indexOf(word);
  const single = tens >= 2 ? -1 : UNITS.indexOf(word);
  // Most words are no number: done before anything else is made (this runs on every word of the corpus).
  if (tens < 2 && single < 2) return undefined;
  let out: { value: number; last: number } | undefined;
  if (tens >= 2) {
    // "twenty-one", "twenty one"; "twenty-first" is an ordinal, not twenty.
    const hyphen = tokenAt(normals, i + 1, to) === '-';
    const unit = UNITS.indexOf(tokenAt(normals, hyphen ? i + 2 : i + 1, to));
    if (unit >= 1 && unit <= 9) out = { value: tens * 10 + unit, last: hyphen ? i + 2 : i + 1 };
    else if (!hyphen) out = { value: tens * 10, last: i };
  } else out = { value: single, last: i };
  // "two hundred", "five thousand": the value is not the first word's.
  return out && MULTIPLIER.test(tokenAt(normals, out.last + 1, to)) ? undefined : out;
}

/** Token `j` in lower case, or '' past `to`. */
function tokenAt(normals: readonly string[], j: number, to: number): string {
  return j < to ? normals[j]?.toLowerCase() ?? '' : '';
}

/** The digits of a number word as it stands alone in text ("four" → 4, "twenty-one" → 21), or undefined. */
function numberWordDigits(word: string): string | undefined {
  // Read as the tokenizer splits it: "twenty-one" is "twenty", "-", "one"; the number must take the whole word.
  const tokens = word.split(/(-)/);
  const value = numberValue(tokens, 0, tokens.length);
  return value?.last === tokens.length - 1 ? String(value.value) : undefined;
}

/** Entity prefix in terms. */
export const ENTITY_PREFIX = '@';

/** What the pipeline reads of a run of tokens: wink's per-token values, indexed by token. */
export interface TokenColumns {
  values: string[];
  normals: string[];
  types: string[];
  stops: boolean[];
  negated: boolean[];
  /** Parts of speech, read only when needed (a sentence with no glossary person). */
  pos: () => string[];
}

/** Entities over tokens: their types, and their first and last token indexes (same numbering as the columns). */
export interface EntityColumns {
  types: string[];
  spans: Array<[number, number]>;
}

/**
 * Words of wink's stop list that say something in news on foreign affairs ("a full alliance", "a united front", "pick
 * a side", "its own sanctions", "the former leader"): kept as terms. Its other stop words (the, many, more, up) stay out.
 */
const KEPT_STOP_WORDS = new Set(['full', 'front', 'side', 'sides', 'call', 'calls', 'show', 'empty', 'bottom', 'top', 'serious', 'whole', 'former', 'latter', 'own', 'behind', 'beyond']);

/** Reads the token columns of a wink document or span. */
export function tokenColumns(span: WinkSpan, nlp: Nlp): TokenColumns {
  const { its } = nlp;
  const tokens = span.tokens();
  let pos: string[] | undefined;
  return {
    values: tokens.out(its.value) as string[],
    normals: tokens.out(its.normal) as string[],
    types: tokens.out(its.type) as string[],
    stops: tokens.out(its.stopWordFlag) as boolean[],
    negated: tokens.out(its.negationFlag) as boolean[],
    pos: () => (pos ??= tokens.out(its.pos) as string[]),
  };
}

/** Reads a span's glossary (custom) and wink (plain) entities; `shift` is added to their token indexes. */
export function entityColumns(span: WinkSpan, nlp: Nlp, shift = 0): { custom: EntityColumns; plain: EntityColumns } {
  const read = (list: { out(f: unknown): unknown[] }): EntityColumns => ({
    types: (list.out(nlp.its.detail) as Array<{ type: string }>).map((d) => d.type),
    spans: (list.out(nlp.its.span) as Array<[number, number]>).map(([a, b]) => [a + shift, b + shift]),
  });
  return { custom: read(span.customEntities()), plain: read(span.entities()) };
}

/**
 * Turns a wink span into index terms. The one function used for corpus and
 * questions alike, so the two can never drift apart. `firstToken` is the span's
 * first token in its document (entity spans count from the document's start).
 */
export function analyseSpan(span: WinkSpan, nlp: Nlp, firstToken = 0): Analysis {
  const columns = tokenColumns(span, nlp);
  const { custom, plain } = entityColumns(span, nlp, -firstToken);
  return analyseTokens(columns, 0, columns.values.length, custom, plain, nlp);
}

/**
 * Turns tokens `from` to `to` (exclusive) of read columns into index terms: what
 * {@link analyseSpan} does, for a document read once and cut into sentences. The
 * entity columns hold the entities of these tokens (others are ignored).
 */
export function analyseTokens(c: TokenColumns, from: number, to: number, custom: EntityColumns, plain: EntityColumns, nlp: Nlp): Analysis {
  const { values, normals, types, stops, negated } = c;
  const terms: string[] = [];
  const words: string[] = [];
  const sequence: string[] = [];
  for (let i = from; i < to; i++) {
    const type = types[i] ?? '';
    if (type === 'word') sequence.push((normals[i] ?? '').toLowerCase());
    // "four", "twenty-one": a number written out is the number, as digits would give it ("21 times", "4 islands").
    const value = type === 'word' ? numberValue(normals, i, to) : undefined;
    if (value !== undefined) {
      terms.push(String(value.value));
      i = value.last;
      continue;
    }
    if (!TERM_TYPES.has(type) || (stops[i] && !KEPT_STOP_WORDS.has(normals[i] ?? ''))) continue;
    const normal = (normals[i] ?? '').replace(/[’']s$/, '');
    const term = termOfWord(normal, type, nlp);
    if (term === '') continue;
    terms.push(term);
    if (type === 'word') words.push(normal);
    if (negated[i]) terms.push('!' + term);
  }
  const entities = new Set<string>();
  let person = false;
  const known = new Set<number>();
  // Plain loops, not forEach: a callback made per sentence costs, on a 10,000-document build, more than its work.
  for (let i = 0; i < custom.types.length; i++) {
    const type = custom.types[i]!;
    const [a, b] = custom.spans[i]!;
    if (a < from || a >= to) continue;
    if (type.startsWith(PERSON_TYPE)) person = true;
    else for (let t = a; t <= b; t++) known.add(t);
    entities.add(type.startsWith(PERSON_TYPE) ? type.slice(PERSON_TYPE.length) : type);
  }
  if (!person) person = hasNameRun(c.pos(), values, known, from, to);
  for (let i = from; i < to; i++) {
    const name = nlp.exactForms.get(values[i]!);
    if (name !== undefined) entities.add(name);
  }
  let number = false;
  let date = false;
  for (let i = 0; i < plain.types.length; i++) {
    const type = plain.types[i]!;
    const a = plain.spans[i]![0];
    if (a < from || a >= to) continue;
    if (type === 'DATE') date = true;
    else if (type === 'CARDINAL' || type === 'ORDINAL' || type === 'MONEY' || type === 'PERCENT') number = true;
  }
  // wink's entity recogniser misses bare years and number words in some contexts ("until 1945", "twenty-one meetings").
  for (let i = from; i < to; i++) {
    const v = values[i] ?? '';
    if (YEAR.test(v) || MONTH.test(v)) date = true;
    else if (types[i] === 'number' || NUMBER_WORD.test(v)) number = true;
  }
  // A part names its whole: a sentence about Tajikistan is about Central Asia, not about Kyrgyzstan.
  for (const name of [...entities]) for (const whole of nlp.glossary.entities[name]?.partOf ?? []) entities.add(whole);
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

/** The term of a word as it stands in running text ("Japan's", "2023"): lower-cased, possessive dropped, numbers as numbers. */
export function termOfTextWord(word: string, nlp: Nlp): string {
  const digits = numberWordDigits(word);
  if (digits !== undefined) return digits;
  return termOfWord(word.toLowerCase().replace(/[’']s$/, ''), /^\d/.test(word) ? 'number' : 'word', nlp);
}

/** {@link termOfWord} for a word, without the memo: for one-off sweeps such as WordNet's whole lemma list. */
export function wordTerm(normal: string, nlp: Nlp): string {
  const word = normal.replace(/[^\p{L}\p{N}'’.-]/gu, '').replace(/^[-.'’]+|[-.'’]+$/g, '');
  // A model or unit name with a digit ("F-35", "Su-30MKI", "C-17s") is a name, not an English word: the stemmer
  // would garble it ("f-y5"). Only a plural "s" after the part with the digits goes ("C-17s" is "C-17", "Su-30MKIs"
  // "Su-30MKI"); "1990s" is a decade, not the year 1990.
  if (/\d/.test(word)) return word.replace(/(-[\p{L}\d]*\d[\p{L}\d]*?)s$/u, '$1');
  return word.length < 2 ? '' : nlp.stem(americanise(word));
}

/**
 * Applies the glossary's rewrites (the corpus's garbles) to text that terms are read from. A glued word
 * ("Stoltenbergand": letters only) is no English in any case, so it is rewritten in any case too: a question
 * may quote it in lower case. Other rewrites match as written ("I'LL TAKE" is NATO, "I'll take" is not).
 */
export function rewriteForTerms(text: string, nlp: Nlp): string {
  let out = text;
  // Lowered once per text (index time reads every sentence), again only after a rewrite.
  let lower: string | undefined;
  for (const r of nlp.glossary.rewrites) {
    if (out.includes(r.from)) out = out.split(r.from).join(r.to);
    else if (/^\p{L}+$/u.test(r.from) && (lower ??= out.toLowerCase()).includes(r.from.toLowerCase())) out = out.replace(new RegExp(escapeRegExp(r.from), 'giu'), r.to);
    else continue;
    lower = undefined;
  }
  return out;
}

/** Analyses a free text (a question) as one span: token indexes start at 0. */
export function analyseText(text: string, nlp: Nlp): Analysis {
  return analyseSpan(nlp.nlp.readDoc(rewriteForTerms(text, nlp)) as unknown as WinkSpan, nlp);
}

/**
 * Capitalised words of titles, institutions, places and events: a run of them ("Air
 * Force", "World War", "Tsinghua University", "Nikkei Asia") names no person, and a
 * title before a name ("Mayor Ines Carvalho") is not part of it.
 */
const NOT_NAME = new Set(
  ('force forces air army navy base ministry council agency institute university college school times news post journal review daily forum ' +
    'strategy guidelines program programme plan organization organisation union party committee office department bank fund group summit ' +
    'sea ocean island islands war pact treaty agreement defense defence security affairs foreign national international relations modern global ' +
    'pacific asia europe east west north south central far northern southern eastern western cold world self-defense self-defence ' +
    'secretary general minister prime president chancellor mayor ambassador spokesperson spokesman director chairman chairwoman professor ' +
    'republic kingdom federation states state government administration house court parliament assembly congress senate cabinet ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march september october november december').split(' '),
);

/**
 * A run of two or more proper nouns that no glossary entity explains ("Ines
 * Carvalho"): most likely a person the glossary does not know. Token indexes in
 * `known` belong to glossary entities (places, organisations); words of
 * {@link NOT_NAME} break a run.
 */
function hasNameRun(pos: string[], values: string[], known: Set<number>, from: number, to: number): boolean {
  let run = 0;
  for (let i = from; i < to; i++) {
    const value = values[i] ?? '';
    const name = pos[i] === 'PROPN' && /^[A-Z][a-z]/.test(value) && !known.has(i) && !NOT_NAME.has(value.toLowerCase());
    run = name ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}
