/**
 * Bad questions, generated: whatever a user types reaches the real engine (real
 * seeds, built once) and the formatters without an exception, and always gets a
 * reply within Discord's limits that pings nobody.
 */
import fc from 'fast-check';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, refusalPayload, refuseQuestion } from '../../src/bot/ask-question.js';
import type { BotContext } from '../../src/bot/context.js';
import { AnswerPlaces } from '../../src/bot/answer-places.js';
import { MorePresses } from '../../src/bot/more-presses.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import { EngineHolder } from '../../src/bot/engine-holder.js';
import { combineFollowUp } from '../../src/bot/follow-up.js';
import { questionFromMention } from '../../src/bot/mention-handler.js';
import { loadConfig } from '../../src/config.js';
import type { Answer, Hit } from '../../src/core/answer.js';
import { Engine } from '../../src/core/engine.js';
import type { Query } from '../../src/core/question.js';
import { answerToJson } from '../../src/format/answer-json.js';
import { decodeCustomId } from '../../src/format/custom-id.js';
import { answerToText } from '../../src/format/answer-text.js';
import { answerToPayload, contextToPayload } from '../../src/format/discord-answer.js';
import type { DiscordPayload } from '../../src/format/discord-payload.js';
import { sourcesToPayload, sourceToPayload } from '../../src/format/discord-sources.js';
import { loadIndex } from '../../src/store/index-store.js';
import { SEEDS_DIR, tempDir } from '../core/support.js';
import { expectSafePayload, KURILS, KURILS_YEAR, MemoryStore, payloadTexts } from './support.js';

const BOT_ID = '123456789012345678';
const ID = '123456789012345678';

/** Pieces of hostile questions. */
const FRAGMENTS = [
  // corpus words, so some questions are answered
  'japan', 'kurils', 'russia', 'china', 'nato', 'office', 'tokyo', 'ambassador', '1945', 'until what year', 'who wrote', 'why',
  // stop words only
  'the', 'of', 'and', 'what', 'is', 'a', 'to', 'in', 'it', 'was',
  // emoji, zero-width and direction marks
  '🙂', '👍🏽', '🇯🇵', '👨‍👩‍👧', '\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066', '\ufeff', '\u0301',
  // markdown
  '**', '__', '*', '_', '~~', '||', '`', '```', '```js\nconsole.log(1)\n```', '> quote', '# heading', '- item', '1. item', '[link](https://evil.example)', '\\', '\\*',
  // mentions
  '@everyone', '@here', '@EVERYONE', `<@${ID}>`, `<@!${ID}>`, `<@&${ID}>`, `<#${ID}>`, `</ask:${ID}>`, '<:emoji:123>', '@', '<', '<@',
  // other languages
  '日本はいつまで千島列島を支配したのか', '中国与日本', 'روسيا واليابان', 'Курильские острова', 'Япония', 'ญี่ปุ่น', 'עברית',
  // URLs
  'https://example.com/a?b=1&c=<2>', 'http://[::1]:80/', 'www.example.org', 'mailto:a@b.c',
  // words that are also Object.prototype members
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf',
  // punctuation and whitespace
  '?', '!!!', '...', '\n', '\t', '  ', '\r\n', '"', "'", '’', '%', '$', '{}', '[]', 'null', 'undefined', 'NaN', '-1', '1e309',
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) },
);
const joined = fc.tuple(fc.array(fragment, { maxLength: 25 }), fc.constantFrom(' ', '', '\n')).map(([parts, sep]) => parts.join(sep));
/** Long questions: one hostile fragment repeated to about 6,000 characters. */
const long = fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 5500, max: 6500 })).map(([f, n]) => `${f} `.repeat(Math.ceil(n / (f.length + 1))).slice(0, n));
const question = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t \u200b', '?', '@everyone', `<@${ID}>`, 'constructor', '__proto__', 'the of and what', 'x'.repeat(6000), '🙂'.repeat(3000)) },
  { weight: 8, arbitrary: joined },
  { weight: 1, arbitrary: long },
);

let engine: Engine;
let cleanup: () => void;
let ctx: BotContext;
let store: MemoryStore;

