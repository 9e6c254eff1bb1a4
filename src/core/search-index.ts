import type { IndexData } from './build-index.js';

/** Sentence kinds as small numbers, for typed arrays. */
export const KIND = { article: 0, byline: 1, comment: 2, dateline: 3, page: 4, title: 5, heading: 6 } as const;

/**
 * Lines quoted whole that stand outside the running text: page lines, the headline, section headings. They neither
 * lend words to the sentences around them nor borrow theirs (see rank.ts), and are left out of the word statistics
 * (`df`): a headline and headings repeat the article's topic words, which would make them look commoner.
 */
export const OUTSIDE_TEXT: ReadonlySet<number> = new Set([KIND.page, KIND.title, KIND.heading]);

/** The in-memory form of an index: typed arrays and postings, derived once at load. */
export interface SearchIndex {
  readonly data: IndexData;
  readonly size: number;
  readonly termId: ReadonlyMap<string, number>;
  /** Per term: pairs (sentence, tf) flattened. */
  readonly postings: Int32Array[];
  /** Per term: how many sentences of the running text have it ({@link OUTSIDE_TEXT} lines are not counted). */
  readonly df: Int32Array;
  /** Per term: the documents that have it in their header (title, outlet, authors). */
  readonly headerDocs: Map<number, number[]>;
  /** Per term: the documents whose outlet or authors have it (their sources). */
  readonly sourceDocs: Map<number, number[]>;
  readonly docOf: Int32Array;
  readonly paragraphOf: Int32Array;
  readonly kindOf: Uint8Array;
  /** Per sentence: 1 for a line {@link OUTSIDE_TEXT} (read in the ranking's inner loop, where a set lookup per neighbour cost time). */
  readonly outside: Uint8Array;
  /** Byline sentences, in order: what author questions choose from. */
  readonly bylines: Int32Array;
  /** Dateline sentences, in order: what "when was it published" questions choose from. */
  readonly datelines: Int32Array;
  /** Title (headline) sentences, in order: what "what is the headline" questions choose from. */
  readonly titles: Int32Array;
  /** Each document's first sentence of article text, in order: the line under its headline (a standfirst or a lede). */
  readonly leads: Int32Array;
  /** Per sentence: its FLAG bits. */
  readonly flagsOf: Uint16Array;
  /** Per sentence: {@link EDGE} bits, set on an article sentence of its document's first or last article paragraph. */
  readonly edgeOf: Uint8Array;
  readonly lengthOf: Float32Array;
  readonly averageLength: number;
  /** The stored synonym table and word counts as maps: a question word such as "constructor" must not reach Object.prototype. */
  readonly synonyms: ReadonlyMap<string, readonly string[]>;
  readonly wordCounts: ReadonlyMap<string, number>;
  /** Per term: 1 when it is among the {@link KEY_TERMS} most characteristic terms of some document (tf × document idf). */
  readonly keyTerm: Uint8Array;
}

/** Bits of {@link SearchIndex.edgeOf}: the article's opening paragraph (a standfirst, a lede) and its closing one. */
export const EDGE = { first: 1, last: 2 } as const;

/** How many characteristic terms each document contributes to {@link SearchIndex.keyTerm}. */
export const KEY_TERMS = 15;

