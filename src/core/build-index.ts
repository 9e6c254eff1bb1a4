import type { Glossary } from './glossary.js';
import { classifyBlocks } from './clean.js';
import type { SeedSet } from './ingest.js';
import { inferMetadata } from './metadata.js';
import type { Nlp } from './nlp.js';
import { headlineOwnTerms, splitDocument, type AnalysedSentence } from './split.js';
import { buildSynonyms, readWordnetTerms } from './synonyms.js';
import { analyseText, termOfWord, wordTerm } from './terms.js';
import type { DocumentMeta, Sentence } from './types.js';

/** Version of the stored index layout: a stored index of another version is rebuilt. */
export const SCHEMA_VERSION = 41;

/** Flags of a sentence, one bit each. */
export const FLAG = { person: 1, number: 2, date: 4, anaphor: 8, reason: 16, advice: 32, prediction: 64, comparison: 128, continues: 256 } as const;

/**
 * Words that say what should be done ("Japan needs a more balanced approach", "it is time for this nation to…"):
 * what a question about what someone should do looks for. Not "doesn’t have to", which says what need not be done.
 */
export const ADVICE = /\b(?:should|must(?! have)|ought to|needs? (?:a|an|more|less|to)|it is (?:time|necessary|important|essential|vital)|(?<!n[’']t |not |never )ha(?:s|ve) to(?! do with))\b/i;
/** Words that say what will or would happen: what a question about what will or would happen looks for. */
export const PREDICTION = /\b(?:will|would)\b/i;
/** Words that compare ("up by eighty-nine", "more than", "exceeded", "larger"): what a question that compares looks for. */
export const COMPARISON =
  /\b(?:more|less|fewer|than|exceed(?:s|ed|ing)?|up by|down by|(?:larg|bigg|great|high|low|small|strong|weak)(?:er|est)|worse|worst|better|best|increas(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|doubled|tripled|halved|fell|fallen|declin(?:e|es|ed|ing)|dropped)\b/i;
/**
 * Words that give a cause or purpose: what a "why" question looks for. Not a "since" that plainly tells a time: "ever
 * since", "since then", "since 2014", "since January", "since early / the end of…", or a year or "ago" within six words
 * ("since the dialogue was established in 2004"). Others still count ("since World War II", "since the annexation").
 */
const CAUSAL = /\b(because|(?<!ever )since(?!\s+(?:then|\d|(?:early|late|mid|last|the (?:start|beginning|end|early|late))\b|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:\S+\s+){0,6}?(?:1[89]\d\d|20\d\d|ago)\b))|due to|owing to|as a result|therefore|thus|hence|so that|in order to|reasons?|caused|causes|led to|leads to|aim(ed|s)? (at|to)|intended|in an attempt|the aim)\b/i;

/**
 * Discourse connectives that open a sentence going on from the one before: it adds to it, contrasts with it or draws
 * from it ("However, these growing threats…", "Furthermore, this has given way…", "At other times, …"). General English.
 */
const CONTINUATIVE = /^(?:however|furthermore|moreover|additionally|in addition|also|besides|henceforth|hence|thus|therefore|accordingly|consequently|as a result|and yet|yet|but|still|nevertheless|nonetheless|even so|that said|indeed|in fact|instead|in turn|similarly|likewise|by contrast|in contrast|on the other hand|at other times|otherwise|after all|in other words|meanwhile|in (?:this|that) (?:context|light|case)|against (?:this|that) (?:backdrop|background)|with (?:this|that) in mind|to (?:this|that) end|for (?:this|that) reason|in light of (?:this|that)|given (?:this|that|all (?:of )?this)(?=[,.]))\b/i;

/** Openers that refer back to the sentence before ("This format", "He", "On that occasion"). */
const ANAPHORIC = /^(this|these|that|those|it|its|he|she|they|their|his|her|such|there|on that occasion|at the same time|the (same|latter|former))\b/i;

/** One indexed document, without its text. */
export interface IndexedDocument {
  id: string;
  meta: DocumentMeta;
  hash: string;
  bytes: number;
  /** Sentences kept (article, byline and comments). */
  sentences: number;
  comments: number;
}

/** The built index in a JSON-friendly form: what is stored and loaded. */
export interface IndexData {
  schema: number;
  fingerprint: string;
  builtAt: string;
  documents: IndexedDocument[];
  sentences: Sentence[];
  /** Per sentence: its term ids in text order. */
  sentenceTerms: number[][];
  /** Per sentence: {@link FLAG} bits. */
  sentenceFlags: number[];
  /** Per document: the term ids of its title, outlet and authors. */
  headerTerms: number[][];
  /** Per document: the term ids of its outlet and authors only: who speaks in it, not what its title names. */
  sourceTerms: number[][];
  vocab: string[];
  /** Term of an English word → corpus terms sharing one of its first WordNet senses (see synonyms.ts). */
  synonyms: Record<string, string[]>;
  /** Lower-case word forms of the corpus with their counts, for spelling correction. */
  words: Record<string, number>;
  /** The world list's entities added to the glossary for this corpus (`SeedSet.worldEntities`). */
  worldEntities: string[];
  /**
   * The glossary the index was built with, the world list's entities added: a shard reads questions with it, not
   * with the seeds folder's glossary.json, which may have been edited since (the index is then stale until a reindex).
   */
  glossary: Glossary;
  warnings: string[];
}

/** Builds the index of a seed set. Pure apart from the clock (`builtAt`). */
export function buildIndex(seeds: SeedSet, nlp: Nlp): IndexData {
  const vocab: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(term);
      ids.set(term, id);
    }
    return id;
  };
  const documents: IndexedDocument[] = [];
  const sentences: Sentence[] = [];
  const sentenceTerms: number[][] = [];
  const sentenceFlags: number[] = [];
  const headerTerms: number[][] = [];
  const sourceTerms: number[][] = [];
  const words: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const file of seeds.files) {
    const blocks = classifyBlocks(file.text);
    const meta = inferMetadata(file.text, blocks, seeds.overrides[file.id]);
    const analysed = splitDocument(file.id, file.text, blocks, nlp);
    let comments = 0;
    let previous = new Set<string>();
    let before: AnalysedSentence['sentence'] | undefined;
    for (const { sentence, analysis } of analysed) {
      sentences.push({ id: sentences.length, ...sentence });
      sentenceTerms.push(analysis.terms.map(idOf));
      const anaphor = sentence.position > 0 || sentence.kind === 'article' ? refersBack(sentence.text, previous, nlp) : false;
      // Goes on from the sentence before (points back to it, or opens with a connective), one space after it in the same
      // paragraph: quoted with it, the two read as one passage of the file.
      const continues = (anaphor || CONTINUATIVE.test(sentence.text)) && before !== undefined && before.kind === sentence.kind && before.paragraph === sentence.paragraph && file.text.slice(before.end, sentence.start) === ' ';
      sentenceFlags.push((analysis.person ? FLAG.person : 0) | (analysis.number ? FLAG.number : 0) | (analysis.date ? FLAG.date : 0) | (anaphor ? FLAG.anaphor : 0) | (CAUSAL.test(sentence.text) ? FLAG.reason : 0) | (ADVICE.test(sentence.text) ? FLAG.advice : 0) | (PREDICTION.test(sentence.text) ? FLAG.prediction : 0) | (COMPARISON.test(sentence.text) ? FLAG.comparison : 0) | (continues ? FLAG.continues : 0));
      previous = new Set(analysis.terms);
      before = sentence;
      for (const w of analysis.words) words[w] = (words[w] ?? 0) + 1;
      if (sentence.kind === 'comment') comments++;
    }
    // The header is the title and the source: the source (outlet, authors) is read once and serves both.
    const source = analyseText([meta.outlet ?? '', ...meta.authors].join('. '), nlp).terms.map(idOf);
    sourceTerms.push(source);
    // The title's terms: those its headline sentence already read, when the title is that line (no second reading).
    const headline = analysed.find((a) => a.sentence.kind === 'title' && a.sentence.text === meta.title);
    headerTerms.push([...(headline !== undefined ? headlineOwnTerms(headline.analysis, nlp) : analyseText(meta.title, nlp).terms).map(idOf), ...source]);
    documents.push({ id: file.id, meta, hash: file.hash, bytes: file.bytes, sentences: analysed.length, comments });
  }
  return {
    schema: SCHEMA_VERSION,
    fingerprint: seeds.fingerprint,
    builtAt: new Date().toISOString(),
    documents,
    sentences,
    sentenceTerms,
    sentenceFlags,
    headerTerms,
    sourceTerms,
    vocab,
    synonyms: buildSynonyms((w) => wordTerm(w, nlp), (t) => ids.has(t), readWordnetTerms()),
    words,
    worldEntities: seeds.worldEntities,
    glossary: seeds.glossary,
    warnings: seeds.warnings,
  };
}

/** A sentence that opens by pointing back: a pronoun, or "The <noun>" naming something the sentence before said. */
function refersBack(text: string, previous: Set<string>, nlp: Nlp): boolean {
  if (ANAPHORIC.test(text)) return true;
  const definite = /^The ([A-Za-z-]+)/.exec(text);
  return definite !== null && previous.has(termOfWord(definite[1]!.toLowerCase(), 'word', nlp));
}