beforeAll(async () => {
  const data = tempDir('bad-questions');
  cleanup = data.cleanup;
  const loaded = await loadIndex(SEEDS_DIR, data.path);
  engine = new Engine(loaded.data, loaded.nlp);
  store = new MemoryStore();
  ctx = {
    config: loadConfig({ DATA_DIR: data.path, SEEDS_DIR }),
    engines: new EngineHolder(engine, async () => ({ engine, warnings: [], saved: true })),
    store,
    cooldown: new Cooldown(0, 100),
    morePresses: new MorePresses(),
    answerPlaces: new AnswerPlaces(),
    log: pino({ level: 'silent' }),
  };
});
afterAll(() => cleanup());

/** What the bot would reply to `text` typed into /ask or after a mention: a refusal, or the answer. */
function botReply(text: string, k: number): { payload: DiscordPayload; answer?: Answer } {
  const refusal = refuseQuestion(ctx, text);
  if (refusal) return { payload: refusalPayload(refusal) };
  return answerQuestion(ctx, { id: ID, userId: ID, question: text, k });
}

/** A reply is a real message: the answer, or words saying why there is none. */
function expectReply(answer: Answer, payload: DiscordPayload, offset: number): void {
  expectSafePayload(payload);
  if (answer.kind === 'answered') {
    // Every hit quoted, unless Discord's 6,000-character total leaves no room: then "More" goes on after the last one shown.
    expect(payload.embeds.length).toBeGreaterThan(0);
    expect(payload.embeds.length).toBeLessThanOrEqual(Math.min(answer.hits.length, 10));
    const more = payload.components.flatMap((r) => r.components).map((b) => decodeCustomId('custom_id' in b ? b.custom_id : '')).find((a) => a?.kind === 'more');
    if (more?.kind === 'more') expect(more.offset).toBe(offset + payload.embeds.length);
  } else {
    const says = answer.reason === 'empty-question' ? /(?:^|\n)(?:I can only read questions in English, and this one has no English word\. )?Ask a question in words, for example: "[^"]+"$/ : offset > 0 ? /No more sentences answer this\.$/ : /The corpus doesn't say\.( It covers the topic, [^\n]+\.)?$/;
    expect(payload.content).toMatch(says);
  }
}

