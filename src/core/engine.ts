import { questionTopic, shouldAbstain } from './abstain.js';
import { AnswerChecker, hasChecks, queryChecks, type CheckName } from './constraints.js';
import type { Answer, Hit } from './answer.js';
import { FLAG, type IndexData, type IndexedDocument } from './build-index.js';
import { entitySpans, type EntitySpan } from './glossary.js';
import type { Nlp } from './nlp.js';
import { defaultQueryParams, expandAbbreviations, parseQuestion, stripChat, type Query, type QueryParams } from './question.js';
import { defaultRankParams, idf, isGistLead, rankSentences, type RankParams, type Scored } from './rank.js';
import { hasLabel, labelledLists, listLineFor, type ListLine } from './labelled-lists.js';
import { KIND, openIndex, type SearchIndex } from './search-index.js';
import { correctSpelling } from './spelling-correction.js';
import { analyseText, escapeRegExp, termOfTextWord, termOfWord } from './terms.js';
import { sentenceKey, type Sentence } from './types.js';

/** Options of {@link Engine.ask}. */
export interface AskOptions {
  /** How many sentences at most. Default 3, at most 10. */
  k?: number;
  /** Skip this many results first (for "more"). Default 0. */
  offset?: number;
  /** Never abstain (benchmarks of ranking alone). Default false. */
  noAbstain?: boolean;
}

/** Questions longer than this are cut before analysis: no real question is longer, and cost stays bounded. */
export const MAX_QUESTION_CHARS = 1000;
/** How many sentences are scored in full before the cut to k. */
const POOL = 50;
/**
 * Questions about an article itself, answered by a line of its header: who wrote it (byline), when it came out (dateline),
 * what it is called (title); or by its first line of text, the line under its headline (lead).
 */
