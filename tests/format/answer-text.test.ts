import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Hit } from '../../src/core/answer.js';
import type { Engine } from '../../src/core/engine.js';
import { readGlossary } from '../../src/core/glossary.js';
import { createNlp } from '../../src/core/nlp.js';
import { answerToText, describeSource } from '../../src/format/answer-text.js';
import { engineOf, TINY, TINY_DIR } from '../core/support.js';

let engine: Engine;
const hitsOf = (a: Answer): Hit[] => (a.kind === 'answered' ? a.hits : a.nearMisses);

beforeAll(() => {
  const nlp = createNlp(readGlossary(join(TINY_DIR, 'glossary.json')));
  engine = engineOf(TINY_DIR, nlp);
});

/** The first hit for a question the tiny corpus answers. */
const costHit = (): Hit => hitsOf(engine.ask('How much did the ferry terminal cost?'))[0]!;

describe('answerToText', () => {
  it('quotes each hit and names its source: title, authors, date, place in the document', () => {
    const answer = engine.ask('How much did the ferry terminal cost?', { k: 2 });
    expect(answer.kind).toBe('answered');
    const text = answerToText(answer);
    expect(text).toContain(`1. “${TINY.cost}”`);
    expect(text).toContain(TINY.ferryTitle);
    expect(text).toContain('Maria Lopez, Tom Baker');
    expect(text).toContain('2021-03-03');
    const hit = hitsOf(answer)[0]!;
    expect(text).toContain(`paragraph ${hit.location.paragraph} of ${hit.location.paragraphs}, sentence ${hit.location.sentence}`);
    expect(text).toContain('2. “');
    expect(text).not.toContain('3. “');
    expect(text).not.toContain("doesn't say");
  });

  it.each(['what time does the football match start', 'Who won the chess championship in Oslo?'])('abstaining on %j: says "The corpus doesn\'t say." and lists the nearest topics', (question) => {
    const answer = engine.ask(question);
    expect(answer.kind).toBe('no-answer');
    const text = answerToText(answer);
    expect(text).toContain("The corpus doesn't say.");
    expect(text).not.toContain('“');
    if (answer.kind === 'no-answer') for (const s of answer.suggestions) expect(text).toContain(s);
  });

  it('quotes a sentence and the one that goes on from it together, and says which sentences', () => {
    const text = answerToText(engine.ask('When did the Kestrel Hill Observatory reopen?', { k: 1 }));
    expect(text).toContain(`1. “${TINY.reopened} Its main telescope, a reflector`);
    expect(text).toContain('paragraph 2 of 3, sentences 1–2');
  });

  it('a near miss says what the corpus lacks, not only that it does not say', () => {
    const answer = engine.ask('how many glass jars of honey does the cooperative sell at the market?');
    expect(answer).toMatchObject({ kind: 'no-answer', reason: 'unsupported', missing: 'count' });
    expect(answerToText(answer)).toContain("The corpus doesn't say. It covers the topic, but no passage gives the number you asked for.");
  });

  it('an empty question gets a prompt, not a quote', () => {
    const answer = engine.ask(' ?! ');
    expect(answer.kind).toBe('no-answer');
    const text = answerToText(answer);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text).not.toMatch(/^\d+\. “/m);
  });

  it('says how a misspelt question was read', () => {
    const answer = engine.ask('How much did the terminnal cost?');
    expect(answer.query.corrections).toContainEqual(['terminnal', 'terminal']);
    expect(answerToText(answer)).toContain('terminnal → terminal');
  });
});

describe('describeSource', () => {
  it('says "a reader comment" for a comment, and not for the article', () => {
    const hit = costHit();
    expect(describeSource(hit)).not.toContain('a reader comment');
    expect(describeSource({ ...hit, sentence: { ...hit.sentence, kind: 'comment' } })).toContain('a reader comment');
  });

  it("credits a comment to a reader, not to the article's authors or date", () => {
    const hit = costHit();
    const meta = { ...hit.meta, authors: ['Ann Lee'], date: '2021-09-05' };
    expect(describeSource({ ...hit, meta })).toMatch(/Ann Lee.*2021-09-05/);
    const comment = describeSource({ ...hit, meta, sentence: { ...hit.sentence, kind: 'comment' } });
    expect(comment).toMatch(/ — a reader comment on the page, not the article · paragraph /);
    expect(comment).not.toMatch(/Ann Lee|2021-09-05/);
  });

  it('names the outlet, a machine translation and the source URL when known', () => {
    const hit = costHit();
    const line = describeSource({ ...hit, meta: { ...hit.meta, outlet: 'Elwen Gazette', machineTranslated: true, urls: ['https://example.org/ferry'] } });
    expect(line).toContain('Elwen Gazette');
    expect(line).toContain('machine translation');
    expect(line).toContain('https://example.org/ferry');
    expect(line.startsWith(TINY.ferryTitle)).toBe(true);
  });

  it('a document without authors, outlet or date still names its title', () => {
    const hit = costHit();
    const line = describeSource({ ...hit, meta: { title: 'Bare title', authors: [], urls: [] } });
    expect(line.startsWith('Bare title')).toBe(true);
    expect(line).not.toContain('—');
    expect(line).not.toContain('undefined');
  });
});