describe('bad questions through the real engine and the formatters', () => {
  it('the real engine answers the Kurils question (the suite tests the corpus it means to)', () => {
    const a = engine.ask(KURILS);
    expect(a.kind).toBe('answered');
    expect(a.kind === 'answered' && a.hits[0]!.sentence.text).toContain(KURILS_YEAR);
  });

  it('property: any question, k and page → no exception, a reply within every limit, no mention, text and JSON too', () => {
    fc.assert(fc.property(question, fc.integer({ min: -3, max: 12 }), fc.constantFrom(0, 0, 3, 7, 1_000_000), (q, k, offset) => {
      const answer = engine.ask(q, { k, offset });
      expect(['answered', 'no-answer']).toContain(answer.kind);
      if (answer.kind === 'answered') expect(answer.hits.length).toBeGreaterThan(0);
      expectReply(answer, answerToPayload(answer, { question: q, questionId: ID, offset }), offset);

      const text = answerToText(answer);
      expect(text.trim()).not.toBe('');
      if (answer.kind === 'answered') for (const h of answer.hits) expect(text).toContain(h.sentence.text);
      const json = JSON.parse(JSON.stringify(answerToJson('id', answer))) as { abstained: boolean };
      expect(json.abstained).toBe(answer.kind === 'no-answer');

      if (answer.kind === 'answered') {
        const top = answer.hits[0]!;
        const title = engine.documents.find((d) => d.id === top.sentence.doc)?.meta.title ?? 'the document';
        expectSafePayload(contextToPayload(engine.context(top.sentence.id, 2), top.sentence.id, title));
      }
    }), { numRuns: 300 });
  });

  it('property: the same through the bot (length check, /ask, mention, follow-up in a thread) → always a reply', () => {
    fc.assert(fc.property(question, fc.integer({ min: 1, max: 5 }), (q, k) => {
      const typed = q.trim();
      const { payload, answer } = botReply(typed, k);
      if (answer) expectReply(answer, payload, 0);
      else {
        expectSafePayload(payload);
        expect([...typed].length).toBeGreaterThan(ctx.config.maxQuestionLength);
        expect(payload.content).toMatch(/^That question is \d+ characters long; please keep it to \d+ or fewer\.$/);
      }

      const mentioned = questionFromMention(`<@${BOT_ID}> ${q} <@!${BOT_ID}>`, BOT_ID, true);
      expect(mentioned).toBeDefined();
      if (mentioned && !refuseQuestion(ctx, mentioned)) {
        const { asked } = combineFollowUp(mentioned, [{ question: KURILS, asked: KURILS, followUp: false }]);
        const reply = answerQuestion(ctx, { id: ID, userId: ID, question: mentioned, asked, k });
        expectReply(reply.answer, reply.payload, 0);
      }
    }), { numRuns: 200 });
    expect(store.data.questions.length).toBeGreaterThan(0);
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['zero-width only', '\u200b\u200d\ufeff\u200e\u202e'],
    ['stop words only', 'what is the of and to it'],
    ['punctuation only', '?!... ,;'],
    ['emoji only', '🙂🇯🇵👨‍👩‍👧'],
  ])('%s: "Ask a question in words" or "The corpus doesn\'t say.", never an exception', (_label, q) => {
    const answer = engine.ask(q);
    expect(answer.kind).toBe('no-answer');
    const p = answerToPayload(answer, { question: q, questionId: ID });
    expectReply(answer, p, 0);
    expect(p.components).toEqual([]);
  });

  it.each([
    ['Japanese', '日本とロシアの関係は？'],
    ['Russian', 'Каковы отношения Японии и России?'],
    ['Arabic', 'ما هي العلاقات بين اليابان وروسيا؟'],
  ])('a question in %s is told the bot reads English, not to "ask in words"', (_label, q) => {
    const answer = engine.ask(q);
    expect(answer.kind).toBe('no-answer');
    const p = answerToPayload(answer, { question: q, questionId: ID });
    expect(p.content).toMatch(/I can only read questions in English, and this one has no English word\. Ask a question in words, for example: "[^"]+"$/);
    expect(answerToText(answer)).toMatch(/^I can only read questions in English/m);
  });

  it('mentions, markdown and control characters around a real question: still answered, echoed defused', () => {
    const q = `@everyone <@${ID}> <@&${ID}> <#${ID}> **${KURILS}** \u202e||spoiler|| \`code\` # heading`;
    const answer = engine.ask(q);
    expect(answer.kind).toBe('answered');
    const p = answerToPayload(answer, { question: q, questionId: ID });
    expectSafePayload(p);
    expect(p.content).toContain('@\u200beveryone');
    expect(p.content).toContain(`<@\u200b${ID}>`);
    expect(p.content).toContain(`<@\u200b&${ID}>`);
    expect(p.content).toContain(`<#\u200b${ID}>`);
    expect(p.content).toContain('\\*\\*');
    expect(payloadTexts(p).join('\n')).toContain(KURILS_YEAR);
  });

  it('a 1,000-character question of typos (MAX_QUESTION_LENGTH at its ceiling): "read as" lists ten, the reply is not cut', () => {
    const words = Object.keys(engine.index.data.words).filter((w) => /^[a-z]{7,12}$/.test(w));
    const q = words.slice(0, 200).map((w) => w.slice(0, 3) + w[4]! + w[3]! + w.slice(5)).join(' ').slice(0, 1000);
    const answer = engine.ask(q);
    expect(answer.query.corrections.length).toBeGreaterThan(50);
    const p = answerToPayload(answer, { question: q, questionId: ID });
    expectSafePayload(p);
    expect(p.content!.length).toBeLessThan(1500);
    expect(p.content).toMatch(/\*\(read as: ([^,]+, ){10}…\)\*/);
  });

  it('a 6,000-character question: /ask refuses it politely; the engine cuts it and still answers in bounded time', () => {
    const q = `${KURILS} ${'japan russia kurils '.repeat(300)}`.slice(0, 6000);
    expect(q.length).toBe(6000);
    const started = performance.now();
    const answer = engine.ask(q);
    expect(performance.now() - started).toBeLessThan(2000);
    expectReply(answer, answerToPayload(answer, { question: q, questionId: ID }), 0);
    const refused = botReply(q, 3);
    expect(refused.answer).toBeUndefined();
    expect(refused.payload.content).toBe(`That question is 6000 characters long; please keep it to ${ctx.config.maxQuestionLength} or fewer.`);
  });

  it('length is counted in characters, as Discord counts it: 300 emoji pass, 301 do not', () => {
    const emoji = (n: number) => '🗾'.repeat(n);
    expect(emoji(ctx.config.maxQuestionLength).length).toBe(2 * ctx.config.maxQuestionLength);
    expect(botReply(emoji(ctx.config.maxQuestionLength), 3).payload.content ?? '').not.toMatch(/characters long/);
    expect(botReply(emoji(ctx.config.maxQuestionLength + 1), 3).payload.content).toBe(`That question is ${ctx.config.maxQuestionLength + 1} characters long; please keep it to ${ctx.config.maxQuestionLength} or fewer.`);
  });
});

