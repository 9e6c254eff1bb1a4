import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Hit } from '../../src/core/answer.js';
import type { Query } from '../../src/core/question.js';
import { decodeCustomId, encodeCustomId } from '../../src/format/custom-id.js';
import { answerToPayload, contextToPayload, emphasise } from '../../src/format/discord-answer.js';
import { neutraliseMentions } from '../../src/format/discord-escape.js';
import { truncate } from '../../src/format/discord-limits.js';
import { safePayload } from '../../src/format/discord-payload.js';
import { expectWithinLimits } from '../hardening/support.js';

const query = (text: string, corrections: Array<[string, string]> = []): Query => ({ text, terms: [], intent: 'other', wantsComments: false, wantsPage: false, wantsHeading: false, wantsAdvice: false, wantsPrediction: false, wantsComparison: false, corrections, entities: [] });

function hit(text: string, over: Partial<Hit['meta']> = {}, kind: 'article' | 'comment' = 'article', highlights: Array<[number, number]> = []): Hit {
  return {
    sentence: { id: 7, doc: 'doc.txt', kind, text, start: 0, end: text.length, paragraph: 2, position: 1, ordinal: 5 },
    score: 1,
    meta: { title: 'Japan and NATO', authors: ['A. Writer'], urls: ['https://example.org/a'], date: '2023-05-10', ...over },
    location: { paragraph: 3, sentence: 2, paragraphs: 12 },
    highlights,
  };
}