const HEADER_LINE = { author: KIND.byline, published: KIND.dateline, title: KIND.title, lead: KIND.article } as const;
/** What a header question lacks when the article it is about has no such line. */
const HEADER_MISSING = { [KIND.byline]: 'author', [KIND.dateline]: 'published', [KIND.title]: 'title' } as const;
/** An author question that asks for a person by what they do ("which reporter", "the journalist's name"), not only "who wrote". */
const PERSON_BYLINE = /\b(?:reporters?|journalists?|writers?|correspondents?|columnists?|authors?[’']?s? names?|names? of the (?:authors?|writers?|reporters?|journalists?))\b/i;
/**
 * "…any reporter name on the byline or no?", "…if any", "…or is it just credited to the site?": the question allows that
 * no person is credited; the byline tells.
 */
const NONE_ALLOWED = /\b(?:or (?:no|not|nah|none|nope)|if any|if there (?:is|was) one|(?:just|only|simply) (?:credited|attributed|bylined) to)\b/i;
/** "(in the comments,) who gets…": a question whose subject is who, with a verb after it; its names are objects. */
const WHO_SUBJECT = /(?:^|[,:;—–-]\s*)(?:so\s+|and\s+)?who\s+(?!(?:is|was|are|were|did|does|do|has|had|would|will|could|should|can)\b)\w+/i;
/** A header line is offered only for documents scoring at least this share of the best document's score for the question. */
const HEADER_SHARE = 0.5;
/** A labelled list is in play when one of its lines is among this many best sentences. */
const LIST_DEPTH = 5;
/**
 * A statement, then a question about it: "X sees Y as a threat — does Tokyo share that view?", "Qin 'released the
 * riddle in Berlin'. what was the riddle?" (group 1 the statement, group 2 the question: one, at the end).
 */
const ECHO_LEAD = /^([^?]{12,})(?:\s+[—–]+\s*|\s+-+\s+|[.!]+\s+)((?:so\s+|but\s+|and\s+)?(?:what|who|how|why|when|where|which|does|did|do|is|are|was|were|has|have|can|could|would|will)\b[^.!?—–]*\?\s*)$/is;
/** The least weight of a question term that counts as what only the question proper asks (see {@link Engine.echoNext}). */
const ECHO_WEIGHT = 0.7;
/** What a sentence that fails one of the question's answer checks keeps of its score. */
const CHECK_PENALTY = 0.5;
/** What a sentence that passes the checks but answers less than asked ({@link AnswerChecker.weaker}) keeps of its score. */
const WEAKER_PENALTY = 0.7;
/** How many of the best sentences are judged by the answer checks before the first is settled. */
const CHECK_DEPTH = 10;
/**
 * A sentence and the one that goes on from it are quoted together when the two take at most this many
 * characters: a longer quote is a paragraph to read, not an answer to see (the shared scorer likewise
 * stops counting a passage as the sentence it holds past 350 characters, or three times that sentence).
 */
const PASSAGE_CHARS = 350;
/** A quoted phrase whose referent is asked for is looked for among this many best sentences. */
const REFERENT_DEPTH = 3;
/** Quoted sentences whose words' terms are kept (see highlights). */
const WORD_TERMS_KEPT = 4096;

/** A text that opens a quotation it does not close: more opening curly marks than closing ones, or an odd number of straight ones. */
function opensQuotation(text: string): boolean {
  const opening = (text.match(/[“‘]/g) ?? []).length;
  const closing = (text.match(/[”’](?!\p{L})/gu) ?? []).length;
  return opening > closing || (text.match(/"/g) ?? []).length % 2 === 1;
}

/**
 * The ranking with `lead` first and `said` right after it, both above the best: the sentence that says who is meant
 * or who speaks, then the one that matched. `lead` keeps the evidence of `said` (abstention reads it).
 */
function leadWith(checked: { ranked: Scored[]; missing?: CheckName }, lead: number, said: Scored): { ranked: Scored[]; missing?: CheckName } {
  const top = checked.ranked[0]!.score;
  const rest = checked.ranked.filter((r) => r.sentence !== lead && r !== said);
  return { ...checked, ranked: [{ ...said, sentence: lead, score: top + 2e-6 }, { ...said, score: top + 1e-6 }, ...rest] };
}

/** The answering core: one index and one NLP instance. Never imports Discord or storage. */
export class Engine {
  readonly index: SearchIndex;
  private readonly checker: AnswerChecker;
  private readonly paragraphCounts = new Map<string, number>();
  /** Sentence id by {@link sentenceKey}, for "Context" buttons older than the index (built on first need). */
  private sentenceByKey: Map<string, number> | undefined;
  /** Each quoted sentence's words with their terms, read once: highlighting re-read them for every answer. */
  private readonly wordTerms = new Map<number, Array<[number, number, string]>>();
  /** Sentences that open with a label ("PAKISTAN: Gets more activity…"): candidates for {@link listLines}. */
  private readonly labelled = new Set<number>();
  /**
   * The corpus's labelled list lines by sentence id, read on the first question that ranks a labelled line high: reading
   * them needs the glossary's name patterns, whose first build (~0.6 s) must not delay the first answer.
   */
  private listLines: Map<number, ListLine> | undefined;

  constructor(data: IndexData, readonly nlp: Nlp, readonly params: RankParams = defaultRankParams, readonly queryParams: QueryParams = defaultQueryParams) {
    this.index = openIndex(data);
    this.checker = new AnswerChecker(this.index, nlp);
    for (const s of data.sentences) if (hasLabel(s.text)) this.labelled.add(s.id);
    for (const s of data.sentences) this.paragraphCounts.set(s.doc, Math.max(this.paragraphCounts.get(s.doc) ?? 0, s.paragraph + 1));
  }

  get documents(): IndexedDocument[] {
    return this.index.data.documents;
  }

  /**
   * The question read and ranked, before any cut to k or abstention: the best
   * sentences of the pool, and the answer check the first one fails, if any.
   * What {@link ask} decides from, and what calibration fits on.
   */
  rank(question: string): { query: Query; ranked: Scored[]; missing?: CheckName } {
    const text = stripChat(expandAbbreviations(question.normalize('NFKC').replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').slice(0, MAX_QUESTION_CHARS).trim()));
    const query = parseQuestion(text, this.index, this.nlp, this.queryParams);
    if (query.terms.length === 0) return { query, ranked: [] };
    const ranked = rankSentences(this.index, query, POOL, this.params);
    const header = HEADER_LINE[query.intent as keyof typeof HEADER_LINE];
    if (header === undefined) return { query, ...this.speakerFirst(query, this.referentFirst(query, this.check(query, this.echoNext(query, this.listFirst(query, this.garbleFirst(query, ranked)))))) };
    // A byline answers "who wrote the article about X" (a dateline "when was it published") only if its document is about X: the checks say.
    const lines = this.headerLinesFor(query, header).slice(0, POOL);
    // Another article's header line is no answer; the rest of the text still is, below the first lines asked for.
    const chosen = new Set(lines.map((l) => l.sentence));
    const rest = ranked.filter((r) => (header === KIND.article ? !chosen.has(r.sentence) : this.index.kindOf[r.sentence] !== header));
    const floor = rest[0]?.score ?? 0;
    const checked = this.check(query, [...lines.map((b) => ({ ...b, score: floor + b.score })), ...rest]);
    // Only a byline says who wrote an article ("…told the Global Times" does not), only a dateline when it came out, only a title what it is called.
    const top = checked.ranked[0];
    if (header !== KIND.article && top !== undefined && this.index.kindOf[top.sentence] !== header) return { query, ranked: checked.ranked, missing: checked.missing ?? HEADER_MISSING[header] };
    return { query, ...checked };
  }

  /** Answers a question with at most `k` attributed sentences, or says the corpus does not answer. */
  ask(question: string, options: AskOptions = {}): Answer {
    const k = Number.isFinite(options.k) ? Math.max(1, Math.min(10, Math.floor(options.k!))) : 3;
    const offset = Number.isFinite(options.offset) ? Math.max(0, Math.floor(options.offset!)) : 0;
    const { query, ranked, missing } = this.rank(question);
    if (query.terms.length === 0) return { kind: 'no-answer', query, reason: 'empty-question', suggestions: this.topics([]), nearMisses: [] };
    const hits = this.quotes(ranked, offset + k).slice(offset).map(([r, next]) => this.hit(r, query, next));
    // Nothing ranked, or a page past the last result ("More" pressed once too often): never an answer without hits.
    if (hits.length === 0) return { kind: 'no-answer', query, reason: 'no-match', suggestions: this.topics(ranked), nearMisses: [] };
    // A header line, or the lead of an article whose gist is asked, answers by where it stands: the question's other words
    // ("takeaway", "tl;dr") need not be the corpus's.
    const structural = query.intent in HEADER_LINE || isGistLead(this.index, query, ranked[0]!.sentence, this.params);
    if (!options.noAbstain && !structural && shouldAbstain(ranked, questionTopic(query, this.index, this.nlp))) {
      return { kind: 'no-answer', query, reason: 'low-confidence', suggestions: this.topics(ranked), nearMisses: hits };
    }
    if (!options.noAbstain && missing !== undefined) {
      return { kind: 'no-answer', query, reason: 'unsupported', missing, suggestions: this.topics(ranked), nearMisses: hits };
    }
    return { kind: 'answered', query, hits };
  }

  /**
   * A garble the glossary rewrites, asked about as the page has it ("what organization is \"The I'LL TAKE\" in the Time
   * News article?"): the best few sentences that carry it go first, as the ones the question quotes.
   */
  private garbleFirst(query: Query, ranked: Scored[]): Scored[] {
    // Compared in lower case, with one apostrophe: "I'LL TAKE" as typed is the page's "I’LL TAKE".
    const plain = (text: string) => text.toLowerCase().replace(/’/g, "'");
    const asked = plain(query.text);
    const garbles = this.nlp.glossary.rewrites.map((r) => plain(r.from)).filter((from) => from.length >= 4 && asked.includes(from));
    if (garbles.length === 0) return ranked;
    const carries = (r: Scored) => garbles.some((g) => plain(this.index.data.sentences[r.sentence]!.text).includes(g));
    const top = ranked.slice(0, LIST_DEPTH);
    const first = top.filter(carries);
    if (first.length === 0 || carries(ranked[0]!)) return ranked;
    const lift = ranked[0]!.score;
    return [...first.map((r, i) => ({ ...r, score: lift + (first.length - i) * 1e-6 })), ...ranked.filter((r) => !first.includes(r))];
  }

  /**
   * "Washington sees the Kremlin as a major security threat — does Tokyo share that view?": a statement the question
   * opens with, then asks about. When the best sentence is the one the statement echoes (it shares none of the words
   * only the ask has), the sentence right before or after it in the same paragraph that shares at least two of them
   * goes first: the text goes on to answer what is asked about what it just said. It takes the evidence of the
   * sentence that matched (abstention reads it); the checks may still sink it.
   */
  private echoNext(query: Query, ranked: Scored[]): Scored[] {
    const split = ECHO_LEAD.exec(query.text);
    const top = ranked[0];
    if (split === null || top === undefined) return ranked;
    const lead = new Set(analyseText(split[1]!, this.nlp).terms);
    const asked = new Set(analyseText(split[2]!, this.nlp).terms);
    const own = query.terms.filter((t) => t.id !== undefined && !t.synonym && !t.describes && t.weight >= ECHO_WEIGHT && asked.has(t.term) && !lead.has(t.term)).map((t) => t.id!);
    if (own.length < 2) return ranked;
    const shared = (sentence: number) => own.filter((id) => this.index.data.sentenceTerms[sentence]!.includes(id)).length;
    const echoed = lead.size > 0 && shared(top.sentence) === 0;
    if (!echoed) return ranked;
    const { paragraphOf, docOf } = this.index;
    // The one that shares more of the ask's words; the one after on a tie (the text goes on from what it said).
    const next = [top.sentence + 1, top.sentence - 1].filter((n) => n >= 0 && n < docOf.length && docOf[n] === docOf[top.sentence] && paragraphOf[n] === paragraphOf[top.sentence] && shared(n) >= 2).sort((a, b) => shared(b) - shared(a));
    if (next.length === 0) return ranked;
    const at = ranked.findIndex((r) => r.sentence === next[0]);
    const answer = at >= 0 ? ranked[at]! : { ...top, sentence: next[0]!, maxMissing: 0 };
    return [{ ...answer, score: top.score + 1e-6 }, ...ranked.filter((r) => r.sentence !== next[0])];
  }

  /**
   * A labelled list among the best few ("CHINA: Gets revenue…", "PAKISTAN: Gets more activity…"): the line whose
   * label is what the question asks about goes first, however many words its siblings or the post around them share
   * with the question. A list in reader comments only when the question asks about comments.
   */
  private listFirst(query: Query, ranked: Scored[]): Scored[] {
    // "Who gets revenue from Japan…": the label is what is asked, not what the question names.
    if (ranked.length < 2 || WHO_SUBJECT.test(query.text) || !ranked.slice(0, LIST_DEPTH).some((r) => this.labelled.has(r.sentence))) return ranked;
    this.listLines ??= labelledLists(this.index.data.sentences, this.nlp.glossary);
    const found = listLineFor(query.text, ranked, this.listLines, this.nlp.glossary, LIST_DEPTH);
    if (found === undefined || found.line === ranked[0]!.sentence) return ranked;
    if (this.index.kindOf[found.line] === KIND.comment && !query.wantsComments) return ranked;
    // A line the ranking did not reach takes the evidence of its sibling that did (abstention reads it): the list matched.
    const at = ranked.findIndex((r) => r.sentence === found.line);
    const own = at >= 0 ? ranked[at]! : { ...ranked[found.ranked]!, sentence: found.line, maxMissing: 0 };
    // Just above the first: the checks may still sink it.
    return [{ ...own, score: ranked[0]!.score + 1e-6 }, ...ranked.filter((r) => r.sentence !== found.line)];
  }

  /**
   * "Brown says Japan doesn't share 'its ally's concerns': which ally?": when one of the best few sentences says the
   * quoted phrase, the sentence before it that names someone (the nearest of the two before, else the one right
   * before) goes first, as the one that says who is meant; the sentence that says the phrase follows it. The pair
   * keeps the evidence of the sentence that matched (abstention reads it).
   */
  private referentFirst(query: Query, checked: { ranked: Scored[]; missing?: CheckName }): { ranked: Scored[]; missing?: CheckName } {
    if (query.referent === undefined) return checked;
    const { ranked } = checked;
    const sentences = this.index.data.sentences;
    const phrase = plainWords(query.referent);
    const at = ranked.slice(0, REFERENT_DEPTH).findIndex((r) => plainWords(sentences[r.sentence]!.text).includes(phrase));
    if (at < 0) return checked;
    const said = ranked[at]!;
    // "bombed … Serbia and took Kosovo away from this nation": a name the question does not give, before the phrase in
    // the same sentence, is what the phrase points back to; the sentence answers on its own.
    const text = sentences[said.sentence]!.text;
    const phraseAt = new RegExp(phrase.trim().split(' ').map(escapeRegExp).join('[^\\p{L}\\p{N}]+'), 'iu').exec(text)?.index ?? 0;
    const asked = new Set(query.entities);
    if (entitySpans(text, this.nlp.glossary).some((e) => !asked.has(e.entity) && e.end <= phraseAt)) return checked;
    const sameText = (b: number) => b >= 0 && this.index.docOf[b] === this.index.docOf[said.sentence] && this.index.kindOf[b] === this.index.kindOf[said.sentence];
    const before = [said.sentence - 1, said.sentence - 2].filter(sameText);
    if (before.length === 0) return checked;
    const named = before.find((b) => entitySpans(sentences[b]!.text, this.nlp.glossary).length > 0) ?? before[0]!;
    return leadWith(checked, named, said);
  }

  /**
   * "Who said Japan could 'sit home and watch Sony television'?": when the best sentence is the rest of a quotation
   * that the sentence before it opened (an opening mark left unclosed there) and names nobody, that sentence, which
   * names who is quoted, goes first; the quoted words follow it. The pair keeps the evidence of the sentence that matched.
   */
  private speakerFirst(query: Query, checked: { ranked: Scored[]; missing?: CheckName }): { ranked: Scored[]; missing?: CheckName } {
    const said = checked.ranked[0];
    if (query.intent !== 'person' || said === undefined || (this.index.flagsOf[said.sentence]! & FLAG.person) !== 0) return checked;
    const before = said.sentence - 1;
    if (before < 0 || this.index.paragraphOf[before] !== this.index.paragraphOf[said.sentence] || this.index.kindOf[before] !== this.index.kindOf[said.sentence]) return checked;
    if ((this.index.flagsOf[before]! & FLAG.person) === 0 || !opensQuotation(this.index.data.sentences[before]!.text)) return checked;
    return leadWith(checked, before, said);
  }

  /**
   * "What's Brown's full name?": an author is spelt out in his byline, which his article's longer lines outrank; the
   * bylines that spell out a name asked are offered at the best score (the checks order them with the lines that spell it out).
   */
  private withBylinesNaming(names: readonly string[], ranked: Scored[]): Scored[] {
    const top = ranked[0]!;
    const spelt = [...this.index.bylines].filter((b) => !ranked.some((r) => r.sentence === b) && names.some((n) => this.index.data.sentences[b]!.text.toLowerCase().includes(n.toLowerCase())));
    return spelt.length === 0 ? ranked : [...spelt.map((b) => ({ ...top, sentence: b })), ...ranked];
  }

  /**
   * The question's answer checks against the ranking: a sentence that fails one
   * counts for {@link CHECK_PENALTY} of its score, so the best sentence that passes
   * them all goes first unless it is much weaker. When the first sentence still
   * fails, the check it fails says what the corpus lacks.
   */
  private check(query: Query, pooled: Scored[]): { ranked: Scored[]; missing?: CheckName } {
    if (pooled.length === 0) return { ranked: pooled };
    const checks = queryChecks(query, this.index, this.nlp);
    if (!hasChecks(checks)) return { ranked: pooled };
    const ranked = checks.fullName ? this.withBylinesNaming(checks.fullName, pooled) : pooled;
    // "What did Blinken say…": a speaker the corpus never names (nor a misspelling of one it does) said nothing in it.
    if (checks.statement?.names?.some((w) => !this.index.termId.has(termOfWord(w.toLowerCase(), 'word', this.nlp)) && correctSpelling(w, this.index) === undefined)) return { ranked, missing: 'person' };
    const failed = new Map<Scored, CheckName | undefined>();
    const judge = (r: Scored): Scored => {
      const failure = this.checker.failure(r.sentence, checks, ranked);
      const out = failure === undefined ? (this.checker.weaker(r.sentence, checks) ? { ...r, score: r.score * WEAKER_PENALTY } : r) : { ...r, score: r.score * CHECK_PENALTY };
      failed.set(out, failure);
      return out;
    };
    const order = (a: Scored, b: Scored) => b.score - a.score || a.sentence - b.sentence;
    // The best few are judged; below them only what rises to the top (a judged sentence can lose half its score).
    const best = ranked.slice(0, CHECK_DEPTH).map(judge);
    // "Which European powers…" where the passage that best matches says only "some European powers", "what's the name
    // of the US submarine" where it speaks of submarines unnamed: the corpus does not say which, nor the name, and a
    // weaker passage that never speaks of them does not either.
    const first = failed.get(best[0]!);
    if (first === 'which' || first === 'name' || first === 'expansion') return { ranked, missing: first };
    const out = [...best, ...ranked.slice(CHECK_DEPTH)].sort(order);
    while (!failed.has(out[0]!)) {
      // Judge the first; one that fails sinks to its place (binary search: no full sort per step).
      const r = judge(out.shift()!);
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (order(out[mid]!, r) < 0) lo = mid + 1;
        else hi = mid;
      }
      out.splice(lo, 0, r);
    }
    const missing = failed.get(out[0]!);
    if (missing !== 'statement') return { ranked: out, missing };
    // "How did X react to Y": the first sentence tells Y but reports no words; a reaction is told
    // after the event, so the sentence right after it, when it passes, answers in its place.
    const top = out[0]!;
    // The next sentence of the same text: not a reader comment that follows the article's last sentence.
    const next = out.findIndex((r, i) => i > 0 && i < CHECK_DEPTH && r.sentence === top.sentence + 1 && this.index.docOf[r.sentence] === this.index.docOf[top.sentence] && this.index.kindOf[r.sentence] === this.index.kindOf[top.sentence]);
    if (next < 0) return { ranked: out, missing };
    const judged = failed.has(out[next]!) ? out[next]! : judge(out[next]!);
    if (failed.get(judged) !== undefined) return { ranked: out, missing };
    out.splice(next, 1);
    out.unshift({ ...judged, score: top.score });
    return { ranked: out };
  }

  /**
   * The sentences around one, in order (for "Context"): same document, and the same kind of text (an
   * article's last sentence is not followed by the reader comments under it, nor its first preceded by
   * the byline). With a {@link sentenceKey}, the sentence is the one that key names (found again after a
   * reindex renumbered the sentences), and nothing when it is no longer in the index.
   */
  context(sentenceId: number, radius = 2, key?: string): Sentence[] {
    const all = this.index.data.sentences;
    let focus = all[sentenceId];
    if (key !== undefined && (focus === undefined || sentenceKey(focus) !== key)) {
      // Built on the first button that missed (after a reindex): one pass, then a lookup per press.
      this.sentenceByKey ??= new Map(all.map((s) => [sentenceKey(s), s.id]));
      const id = this.sentenceByKey.get(key);
      focus = id === undefined ? undefined : all[id];
    }
    if (focus === undefined) return [];
    const { id, doc, kind } = focus;
    return all.slice(Math.max(0, id - radius), id + radius + 1).filter((s) => s.doc === doc && s.kind === kind);
  }

  /** Where a text names a glossary entity or person ("and Russia?"): for reading a follow-up against the question before. */
  namesIn(text: string): EntitySpan[] {
    return entitySpans(text, this.nlp.glossary);
  }

  /** A document's most important sentences: highest average idf-weighted term frequency within the document. */
  summary(docId: string, n = 3): Sentence[] {
    const sentences = this.index.data.sentences.filter((s) => s.doc === docId && s.kind === 'article');
    const tf = new Map<number, number>();
    for (const s of sentences) for (const t of this.index.data.sentenceTerms[s.id]!) tf.set(t, (tf.get(t) ?? 0) + 1);
    const weight = (s: Sentence) => {
      const terms = this.index.data.sentenceTerms[s.id]!;
      const sum = terms.reduce((acc, t) => acc + (tf.get(t) ?? 0) * idf(this.index, this.index.df[t]!), 0);
      return terms.length >= 6 ? sum / Math.sqrt(terms.length) : 0;
    };
    return [...sentences].sort((a, b) => weight(b) - weight(a) || a.id - b.id).slice(0, n).sort((a, b) => a.id - b.id);
  }

  /** Byline (dateline, title, first article) sentences of the documents the question is about, best document first. */
  private headerLinesFor(query: Query, kind: number): Scored[] {
    const docScore = new Float64Array(this.documents.length);
    for (const q of query.terms) {
      // What the question is about, not how it asks: framing words ("article", "published") and synonyms do not choose the document.
      if (q.id === undefined || q.synonym === true || q.weight <= this.queryParams.framing) continue;
      const w = idf(this.index, this.index.df[q.id]!) * q.weight;
      for (const d of this.index.headerDocs.get(q.id) ?? []) docScore[d] = docScore[d]! + 2 * w;
      const seen = new Set<number>();
      const p = this.index.postings[q.id]!;
      for (let i = 0; i < p.length; i += 2) seen.add(this.index.docOf[p[i]!]!);
      for (const d of seen) docScore[d] = docScore[d]! + w;
    }
    const out: Scored[] = [];
    // "The name of the reporter who wrote…" asks for a person: "by time news" names only the outlet.
    // Only before the writing verb: "who wrote the article saying journalists broke the news" asks who wrote, no more.
    const person = kind === KIND.byline && !NONE_ALLOWED.test(query.text) && PERSON_BYLINE.test(query.text.split(/\b(?:wrote|writes|written|authored|penned|behind|co-?wrote|co-?authored|worked|collaborated|contributed)\b/i)[0]!);
    for (const i of kind === KIND.byline ? this.index.bylines : kind === KIND.dateline ? this.index.datelines : kind === KIND.title ? this.index.titles : this.index.leads) {
      const d = this.index.docOf[i]!;
      if (docScore[d]! > 0) out.push({ sentence: i, score: docScore[d]!, selfCoverage: 1, windowCoverage: 1, intentMet: true, entityCoverage: 1, unknownShare: 0, maxMissing: 0, coreCoverage: 1, coreUnknown: 0 });
    }
    out.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
    // Only the documents the question is mostly about: another article's byline or date is no second answer.
    const best = out[0]?.score ?? 0;
    const named = (b: Scored) => (this.index.flagsOf[b.sentence]! & FLAG.person) !== 0;
    // The article most about the question credits no person: another article's writers are no answer.
    if (person && out[0] !== undefined && !named(out[0])) return [];
    return out.filter((b) => b.score >= HEADER_SHARE * best && (!person || named(b)));
  }

  /**
   * The first `n` quotes of a ranking: each sentence with the sentence that goes on from it ({@link FLAG.continues})
   * when the two are short enough together, and no sentence quoted twice (a sentence already quoted as another's
   * continuation is not listed again, nor is one listed earlier taken as a continuation).
   */
  private quotes(ranked: Scored[], n: number): Array<[Scored, number | undefined]> {
    const { flagsOf, docOf, data } = this.index;
    const quoted = new Set<number>();
    const out: Array<[Scored, number | undefined]> = [];
    for (const r of ranked) {
      if (out.length >= n) break;
      if (quoted.has(r.sentence)) continue;
      const next = r.sentence + 1;
      const goesOn = next < data.sentences.length && (flagsOf[next]! & FLAG.continues) !== 0 && docOf[next] === docOf[r.sentence] && !quoted.has(next) && data.sentences[next]!.end - data.sentences[r.sentence]!.start <= PASSAGE_CHARS;
      quoted.add(r.sentence);
      if (goesOn) quoted.add(next);
      out.push([r, goesOn ? next : undefined]);
    }
    return out;
  }

  private hit(r: Scored, query: Query, next?: number): Hit {
    const sentence = this.index.data.sentences[r.sentence]!;
    const continuation = next === undefined ? undefined : this.index.data.sentences[next]!;
    const doc = this.documents[this.index.docOf[r.sentence]!]!;
    const highlights = this.highlights(sentence, query);
    // The continuation's words, at their place in the quote (after the sentence and one space).
    if (continuation !== undefined) for (const [a, b] of this.highlights(continuation, query)) highlights.push([a + sentence.text.length + 1, b + sentence.text.length + 1]);
    return {
      sentence,
      ...(continuation !== undefined && { continuation }),
      score: Math.round(r.score * 1000) / 1000,
      meta: doc.meta,
      location: { paragraph: sentence.paragraph + 1, sentence: sentence.position + 1, paragraphs: this.paragraphCounts.get(doc.id) ?? 0 },
      highlights,
    };
  }

  private highlights(sentence: Sentence, query: Query): Array<[number, number]> {
    const wanted = new Set(query.terms.filter((q) => q.weight >= 0.5).map((q) => q.term));
    let words = this.wordTerms.get(sentence.id);
    if (words === undefined) {
      words = [];
      for (const m of sentence.text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
        words.push([m.index, m.index + m[0].length, termOfTextWord(m[0], this.nlp)]);
        // wink reads a hyphenated word as its parts ("Indo-Pacific", "Japan-led"): each part is a word the question may have.
        if (!m[0].includes('-')) continue;
        for (const part of m[0].matchAll(/[^-]+/g)) words.push([m.index + part.index, m.index + part.index + part[0].length, termOfTextWord(part[0], this.nlp)]);
      }
      // Bounded: a big corpus's every sentence is never worth keeping.
      if (this.wordTerms.size >= WORD_TERMS_KEPT) this.wordTerms.clear();
      this.wordTerms.set(sentence.id, words);
    }
    const out: Array<[number, number]> = [];
    for (const [start, end, term] of words) if (wanted.has(term)) out.push([start, end]);
    return out;
  }

  /** Titles of the documents nearest the question, or of all documents. */
  private topics(ranked: Scored[]): string[] {
    const seen = new Set<number>();
    for (const r of ranked) seen.add(this.index.docOf[r.sentence]!);
    const docs = seen.size > 0 ? [...seen] : this.documents.map((_, i) => i);
    return docs.slice(0, 3).map((d) => this.documents[d]!.meta.title);
  }
}

/**
 * Lower-case words of a text, every run of other characters one space, and one space at each end: a phrase a question
 * quotes with a straight apostrophe ("its ally's concerns") is found in a sentence written with a curly one. Unlike
 * glossary.ts's spacedWords, which keeps apostrophes, points and hyphens inside words for glossary forms.
 */
function plainWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}