/** Derives postings and per-sentence arrays from stored index data. O(total terms). */
export function openIndex(data: IndexData): SearchIndex {
  const size = data.sentences.length;
  const docNumber = new Map(data.documents.map((d, i) => [d.id, i]));
  const docOf = new Int32Array(size);
  const paragraphOf = new Int32Array(size);
  const kindOf = new Uint8Array(size);
  const lengthOf = new Float32Array(size);
  const counts = new Int32Array(data.vocab.length);
  const df = new Int32Array(data.vocab.length);
  let total = 0;
  let paragraph = -1;
  let lastDoc = '';
  let lastParagraph = -1;
  // tfOf[t] counts term t inside the current sentence; every touched entry is reset before the next one.
  const tfOf = new Int32Array(data.vocab.length);
  for (let s = 0; s < size; s++) {
    const sentence = data.sentences[s]!;
    docOf[s] = docNumber.get(sentence.doc) ?? -1;
    if (sentence.doc !== lastDoc || sentence.paragraph !== lastParagraph) paragraph++;
    lastDoc = sentence.doc;
    lastParagraph = sentence.paragraph;
    paragraphOf[s] = paragraph;
    kindOf[s] = KIND[sentence.kind as keyof typeof KIND] ?? KIND.article;
    const terms = data.sentenceTerms[s]!;
    lengthOf[s] = terms.length;
    total += terms.length;
    const counted = !OUTSIDE_TEXT.has(kindOf[s]!);
    for (const t of terms) {
      if (tfOf[t]!++ !== 0) continue;
      counts[t] = counts[t]! + 1;
      if (counted) df[t] = df[t]! + 1;
    }
    for (const t of terms) tfOf[t] = 0;
  }
  const postings = Array.from(counts, (c) => new Int32Array(c * 2));
  const fill = new Int32Array(data.vocab.length);
  for (let s = 0; s < size; s++) {
    const terms = data.sentenceTerms[s]!;
    for (const t of terms) tfOf[t] = tfOf[t]! + 1;
    for (const t of terms) {
      if (tfOf[t] === 0) continue;
      const p = postings[t]!;
      p[fill[t]!++] = s;
      p[fill[t]!++] = tfOf[t]!;
      tfOf[t] = 0;
    }
  }
  /** The sentences of one kind, in order. */
  const ofKind = (kind: number) => Int32Array.from(Array.from(kindOf).flatMap((k, s) => (k === kind ? [s] : [])));
  const keyTerm = keyTerms(data, docOf);
  const docsByTerm = (perDoc: number[][]) => {
    const out = new Map<number, number[]>();
    perDoc.forEach((terms, d) => {
      for (const t of new Set(terms)) {
        const list = out.get(t);
        if (list) list.push(d);
        else out.set(t, [d]);
      }
    });
    return out;
  };
  const headerDocs = docsByTerm(data.headerTerms);
  const sourceDocs = docsByTerm(data.sourceTerms);
  return {
    data,
    size,
    termId: new Map(data.vocab.map((t, i) => [t, i])),
    postings,
    df,
    headerDocs,
    sourceDocs,
    docOf,
    paragraphOf,
    kindOf,
    flagsOf: Uint16Array.from(data.sentenceFlags),
    edgeOf: edges(data, docOf),
    bylines: ofKind(KIND.byline),
    datelines: ofKind(KIND.dateline),
    titles: ofKind(KIND.title),
    leads: Int32Array.from(ofKind(KIND.article).filter((s, i, all) => i === 0 || docOf[all[i - 1]!] !== docOf[s])),
    outside: kindOf.map((k) => (OUTSIDE_TEXT.has(k) ? 1 : 0)),
    lengthOf,
    averageLength: size > 0 ? total / size : 1,
    synonyms: new Map(Object.entries(data.synonyms)),
    wordCounts: new Map(Object.entries(data.words)),
    keyTerm,
  };
}

/** Terms of dates and times: when a text was written, never what it is about. */
const TIME_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|januari|februari|march|april|may|june|juli|august|septemb|octob|novemb|decemb|year|month|week|day|ago|today|yesterday|tomorrow|recent|recently|time|last|next)$/;

/**
 * The terms that say what each document is about: its {@link KEY_TERMS} words with the
 * highest tf × log(1 + documents / document frequency), not phrases, negations,
 * numbers or {@link TIME_WORDS}. A question that shares none of them, and names no
 * glossary entity, is likely about something else. Two passes over the terms, typed arrays only.
 */
function keyTerms(data: IndexData, docOf: Int32Array): Uint8Array {
  const v = data.vocab.length;
  const usable = new Uint8Array(v);
  data.vocab.forEach((t, i) => (usable[i] = t.includes('_') || t.startsWith('!') || /^[\d+]/.test(t) || TIME_WORDS.test(t) ? 0 : 1));
  const docDf = new Int32Array(v);
  const lastDoc = new Int32Array(v).fill(-1);
  const docs = data.documents.length;
  for (let s = 0; s < data.sentenceTerms.length; s++) {
    const d = docOf[s]!;
    if (d < 0) continue;
    for (const t of data.sentenceTerms[s]!) {
      if (lastDoc[t] === d) continue;
      lastDoc[t] = d;
      docDf[t]!++;
    }
  }
  const out = new Uint8Array(v);
  const tf = new Int32Array(v);
  const touched: number[] = [];
  const flush = () => {
    const best = touched.filter((t) => usable[t] === 1).map((t) => [t, tf[t]! * Math.log(1 + docs / docDf[t]!)] as const);
    best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [t] of best.slice(0, KEY_TERMS)) out[t] = 1;
    for (const t of touched) tf[t] = 0;
    touched.length = 0;
  };
  let current = -1;
  for (let s = 0; s < data.sentenceTerms.length; s++) {
    const d = docOf[s]!;
    if (d < 0) continue;
    if (d !== current) {
      flush();
      current = d;
    }
    for (const t of data.sentenceTerms[s]!) if (tf[t]!++ === 0) touched.push(t);
  }
  flush();
  return out;
}

/** Per sentence: whether it is in its document's first or last paragraph of article text ({@link EDGE}). */
function edges(data: IndexData, docOf: Int32Array): Uint8Array {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  data.sentences.forEach((s, i) => {
    if (s.kind !== 'article') return;
    const d = docOf[i]!;
    if (!first.has(d)) first.set(d, s.paragraph);
    last.set(d, s.paragraph);
  });
  return Uint8Array.from(data.sentences, (s, i) => (s.kind !== 'article' ? 0 : (s.paragraph === first.get(docOf[i]!) ? EDGE.first : 0) | (s.paragraph === last.get(docOf[i]!) ? EDGE.last : 0)));
}
