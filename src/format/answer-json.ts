import { quoteEnd, quoteOf, type Answer, type Hit } from '../core/answer.js';

/** One answer line of `ask --jsonl`, the contract of shared/eval/score.mjs plus attribution. */
export interface AnswerLine {
  id: string;
  abstained: boolean;
  reason?: string;
  /** For reason "unsupported": the answer check no passage passed. */
  missing?: string;
  answers: Array<ReturnType<typeof hitToJson>>;
  suggestions?: string[];
}

/** A hit as plain JSON: document, exact text and offsets, score, attribution and position. */
export function hitToJson(hit: Hit) {
  return {
    doc: hit.sentence.doc,
    text: quoteOf(hit),
    score: hit.score,
    start: hit.sentence.start,
    end: quoteEnd(hit),
    kind: hit.sentence.kind,
    title: hit.meta.title,
    authors: hit.meta.authors,
    outlet: hit.meta.outlet,
    date: hit.meta.date,
    url: hit.meta.urls[0],
    paragraph: hit.location.paragraph,
    sentence: hit.location.sentence,
  };
}

/** An answer as one JSON line. When the core abstains, the near misses still come as `answers`, flagged by `abstained`. */
export function answerToJson(id: string, answer: Answer): AnswerLine {
  if (answer.kind === 'answered') return { id, abstained: false, answers: answer.hits.map(hitToJson) };
  return { id, abstained: true, reason: answer.reason, ...(answer.missing ? { missing: answer.missing } : {}), answers: answer.nearMisses.map(hitToJson), suggestions: answer.suggestions };
}
