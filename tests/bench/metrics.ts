import { readFileSync } from 'node:fs';

/** One line of a question set (tests/fixtures/qa-*.jsonl). */
export interface QaItem {
  id: string;
  question: string;
  answerable: boolean;
  gold: Array<{ doc: string; text: string }>;
  kind: string;
}

/** What a system returned for one question. */
export interface QaResult {
  abstained: boolean;
  answers: Array<{ doc?: string; text: string }>;
}

export const readQa = (path: string): QaItem[] =>
  readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as QaItem);

const norm = (s: string) =>
  s.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-').replace(/\s+/g, ' ').trim();
const tokens = (s: string) => new Set(norm(s).match(/[a-z0-9]+/g) ?? []);

/** The hit rule of shared/eval/score.mjs: the passage covers most of a gold text and is not a long paragraph around it. */
export function isHit(returned: string, gold: string): boolean {
  const r = norm(returned);
  const g = norm(gold);
  if (r.length > Math.max(3 * g.length, 350)) return false;
  if (r.includes(g) || (g.includes(r) && r.length >= 0.5 * g.length)) return true;
  const R = tokens(returned);
  const G = tokens(gold);
  let inter = 0;
  for (const t of G) if (R.has(t)) inter++;
  return inter / G.size >= 0.7 || (inter / R.size >= 0.8 && inter / G.size >= 0.5);
}

/** Rank (1-based) of the first answer that hits a gold sentence within the first five, or 0. */
export function firstHitRank(item: QaItem, result: QaResult): number {
  const answers = result.answers.slice(0, 5);
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    if (item.gold.some((g) => (!a.doc || g.doc === a.doc) && isHit(a.text, g.text))) return i + 1;
  }
  return 0;
}

/** The metrics of shared/eval/score.mjs, overall and per kind. */
export function scoreResults(items: QaItem[], results: QaResult[]) {
  let h1 = 0, h3 = 0, mrr = 0, correct = 0, falseAbstain = 0, abstainOk = 0, answerable = 0, unanswerable = 0;
  const byKind: Record<string, { n: number; hit1: number }> = {};
  items.forEach((item, i) => {
    const r = results[i]!;
    const abstained = r.abstained || r.answers.length === 0;
    if (!item.answerable) {
      unanswerable++;
      if (abstained) abstainOk++;
      return;
    }
    answerable++;
    const k = firstHitRank(item, r);
    const kind = (byKind[item.kind] ??= { n: 0, hit1: 0 });
    kind.n++;
    if (k === 1) {
      h1++;
      kind.hit1++;
    }
    if (k > 0 && k <= 3) h3++;
    if (k > 0) mrr += 1 / k;
    if (abstained) falseAbstain++;
    else if (k === 1) correct++;
  });
  const n = answerable || 1;
  return {
    questions: items.length,
    hit1: h1 / n,
    hit3: h3 / n,
    mrr5: mrr / n,
    abstainRecall: unanswerable ? abstainOk / unanswerable : null,
    falseAbstain: falseAbstain / n,
    replyAccuracy: (correct + abstainOk) / (items.length || 1),
    byKind,
  };
}
