import abstainModel from './abstain-model.json' with { type: 'json' };
import type { Scored } from './rank.js';

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
}

/** A logistic model over {@link AbstainFeatures}, fitted by `npm run calibrate`. */
export interface AbstainModel {
  weights: Partial<Record<keyof AbstainFeatures, number>>;
  bias: number;
  /** Answer when the probability is at least this. */
  threshold: number;
}

/** The features of a ranking's first sentence. */
export function abstainFeatures(ranked: Scored[]): AbstainFeatures {
  const top = ranked[0];
  if (!top) return { selfCoverage: 0, windowCoverage: 0, intentMet: 0, logScore: 0, gap: 0, entityCoverage: 0, unknownShare: 1, maxMissing: 1 };
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
  };
}

/** Probability that the best sentence answers the question. */
export function answerProbability(f: AbstainFeatures, model: AbstainModel = abstainModel as AbstainModel): number {
  let z = model.bias;
  for (const key of Object.keys(model.weights) as Array<keyof AbstainFeatures>) z += (model.weights[key] ?? 0) * f[key];
  return 1 / (1 + Math.exp(-z));
}

/** True when the corpus should be said not to answer. */
export function shouldAbstain(ranked: Scored[], model: AbstainModel = abstainModel as AbstainModel): boolean {
  if (ranked.length === 0) return true;
  return answerProbability(abstainFeatures(ranked), model) < model.threshold;
}
