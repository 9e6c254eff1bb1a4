import type { Nlp } from './nlp.js';
import type { SearchIndex } from './search-index.js';
import { correctSpelling } from './spelling-correction.js';
import { PHRASE_JOIN } from './synonyms.js';
import { analyseText, ENTITY_PREFIX, termOfWord } from './terms.js';

/** What answer a question expects, from its wh-words (after Li & Roth's coarse classes). */
export type Intent = 'author' | 'person' | 'date' | 'number' | 'reason' | 'other';

/** One query term with its weight. */
export interface QueryTerm {
  term: string;
  /** Term id in the index, or undefined when the corpus never uses it. */
  id: number | undefined;
  /** Occurrences in the question times the term's role weight. */
  weight: number;
}

/** A question, ready to rank. */
export interface Query {
  text: string;
  terms: QueryTerm[];
  intent: Intent;
  /** The question asks what readers or commenters said. */
  wantsComments: boolean;
  /** Words that were unknown to the corpus and replaced: typo → correction. */
  corrections: Array<[string, string]>;
  /** Entities the question names. */
  entities: string[];
}

const AUTHOR = /\b(who (wrote|writes|authored|penned|is the author)|written by|authors? of|by whom|whose (article|piece|story|column|op-?ed|report))\b/i;
const PERSON = /^\s*(who|whom|whose)\b|\b(which|what)( \w+)? (person|people|minister|official|officials|leader|spokes\w+|ambassador|president|prime minister|politician|diplomat|general|expert|analyst|journalist|secretary[- ]general|head|chief)\b|\bwho('s| is| was| are| were| did| said| says| confirmed| announced)\b|\bname of the\b/i;
const DATE = /\b(when|what (year|month|date|day|time of year)|which (year|month|date|day)|until what|since when|how long ago|in what year)\b/i;
const NUMBER = /\b(how (many|much|often)|what (number|percentage|percent|share|proportion|amount|figure)|which number|number of|what % )\b/i;
/** Phrases that only frame a question; removed before analysis ("according to the article" is not about accords). */
const FRAMING_PHRASES = /\baccording to\b|\bin the (article|piece|text)\b/gi;
const termOf = (word: string, nlp: Nlp) => termOfWord(word, 'word', nlp);
const REASON = /^\s*why\b|\b(for what reason|what reasons?|how come|what for|what made|what led|what pushed)\b/i;
const COMMENTS = /\b(comments?|commenters?|commented|readers?|forum|posters?|posted|users?|replies|reply|members?)\b/i;

/**
 * Words that frame a question rather than say what it is about ("what kind of
 * stuff", "according to the article"). They keep a small weight: general English,
 * not knowledge of this corpus.
 */
const FRAMING = new Set(['kind', 'sort', 'type', 'stuff', 'thing', 'tell', 'mention', 'article', 'piece', 'text', 'accord', 'happen', 'exact', 'actual', 'realli', 'mean', 'know', 'explain', 'think', 'pleas', 'bot', 'corpus', 'say', 'said', 'wrote', 'write', 'author', 'comment', 'comment', 'reader', 'forum', 'user', 'number', 'year', 'month', 'date', 'much', 'mani', 'name', 'person', 'peopl', 'someth', 'anyth']);



/** Weights of the kinds of query term, relative to a content word as typed (1). */
export interface QueryParams {
  /** A framing word ("kind", "stuff", "article"): present, but says little. */
  framing: number;
  /** An entity term when the question names it in a form the corpus also uses: the name should not count twice in full. */
  entity: number;
  /** A spelling correction: a guess may be wrong. */
  correction: number;
  /** A WordNet synonym: bridges paraphrase, but exact words should win. */
  synonym: number;
  /** A negated word's `!term`, beside the plain term: a negated question prefers negated sentences. */
  negation: number;
}

export const defaultQueryParams: QueryParams = { framing: 0.5, entity: 0.7, correction: 0.7, synonym: 0.35, negation: 1 };

/** Reads a question: its terms (spell-corrected against the corpus), intent and entities. */
export function parseQuestion(text: string, index: SearchIndex, nlp: Nlp, params: QueryParams = defaultQueryParams): Query {
  const analysis = analyseText(text.replace(FRAMING_PHRASES, ' '), nlp);
  const corrections: Array<[string, string]> = [];
  const synonymOf = new Map<string, number>();
  const counts = new Map<string, number>();
  const add = (term: string, w: number) => counts.set(term, (counts.get(term) ?? 0) + w);
  const aliasTerms = new Set(analysis.words.filter((w) => isEntityWord(w, nlp)).map((w) => termOfWord(w, 'word', nlp)));
  const unknownAliases = [...aliasTerms].some((t) => !index.termId.has(t));
  for (const term of analysis.terms) {
    // A name the corpus only knows under another form ("kremlin") counts once, through its entity.
    if (aliasTerms.has(term) && !index.termId.has(term)) continue;
    if (term.startsWith(ENTITY_PREFIX)) add(term, unknownAliases ? 1 : params.entity);
    else if (term.startsWith('!')) add(term, params.negation);
    else add(term, FRAMING.has(term.replace(/^!/, '')) ? params.framing : 1);
  }
  for (const word of analysis.words) {
    const term = termOfWord(word, 'word', nlp);
    if (index.termId.has(term) || aliasTerms.has(term) || FRAMING.has(term)) continue;
    const fixed = correctSpelling(word, index);
    if (fixed === undefined) continue;
    const fixedTerm = termOfWord(fixed, 'word', nlp);
    const weight = counts.get(term) ?? 0;
    counts.delete(term);
    add(fixedTerm, weight * params.correction);
    corrections.push([word, fixed]);
  }
  const phrases = analysis.sequence.slice(1).map((w, i) => [termOf(analysis.sequence[i]!, nlp) + PHRASE_JOIN + termOf(w, nlp), 1] as const);
  for (const [term, weight] of [...counts, ...phrases]) {
    if (term.startsWith(ENTITY_PREFIX) || term.startsWith('!') || weight < 1) continue;
    for (const synonym of index.synonyms.get(term) ?? []) {
      if (counts.has(synonym) && !synonymOf.has(synonym)) continue;
      synonymOf.set(synonym, Math.max(synonymOf.get(synonym) ?? 0, weight * params.synonym));
    }
  }
  for (const [synonym, weight] of synonymOf) counts.set(synonym, weight);
  const terms = [...counts].map(([term, weight]) => ({ term, id: index.termId.get(term), weight }));
  return {
    text,
    terms,
    intent: AUTHOR.test(text) ? 'author' : DATE.test(text) ? 'date' : NUMBER.test(text) ? 'number' : PERSON.test(text) ? 'person' : REASON.test(text) ? 'reason' : 'other',
    wantsComments: COMMENTS.test(text),
    corrections,
    entities: analysis.entities,
  };
}

const entityWords = new WeakMap<Nlp, Set<string>>();

/** True for a word that is one of the glossary's forms of an entity or a person. */
function isEntityWord(word: string, nlp: Nlp): boolean {
  let words = entityWords.get(nlp);
  if (!words) {
    words = new Set([...Object.values(nlp.glossary.entities).flatMap((e) => e.forms), ...nlp.glossary.people.flatMap((p) => p.forms)]);
    entityWords.set(nlp, words);
  }
  return words.has(word);
}
