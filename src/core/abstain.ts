import abstainModel from './abstain-model.json' with { type: 'json' };
import type { Query } from './question.js';
import type { Scored } from './rank.js';
import type { SearchIndex } from './search-index.js';
import { ENTITY_PREFIX } from './terms.js';

/** Whether a question touches what the corpus is about: a glossary entity, or a document's key word. */
export interface QuestionTopic {
  namesEntity: boolean;
  sharesKeyTerm: boolean;
}

/**
 * Reads a question's {@link QuestionTopic}: its own words only, not the synonyms added to them. An entity
 * counts only when the corpus names it: the glossary knows every country, and "Germany" is no topic of a
 * corpus that never mentions it.
 */
export function questionTopic(query: Query, index: SearchIndex): QuestionTopic {
  return {
    namesEntity: query.entities.some((e) => index.termId.has(ENTITY_PREFIX + e)),
    sharesKeyTerm: query.terms.some((t) => t.synonym !== true && t.id !== undefined && index.keyTerm[t.id] === 1),
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
  const away = topic !== undefined && !topic.namesEntity && !topic.sharesKeyTerm;
  if (!top) return { selfCoverage: 0, windowCoverage: 0, intentMet: 0, logScore: 0, gap: 0, entityCoverage: 0, unknownShare: 1, maxMissing: 1, coreCoverage: 0, coreUnknown: 1, offTopic: away ? 1 : 0 };
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
