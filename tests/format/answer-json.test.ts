import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hit } from '../../src/core/answer.js';
import type { Engine } from '../../src/core/engine.js';
import { readGlossary } from '../../src/core/glossary.js';
import { createNlp } from '../../src/core/nlp.js';
import { answerToJson, hitToJson } from '../../src/format/answer-json.js';
import { engineOf, TINY, TINY_DIR } from '../core/support.js';

let engine: Engine;
const fileText = (doc: string) => readFileSync(join(TINY_DIR, doc), 'utf8');

beforeAll(() => {
  const nlp = createNlp(readGlossary(join(TINY_DIR, 'glossary.json')));
  engine = engineOf(TINY_DIR, nlp);
});

/** The scorer's contract: these fields, with these types, on every answer. */
function expectScorerAnswer(a: unknown): void {
  expect(a).toMatchObject({
    doc: expect.any(String),
    text: expect.any(String),
    score: expect.any(Number),
    start: expect.any(Number),
    end: expect.any(Number),
    title: expect.any(String),
  });
  const { doc, text, start, end, score } = a as { doc: string; text: string; start: number; end: number; score: number };
  expect(Number.isFinite(score)).toBe(true);
  expect(Number.isInteger(start) && Number.isInteger(end) && start < end).toBe(true);
  expect(fileText(doc).slice(start, end)).toBe(text);
}

describe('answerToJson', () => {
  it('an answered question: {id, abstained: false, answers: [...]} in rank order, quoting the files exactly', () => {
    const answer = engine.ask('How much did the ferry terminal cost?', { k: 3 });
    expect(answer.kind).toBe('answered');
    const line = answerToJson('d042', answer);
    expect(line.id).toBe('d042');
    expect(line.abstained).toBe(false);
    expect(line.answers.length).toBeGreaterThan(0);
    expect(line.answers.length).toBeLessThanOrEqual(3);
    line.answers.forEach(expectScorerAnswer);
    expect(line.answers[0]).toMatchObject({ doc: TINY.ferryDoc, text: TINY.cost, title: TINY.ferryTitle, authors: ['Maria Lopez', 'Tom Baker'], date: '2021-03-03', kind: 'article' });
    if (answer.kind === 'answered') expect(line.answers.map((a) => a.score)).toEqual(answer.hits.map((h) => h.score));
  });

  it('a sentence quoted with the one that goes on from it: one answer whose text is the file from its start to the second\'s end', () => {
    const answer = engine.ask('When did the Kestrel Hill Observatory reopen?', { k: 3 });
    const line = answerToJson('o1', answer);
    line.answers.forEach(expectScorerAnswer);
    expect(line.answers[0]!.text.startsWith(`${TINY.reopened} Its main telescope`)).toBe(true);
    expect(line.answers.filter((a) => a.text.includes('Its main telescope'))).toHaveLength(1);
  });

  it('survives a JSON round trip on one line', () => {
    const line = answerToJson('x1', engine.ask('When did varroa mites kill the hives?'));
    const text = JSON.stringify(line);
    expect(text).not.toContain('\n');
    const parsed = JSON.parse(text) as typeof line;
    expect(parsed.id).toBe('x1');
    expect(parsed.abstained).toBe(false);
    parsed.answers.forEach(expectScorerAnswer);
    expect(parsed.answers[0]!.text).toBe(TINY.mites);
  });

  it.each([
    ['no match', 'what time does the football match start'],
    ['an empty question', '   '],
  ])('abstaining (%s): abstained true, a reason, suggestions, and answers still an array', (_name, question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe('no-answer');
    const line = JSON.parse(JSON.stringify(answerToJson('q9', answer))) as ReturnType<typeof answerToJson>;
    expect(line.id).toBe('q9');
    expect(line.abstained).toBe(true);
    expect(typeof line.reason).toBe('string');
    expect(Array.isArray(line.answers)).toBe(true);
    line.answers.forEach(expectScorerAnswer);
    expect(line.suggestions).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('a near miss names the answer check that failed', () => {
    const line = answerToJson('n1', engine.ask('how many glass jars of honey does the cooperative sell at the market?'));
    expect(line).toMatchObject({ id: 'n1', abstained: true, reason: 'unsupported', missing: 'count' });
    expect(line.answers.length).toBeGreaterThan(0);
  });

  it('near misses of a low-confidence abstention come as answers, flagged by abstained', () => {
    const answer = engine.ask('Who is the mayor of Elwen?');
    const line = answerToJson('q3', answer);
    if (answer.kind === 'no-answer') {
      expect(line.abstained).toBe(true);
      expect(line.answers).toHaveLength(answer.nearMisses.length);
    } else {
      expect(line.abstained).toBe(false);
      expect(line.answers).toHaveLength(answer.hits.length);
    }
    line.answers.forEach(expectScorerAnswer);
  });
});

describe('hitToJson', () => {
  it('carries the attribution: kind, outlet, url, paragraph and sentence numbers', () => {
    const answer = engine.ask('How much did the ferry terminal cost?');
    const hit = (answer.kind === 'answered' ? answer.hits : answer.nearMisses)[0]!;
    const withMeta: Hit = { ...hit, meta: { ...hit.meta, outlet: 'Elwen Gazette', urls: ['https://example.org/ferry', 'https://example.org/other'] }, sentence: { ...hit.sentence, kind: 'comment' } };
    expect(hitToJson(withMeta)).toMatchObject({
      kind: 'comment',
      outlet: 'Elwen Gazette',
      url: 'https://example.org/ferry',
      paragraph: hit.location.paragraph,
      sentence: hit.location.sentence,
    });
  });
});
