import { quoteOf, type Answer, type Hit } from '../core/answer.js';
import { noAnswerText } from './no-answer.js';

/** Where a quote sits, for people: "paragraph 3 of 12, sentence 2", or "sentences 2–3" with its continuation. */
export function positionText(hit: Hit): string {
  const { location } = hit;
  if (hit.sentence.kind === 'page') return 'outside the article';
  if (hit.sentence.kind === 'title') return 'the headline';
  if (hit.sentence.kind === 'heading') return 'a section heading';
  const sentences = hit.continuation === undefined ? `sentence ${location.sentence}` : `sentences ${location.sentence}–${location.sentence + 1}`;
  return `paragraph ${location.paragraph} of ${location.paragraphs}, ${sentences}`;
}

/** A source line for people: "Title — Authors, Outlet, 2018-07-09 · paragraph 3 of 12, sentence 2 · url". */
export function describeSource(hit: Hit): string {
  const { meta } = hit;
  // A reader's comment is not the article's author's, nor of the article's date: it is credited to a reader.
  const comment = hit.sentence.kind === 'comment';
  const page = hit.sentence.kind === 'page';
  const who = comment ? 'a reader comment on the page, not the article' : page ? `${meta.outlet ? `${meta.outlet}, ` : ''}the page around the article, not the article` : [meta.authors.join(', '), meta.outlet].filter(Boolean).join(', ');
  const parts = [`${meta.title}${who ? ` — ${who}` : ''}${meta.date && !comment && !page ? `, ${meta.date}` : ''}`];
  parts.push(positionText(hit));
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
    // A page line may run over several lines of the file (a poster's profile): one line here.
    const quote = hit.sentence.kind === 'page' ? quoteOf(hit).replace(/\s*\n\s*/g, ' · ') : quoteOf(hit);
    lines.push(`${i + 1}. “${quote}”`, `   ${describeSource(hit)}`, '');
  });
  return lines.join('\n').trimEnd();
}