/** A query whose "read as" corrections are made of the question's own words (as the engine's are: at most a corpus word's length). */
const query = (text: string): Query => {
  const words = text.split(/\s+/).filter((w) => w.length <= 20);
  return { text, terms: [], intent: 'other', wantsComments: false, wantsPage: false, wantsHeading: false, wantsAdvice: false, wantsPrediction: false, wantsComparison: false, corrections: words.slice(0, 30).map((w, i) => [w, words[words.length - 1 - i]!] as [string, string]), entities: [] };
};

describe('hostile corpus text through the Discord formatter', () => {
  /** Text a seed file might hold: the same fragments, so titles, authors and sentences can carry mentions and markdown. */
  const corpusText = joined;
  /**
   * Highlights as the engine makes them, on whole words (so never inside a surrogate pair): picked words, runs of
   * up to three words (overlapping each other), and a span past the end of the text.
   */
  const wordSpans = (text: string, picks: Array<[number, number]>): Array<[number, number]> => {
    const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const spans = picks.flatMap(([at, run]): Array<[number, number]> => {
      const first = words[at % Math.max(1, words.length)];
      const last = words[Math.min(words.length - 1, (at % Math.max(1, words.length)) + run)];
      return first && last ? [[first[0], last[1]]] : [];
    });
    return [...spans, [text.length + 1, text.length + 10]];
  };
  const hit = fc.record({
    text: fc.oneof({ weight: 4, arbitrary: corpusText }, { weight: 1, arbitrary: long }), title: corpusText, authors: fc.array(corpusText, { maxLength: 3 }), outlet: fc.option(corpusText, { nil: undefined }),
    date: fc.option(corpusText, { nil: undefined }), url: fc.oneof(fc.constant(undefined), fc.webUrl(), corpusText), comment: fc.boolean(), mt: fc.boolean(),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(3)), { maxLength: 12 }),
  }).map((h): Hit => ({
    sentence: { id: 1, doc: 'd.txt', kind: h.comment ? 'comment' : 'article', text: h.text, start: 0, end: h.text.length, paragraph: 0, position: 0, ordinal: 0 },
    score: 1,
    meta: { title: h.title, authors: h.authors, ...(h.outlet === undefined ? {} : { outlet: h.outlet }), ...(h.date === undefined ? {} : { date: h.date }), urls: h.url === undefined ? [] : [h.url], machineTranslated: h.mt },
    location: { paragraph: 1, sentence: 1, paragraphs: 1 },
    highlights: wordSpans(h.text, h.picks),
  }));

  it('property: titles, file names, authors, dates, sentences and suggestions with mentions and markdown → answers, context, /sources and /source defused everywhere, within limits', () => {
    fc.assert(fc.property(question, fc.array(hit, { minLength: 1, maxLength: 11 }), fc.array(corpusText, { maxLength: 4 }), fc.constantFrom(0, 5), (q, hits, suggestions, offset) => {
      const answered: Answer = { kind: 'answered', query: query(q), hits };
      expectReply(answered, answerToPayload(answered, { question: q, questionId: ID, offset }), offset);
      const none: Answer = { kind: 'no-answer', query: query(q), reason: 'low-confidence', suggestions, nearMisses: hits };
      expectReply(none, answerToPayload(none, { question: q }), 0);
      const s = hits.map((h) => h.sentence);
      expectSafePayload(contextToPayload(s, 1, hits[0]!.meta.title));
      const docs = hits.map((h, i) => ({ id: `${[...h.meta.title].slice(0, 50).join('')}.${i}.txt`, meta: h.meta, hash: 'h', bytes: h.sentence.text.length, sentences: 1, comments: 0 }));
      expectSafePayload(sourcesToPayload(docs));
      expectSafePayload(sourceToPayload(docs[0]!, s));
      expect(answerToText(answered)).toContain(hits[0]!.sentence.text);
    }), { numRuns: 150 });
  });
});
