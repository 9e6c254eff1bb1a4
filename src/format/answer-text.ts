import type { Answer, Hit } from '../core/answer.js';
import { noAnswerText } from './no-answer.js';

/** A source line for people: "Title — Authors, Outlet, 2018-07-09 · paragraph 3 of 12, sentence 2 · url". */
export function describeSource(hit: Hit): string {
  const { meta, location } = hit;
  const who = [meta.authors.join(', '), meta.outlet].filter(Boolean).join(', ');
  const parts = [`${meta.title}${who ? ` — ${who}` : ''}${meta.date ? `, ${meta.date}` : ''}`];
  parts.push(`paragraph ${location.paragraph} of ${location.paragraphs}, sentence ${location.sentence}`);
  if (hit.sentence.kind === 'comment') parts.push('a reader comment, not the article');
  if (meta.machineTranslated) parts.push('machine translation');
  if (meta.urls[0]) parts.push(meta.urls[0]);
  return parts.join(' · ');
}

/** An answer as plain text for a terminal: quoted sentences with their sources, or a plain "the corpus doesn't say". */
export function answerToText(answer: Answer): string {
  const fixes = answer.query.corrections.map(([from, to]) => `${from} → ${to}`).join(', ');
  const lines: string[] = fixes ? [`(read as: ${fixes})`, ''] : [];
  if (answer.kind === 'no-answer') {
    lines.push(noAnswerText(answer));
    if (answer.suggestions.length > 0) lines.push('', 'Nearest topics it covers:', ...answer.suggestions.map((s) => `  - ${s}`));
    return lines.join('\n');
  }
  answer.hits.forEach((hit, i) => {
    lines.push(`${i + 1}. “${hit.sentence.text}”`, `   ${describeSource(hit)}`, '');
  });
  return lines.join('\n').trimEnd();
}
