import abstainModel from './abstain-model.json' with { type: 'json' };
import type { Query } from './question.js';
import type { Scored } from './rank.js';
import type { SearchIndex } from './search-index.js';
import everyday from './everyday.json' with { type: 'json' };
import { ENTITY_PREFIX, escapeRegExp, termOfTextWord } from './terms.js';
import type { Nlp } from './nlp.js';

/** Whether a question touches what the corpus is about: a glossary entity, or a document's key word. */
export interface QuestionTopic {
  namesEntity: boolean;
  sharesKeyTerm: boolean;
  /** The question is about the asker's own affairs ({@link PERSONAL}): what no news corpus answers, whatever place it names. */
  personal: boolean;
  /** The question asks about everyday life (food, weather, travel, sport, gadgets: `everyday.json`), which the corpus is not about. */
  everyday: boolean;
}

/** `everyday.json`'s words, matched as written (lower case). */
const EVERYDAY_WORDS: ReadonlySet<string> = new Set(everyday.words.map((w) => w.toLowerCase()));
/** `everyday.json`'s phrases: words in order, each with an optional s, es, ing or ed, spaces or hyphens between; with their last word. */
const EVERYDAY_PHRASES = everyday.phrases.map((phrase) => {
  const words = phrase.toLowerCase().trim().split(/\s+/);
  return { re: new RegExp(String.raw`\b${words.map((w) => escapeRegExp(w) + '(?:s|es|ing|ed)?').join(String.raw`[\s-]+`)}\b`, 'i'), last: words.at(-1)! };
});

/** Per index: whether the corpus uses each `everyday.json` phrase (found once, on the first question that has it). */
const phrasesUsed = new WeakMap<SearchIndex, Map<(typeof EVERYDAY_PHRASES)[number], boolean>>();

/** Whether some sentence of the corpus has the phrase: looked for only in the sentences with its last word. */
function corpusUses(phrase: (typeof EVERYDAY_PHRASES)[number], index: SearchIndex, nlp: Nlp): boolean {
  let used = phrasesUsed.get(index);
  if (used === undefined) phrasesUsed.set(index, (used = new Map()));
  let found = used.get(phrase);
  if (found === undefined) {
    const id = index.termId.get(termOfTextWord(phrase.last, nlp));
    const postings = id === undefined ? undefined : index.postings[id]!;
    found = false;
    for (let i = 0; postings !== undefined && i < postings.length && !found; i += 2) found = phrase.re.test(index.data.sentences[postings[i]!]!.text);
    used.set(phrase, found);
  }
  return found;
}

/**
 * Whether a question asks about everyday life: one of its words is an `everyday.json` word as written (a
 * plural allowed; not by stem: "hike" is not "hiking") that no document is about (a corpus on football keeps
 * "football" on topic: it is a key word), or it has one of the file's phrases that the corpus never uses (a
 * corpus that mentions the World Cup may answer about it).
 */
function asksEveryday(query: Query, index: SearchIndex, nlp: Nlp): boolean {
  const onTopic = (word: string) => {
    const id = index.termId.get(termOfTextWord(word, nlp));
    return id !== undefined && index.keyTerm[id] === 1;
  };
  const text = query.text.toLowerCase().replace(/[’ʼ]/g, "'");
  for (const [word] of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu)) {
    const bare = word.replace(/'s$/, '');
    const form = [bare, bare.replace(/s$/, ''), bare.replace(/es$/, ''), bare.replace(/ies$/, 'y')].find((w) => EVERYDAY_WORDS.has(w));
    if (form !== undefined && !onTopic(form)) return true;
  }
  return EVERYDAY_PHRASES.some((p) => p.re.test(text) && !corpusUses(p, index, nlp));
}

/** Words that ask for information, not a thing: "could I get a summary", "do I need a source". */
const INFO = String.raw`(?!(?:summary|source|link|list|quote|overview|answer|recap|sense|feel|clue|idea|hint|better\s+(?:idea|sense|answer))\b)`;
/** What a person does about their own affairs: travel, papers, shopping, fixing, cooking ("need a visa", "buy", "renew", "get a SIM card"). */
const PRACTICAL = String.raw`(?:need\s+(?:a\s+${INFO}|an\s+${INFO}|(?:some|any)\s+(?:kind|sort|type)\s+of\s+|to\s+(?!(?:know|understand|read|see|learn\s+(?:more|about)|ask|find\s+out)\b)|cash|money|visas?)|buy|book|apply|renew|pay|fly|bring|pack|wear|rent|order|register|install|cook|boil|fix|stop|change|reset|travel|visit|move|go\s+(?:to|from)|get\s+(?:(?:a|an)\s+${INFO}|from|to|rid|there|around|into)|find\s+(?:a|an|good|cheap|decent|somewhere|the\s+(?:best|cheapest|nearest))|call\s+(?:an?|the\s+police)|eat|drink|stay|tip|exchange|learn\s+(?:japanese|russian|chinese|to)|use)\b`;

/**
 * The asker's own affairs: "how do I renew…", "do I need a visa", "my VPN keeps dropping", "I'm in Tokyo next
 * week", "we're flying to Tokyo", "near me". Not a question about the news asked in the first person: "can you
 * tell me…", "I heard…", "should I expect Japan to…", "what should I make of…", "I'm at a loss: why…", "my friend
 * says…", "I'm going to ask again:…", "do I need to know…", "could I get a summary…" (none of those forms is matched).
 */