describe('answerToPayload', () => {
  it('quotes each hit with its source, bolds highlights, labels comments and machine translation', () => {
    const answer: Answer = { kind: 'answered', query: query('q'), hits: [hit('Japan controlled the *Kurils* until 1945.', {}, 'article', [[0, 5], [36, 40]]), hit('A reader says @here.', { machineTranslated: true, authors: ['A. Writer'], outlet: 'Daily' }, 'comment')] };
    const p = answerToPayload(answer, { question: 'until when?', questionId: '123', offset: 0 });
    expect(p.embeds[0]).toMatchObject({ title: '1. Japan and NATO', url: 'https://example.org/a' });
    expect(p.embeds[0]!.description).toBe('> **Japan** controlled the \\*Kurils\\* until **1945**.\n\nA. Writer · 2023-05-10 · paragraph 3 of 12, sentence 2');
    // A comment is a reader's, not the article author's, and not of the article's date.
    expect(p.embeds[1]!.description).toContain('\n\na reader · paragraph 3 of 12');
    expect(p.embeds[1]!.description).not.toMatch(/A\. Writer|Daily|2023-05-10/);
    expect(p.embeds[1]!.description).toContain('@\u200bhere');
    expect(p.embeds[1]!.footer?.text).toBe('a reader comment, not the article · machine translation');
    expect(p.components[0]!.components.map((b) => ('label' in b ? b.label : ''))).toEqual(['More', 'Context', '👍', '👎']);
  });

  it('quotes a sentence with its continuation as one passage, both sentences\' words bold, and says which sentences', () => {
    const first = hit('Japan scrambled jets 904 times.', {}, 'article', [[0, 5]]);
    const h: Hit = { ...first, continuation: { ...first.sentence, id: 8, text: 'This was up by 89.', start: 32, end: 50, position: 2, ordinal: 6 }, highlights: [[0, 5], [47, 49]] };
    const p = answerToPayload({ kind: 'answered', query: query('q'), hits: [h] }, { question: 'how many?', questionId: '1', offset: 0 });
    expect(p.embeds[0]!.description).toBe('> **Japan** scrambled jets 904 times. This was up by **89**.\n\nA. Writer · 2023-05-10 · paragraph 3 of 12, sentences 2–3');
  });

  it("abstains: \"The corpus doesn't say.\" with the suggestions, no buttons", () => {
    const p = answerToPayload({ kind: 'no-answer', query: query('q'), reason: 'low-confidence', suggestions: ['Japan and *NATO*'], nearMisses: [] }, { question: 'football?', questionId: '1' });
    expect(p.content).toBe("**Q:** football?\nThe corpus doesn't say.");
    expect(p.embeds[0]!.description).toBe('• Japan and \\*NATO\\*');
    expect(p.components).toEqual([]);
  });

  it('says what the corpus lacks when the topic is there but not the answer asked for', () => {
    const p = answerToPayload({ kind: 'no-answer', query: query('q'), reason: 'unsupported', missing: 'count', suggestions: [], nearMisses: [] }, { question: 'how many troops?', questionId: '1' });
    expect(p.content).toBe("**Q:** how many troops?\nThe corpus doesn't say. It covers the topic, but no passage gives the number you asked for.");
  });

  it('never sends half a surrogate pair, even when the question ends in one', () => {
    const p = answerToPayload({ kind: 'no-answer', query: query('q', [['\ud83d', 'x']]), reason: 'low-confidence', suggestions: [], nearMisses: [] }, { question: 'why \ud83d', questionId: '1' });
    expect(p.content).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(p.content).toContain('why \uFFFD');
  });

  it.each([
    ['@everyone hi', '@\u200beveryone hi'],
    ['<@&123> <@!4> <#5>', '<@\u200b&123> <@\u200b!4> <#\u200b5>'],
    ['@HERE', '@\u200bHERE'],
  ])('neutralises %s', (input, expected) => {
    expect(neutraliseMentions(input)).toBe(expected);
  });

  it('property: any question, any hits, any size → within every limit, no mentions allowed', () => {
    const text = fc.string({ maxLength: 3000, unit: 'grapheme' });
    const arbHit = fc.record({
      text, title: fc.string({ maxLength: 600 }), author: fc.string({ maxLength: 300 }), url: fc.oneof(fc.constant(''), fc.webUrl()),
      comment: fc.boolean(), mt: fc.boolean(), hl: fc.array(fc.tuple(fc.integer({ min: -5, max: 4000 }), fc.integer({ min: -5, max: 4000 })), { maxLength: 20 }),
    }).map((h) => hit(h.text, { title: h.title, authors: h.author ? [h.author] : [], urls: h.url ? [h.url] : [], machineTranslated: h.mt }, h.comment ? 'comment' : 'article', h.hl));
    fc.assert(fc.property(
      fc.string({ maxLength: 5000 }), fc.array(arbHit, { maxLength: 15 }), fc.array(fc.string({ maxLength: 400 }), { maxLength: 10 }), fc.nat(1_000_000), fc.string({ maxLength: 120 }),
      (question, hits, suggestions, offset, questionId) => {
        const answered = answerToPayload({ kind: 'answered', query: query(question, [[question.slice(0, 50), 'x']]), hits }, { question, questionId, offset });
        const abstained = answerToPayload({ kind: 'no-answer', query: query(question), reason: 'no-match', suggestions, nearMisses: [] }, { question });
        for (const p of [answered, abstained]) {
          expectWithinLimits(p);
          expect(p.content ?? '').not.toMatch(/@(everyone|here)|<@[!&]?\d|<#\d/i);
        }
      },
    ), { numRuns: 150 });
  });

  it('property: safePayload clamps anything to the limits', () => {
    const big = fc.string({ maxLength: 7000 });
    fc.assert(fc.property(
      fc.option(big), fc.array(fc.record({ title: big, description: big, fields: fc.array(fc.record({ name: big, value: big }), { maxLength: 30 }) }), { maxLength: 14 }),
      (content, embeds) => expectWithinLimits(safePayload({ ...(content === null ? {} : { content }), embeds })),
    ), { numRuns: 60 });
  });
});

describe('helpers', () => {
  it('truncate never leaves a lone backslash or half a surrogate pair', () => {
    fc.assert(fc.property(fc.string({ maxLength: 50, unit: 'binary' }), fc.nat(60), (s, n) => {
      const t = truncate(s, n);
      expect(t.length).toBeLessThanOrEqual(Math.max(n, 0));
      if (t !== s && t.length > 0) {
        expect(t.endsWith('…')).toBe(true);
        expect(/(^|[^\\])(\\\\)*\\…$/.test(t)).toBe(false);
        expect(/[\uD800-\uDBFF]…$/.test(t)).toBe(false);
      }
    }));
  });

  it('custom ids round-trip and stay under 100 characters', () => {
    fc.assert(fc.property(fc.nat(999_999_999), fc.stringMatching(/^\d{17,20}$/), (n, id) => {
      for (const a of [{ kind: 'more', offset: n, questionId: id }, { kind: 'context', sentenceId: n, questionId: id }, { kind: 'feedback', vote: 'down', offset: n, questionId: id }] as const) {
        const encoded = encodeCustomId(a);
        expect(encoded.length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(encoded)).toEqual(a);
      }
    }));
    expect(decodeCustomId('other:thing')).toBeUndefined();
  });

  it('emphasise clips overlapping and out-of-range highlights', () => {
    expect(emphasise('abc def', [[0, 3], [1, 2], [4, 99]])).toBe('**abc** **def**');
  });

  it('emphasise leaves no masked link live, even one a highlight splits', () => {
    const text = 'See [the NATO report](https://evil.example/phish) for details.';
    const at = text.indexOf('NATO');
    for (const highlights of [[], [[at, at + 4]] as Array<[number, number]>]) {
      expect(emphasise(text, highlights)).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    }
    expect(emphasise(text, [[at, at + 4]])).toBe('See \\[the **NATO** report\\](https://evil.example/phish) for details.');
  });

  it('echoes a question of 300 characters whole, emoji counting one each', () => {
    const q = '🗾'.repeat(300);
    const answer: Answer = { kind: 'no-answer', query: { text: q, terms: [], intent: 'other', wantsComments: false, wantsPage: false, wantsHeading: false, wantsAdvice: false, wantsPrediction: false, wantsComparison: false, corrections: [], entities: [] }, reason: 'no-match', suggestions: [], nearMisses: [] };
    expect(JSON.stringify(answerToPayload(answer, { question: q }))).toContain(q);
  });

  it('contextToPayload bolds the focus sentence', () => {
    const s = (id: number, text: string) => ({ id, doc: 'd', kind: 'article' as const, text, start: 0, end: 0, paragraph: 0, position: 0, ordinal: 0 });
    expect(contextToPayload([s(1, 'One.'), s(2, 'Two.')], 2, 'T').embeds[0]!.description).toBe('> One. **Two.**');
  });
});
