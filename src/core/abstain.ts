import abstainModel from './abstain-model.json' with { type: 'json' };
import type { Query } from './question.js';
import type { Scored } from './rank.js';
import type { SearchIndex } from './search-index.js';
import { ENTITY_PREFIX } from './terms.js';

/** Whether a question touches what the corpus is about: a glossary entity, or a document's key word. */
export interface QuestionTopic {
  namesEntity: boolean;
  sharesKeyTerm: boolean;
  /** The question is about the asker's own affairs ({@link PERSONAL}): what no news corpus answers, whatever place it names. */
  personal: boolean;
}

/**
 * The asker's own affairs: "how do I renew…", "do I need a parka", "my VPN keeps dropping", "I'm in Tokyo next
 * week". Not a question about the news asked in the first person: "do I understand right that…", "my
 * question is…", "can you tell me…", "I heard that…" (none of those forms is matched).
 */
const PERSONAL = new RegExp(
  String.raw`\b(?:(?:do|can|could|should|shall|must|would) i (?!(?:understand|get|read|have (?:it|this|that) right|remember|recall|see|find|learn more|know|need to know|say|ask|tell|describe|call|quote|cite)\b)` +
    String.raw`|my (?!(?:question|understanding|reading|impression|guess|point|mistake|bad|take|view|opinion|thoughts?|head|mind)\b)` +
    String.raw`|i(?:[’']m| am|m) (?:in|at|going|travell?ing|visiting|heading|moving|flying|staying|planning|living|based)\b` +
    String.raw`|i (?:need|want) to (?:go|buy|visit|travel|get|find|book|move|fix|learn|cook|make|apply|renew|pay|rent)\b|near me\b)`,
  'i',
);

/**
 * Reads a question's {@link QuestionTopic}: its own words only, not the synonyms added to them. An entity
 * counts only when the corpus names it: the glossary knows every country, and "Germany" is no topic of a
 * corpus that never mentions it.
 */
export function questionTopic(query: Query, index: SearchIndex): QuestionTopic {
  return {
    namesEntity: query.entities.some((e) => index.termId.has(ENTITY_PREFIX + e)),
    sharesKeyTerm: query.terms.some((t) => t.synonym !== true && t.id !== undefined && index.keyTerm[t.id] === 1),
    personal: PERSONAL.test(query.text),
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
  const away = topic !== undefined && (topic.personal || (!topic.namesEntity && !topic.sharesKeyTerm));
  if (!top) return { selfCoverage: 0, windowCoverage: 0, intentMet: 0, logScore: 0, gap: 0, entityCoverage: 0, unknownShare: 1, maxMissing: 1, coreCoverage: 0, coreUnknown: 1, offTopic: away ? 1 : 0, personal: topic?.personal === true ? 1 : 0 };
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
    personal: topic?.personal === true ? 1 : 0,
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