const PERSONAL = new RegExp(
  String.raw`\b(?:do|can|could|should|shall|must|would|will)\s+(?:i|we)\s+${PRACTICAL}` +
    String.raw`|\b(?:i|we)(?:\s+(?:need|want|have|plan|would\s+like)\s+to|['’]d\s+like\s+to|\s+wanna|['’]ll|\s+will|['’]m\s+gonna|\s+need)\s+${PRACTICAL}` +
    String.raw`|\bmy\s+[\w-]+(?:\s+(?:to|from|in|at|for|on)\s+[\w-]+)?\s+(?:keeps|kept|won['’]?t|isn['’]?t|doesn['’]?t|didn['’]?t|got|gets|broke|stopped|(?:is|was)\s+(?:broken|cancell?ed|stolen|lost|delayed|expiring|expired))\b` +
    String.raw`|\b(?:renew|fix|change|reset|cancel|extend|replace|stop|charge|unlock|clean|on)\s+my\s+(?!(?:view|opinion|mind|head|question|understanding|reading|part|side|behalf)\b)` +
    String.raw`|\b(?:i(?:['’ʼ\x60]?m|\s+am|['’]ll\s+be|\s+will\s+be)|we(?:['’]re|\s+are|['’]ll\s+be|\s+will\s+be))\s+(?:currently\s+|now\s+|still\s+)?` +
    String.raw`(?:in|at|visiting|travell?ing\s+to|heading\s+to|moving\s+to|flying\s+to|going\s+to|staying\s+in|living\s+in|based\s+in)\s+` +
    String.raw`(?!(?:agreement|favou?r|doubt|two\s+minds|the\s+middle|a\s+loss|the\s+same\s+boat|a\s+hurry|ask|say|write|read|argue|explain|quote|repeat|need|be|have|try)\b)` +
    String.raw`|\bnear\s+me\b`,
  'i',
);

/**
 * Reads a question's {@link QuestionTopic}: its own words only, not the synonyms added to them. An entity
 * counts only when the corpus names it: the glossary knows every country, and "Germany" is no topic of a
 * corpus that never mentions it.
 */
export function questionTopic(query: Query, index: SearchIndex, nlp: Nlp): QuestionTopic {
  return {
    namesEntity: query.entities.some((e) => index.termId.has(ENTITY_PREFIX + e)),
    sharesKeyTerm: query.terms.some((t) => t.synonym !== true && t.id !== undefined && index.keyTerm[t.id] === 1),
    personal: PERSONAL.test(query.text),
    everyday: asksEveryday(query, index, nlp),
  };
}

/** Features of a question's best sentence that tell an answer from a near miss. */
export interface AbstainFeatures {
  selfCoverage: number;
  windowCoverage: number;
  intentMet: number;
  logScore: number;
  /** Relative gap between the first and second scores, 0..1. */
  gap: number;
  entityCoverage: number;
  unknownShare: number;
  maxMissing: number;
  coreCoverage: number;
  coreUnknown: number;
  /**
   * When the question names no entity of the glossary and none of the words that say what a
   * document is about (football, hiragana, wifi): the share of its own words' mass the best
   * sentence leaves uncovered; else 0. A question the sentence covers is on its topic whatever
   * the document's key words are.
   */
  offTopic: number;
  /** 1 when the question is about the asker's own affairs ({@link QuestionTopic.personal}). */
  personal: number;
}

/** A logistic model over {@link AbstainFeatures}, fitted by `npm run calibrate`. */
export interface AbstainModel {
  weights: Partial<Record<keyof AbstainFeatures, number>>;
  bias: number;
  /** Answer when the probability is at least this. */
  threshold: number;
}

/** The features of a ranking's first sentence. */
export function abstainFeatures(ranked: Scored[], topic?: QuestionTopic): AbstainFeatures {
  const top = ranked[0];
  const personal = topic?.personal === true ? 1 : 0;
  const away = topic !== undefined && (topic.personal || topic.everyday || (!topic.namesEntity && !topic.sharesKeyTerm));
  if (!top) return { selfCoverage: 0, windowCoverage: 0, intentMet: 0, logScore: 0, gap: 0, entityCoverage: 0, unknownShare: 1, maxMissing: 1, coreCoverage: 0, coreUnknown: 1, offTopic: away ? 1 : 0, personal };
  const second = ranked[1]?.score ?? 0;
  return {
    selfCoverage: top.selfCoverage,
    windowCoverage: top.windowCoverage,
    intentMet: top.intentMet ? 1 : 0,
    logScore: Math.log1p(Math.max(0, top.score)),
    gap: top.score > 0 ? (top.score - second) / top.score : 0,
    entityCoverage: top.entityCoverage,
    unknownShare: top.unknownShare,
    maxMissing: top.maxMissing,
    coreCoverage: top.coreCoverage,
    coreUnknown: top.coreUnknown,
    offTopic: away ? 1 - top.coreCoverage : 0,
    personal,
  };
}

/** Probability that the best sentence answers the question. */
export function answerProbability(f: AbstainFeatures, model: AbstainModel = abstainModel as AbstainModel): number {
  let z = model.bias;
  for (const key of Object.keys(model.weights) as Array<keyof AbstainFeatures>) z += (model.weights[key] ?? 0) * f[key];
  return 1 / (1 + Math.exp(-z));
}

/** True when the corpus should be said not to answer. */
export function shouldAbstain(ranked: Scored[], topic?: QuestionTopic, model: AbstainModel = abstainModel as AbstainModel): boolean {
  if (ranked.length === 0) return true;
  return answerProbability(abstainFeatures(ranked, topic), model) < model.threshold;
}
