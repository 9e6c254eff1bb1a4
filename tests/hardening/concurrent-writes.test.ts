/**
 * Many handlers writing to one BotStore at once: every change is serialised into
 * bot.json and nothing recorded is lost; the bounded lists keep exactly what
 * their bounds promise (5,000 questions and votes, 2,000 threads least recently
 * used first out, THREAD_HISTORY turns per thread).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { BOT_FILE, BotStore, type BotData, type FeedbackRecord, type QuestionRecord, type ThreadTurn } from '../../src/bot/bot-store.js';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../core/support.js';

/** Bounds of src/bot/bot-store.ts (README: "the 5,000 questions it keeps"; "the last THREAD_HISTORY questions per thread"). */
const MAX_QUESTIONS = 5000;
const MAX_THREADS = 2000;
/** THREAD_HISTORY's default. */
const HISTORY = loadConfig({}).threadHistory;

const log = pino({ level: 'silent' });
const dirs: Array<{ cleanup: () => void }> = [];
function dataDir(label: string): string {
  const d = tempDir(label);
  dirs.push(d);
  return d.path;
}
afterAll(() => {
  for (const d of dirs) d.cleanup();
});

/** A Discord-like id (17+ digits: never an array index, so object key order stays insertion order). */
const snowflake = (n: number) => `1${String(n).padStart(17, '0')}`;
const question = (n: number): QuestionRecord => ({ id: snowflake(n), userId: snowflake(n % 37), question: `q${n}`, asked: `q${n}`, answered: n % 3 !== 0, at: new Date(n).toISOString() });
const vote = (n: number, v: 'up' | 'down', userId = snowflake(n)): FeedbackRecord => ({ questionId: snowflake(n % 250), offset: (n % 2) * 3, userId, vote: v, at: new Date(n).toISOString() });
const turn = (thread: number, k: number): ThreadTurn => ({ question: `t${thread}-${k}`, asked: `t${thread}-${k}`, followUp: k > 0 });

/** A short random wait: a macrotask, a few microtasks, or nothing, so handlers interleave differently. */
async function jitter(): Promise<void> {
  const r = Math.random();
  if (r < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5)));
  else if (r < 0.6) await new Promise((resolve) => setImmediate(resolve));
  else for (let i = Math.floor(r * 10); i > 0; i--) await Promise.resolve();
}

const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, BOT_FILE), 'utf8')) as BotData;

describe('BotStore under concurrent handlers', () => {
  it('500 questions, 600 votes (100 of them changed minds) and 500 thread turns at once, flushes among them: all on disk, exactly', async () => {
    const dir = dataDir('concurrent');
    const store = await BotStore.open(dir, log, HISTORY);
    /** The calls in the order they reached the store: the truth to compare with. */
    const calls: Array<() => void> = [];
    const expectedVotes = new Map<string, FeedbackRecord>();
    const expectedTurns = new Map<string, ThreadTurn[]>();
    const handlers: Array<() => Promise<void>> = [];

    for (let n = 0; n < 500; n++) handlers.push(async () => {
      await jitter();
      store.recordQuestion(question(n));
      if (n % 97 === 0) await store.flush();
    });
    for (let n = 0; n < 500; n++) handlers.push(async () => {
      await jitter();
      const v = vote(n, n % 4 === 0 ? 'down' : 'up');
      store.recordFeedback(v);
      calls.push(() => expectedVotes.set(`${v.questionId}/${v.offset}/${v.userId}`, v));
    });
    for (let n = 0; n < 100; n++) handlers.push(async () => {
      // The same user, question and page voting again: replaces the earlier vote, whichever came first.
      await jitter();
      const v = { ...vote(n * 5, 'down'), at: new Date(1e12 + n).toISOString() };
      store.recordFeedback(v);
      calls.push(() => expectedVotes.set(`${v.questionId}/${v.offset}/${v.userId}`, v));
    });
    for (let t = 0; t < 50; t++) {
      // One thread's turns come one after another (a thread is answered in order); threads interleave.
      handlers.push(async () => {
        for (let k = 0; k < 10; k++) {
          await jitter();
          store.pushThreadTurn(snowflake(t), turn(t, k));
          calls.push(() => expectedTurns.set(snowflake(t), [...(expectedTurns.get(snowflake(t)) ?? []), turn(t, k)].slice(-HISTORY)));
          if (k === 5) await store.flush();
        }
      });
    }
    await Promise.all(handlers.sort(() => Math.random() - 0.5).map((h) => h()));
    await store.flush();
    for (const c of calls) c();

    const disk = onDisk(dir);
    expect(disk).toEqual(store.data);
    expect(disk.questions).toHaveLength(500);
    expect(new Set(disk.questions.map((q) => q.id))).toEqual(new Set(Array.from({ length: 500 }, (_, n) => snowflake(n))));
    expect(disk.feedback).toHaveLength(500);
    expect(new Map(disk.feedback.map((f) => [`${f.questionId}/${f.offset}/${f.userId}`, f]))).toEqual(expectedVotes);
    expect(disk.feedback.filter((f) => f.vote === 'down')).toHaveLength(expectedVotesDown(expectedVotes));
    expect(Object.keys(disk.threads)).toHaveLength(50);
    for (const [id, turns] of expectedTurns) expect(disk.threads[id], id).toEqual(turns);

    const reopened = await BotStore.open(dir, log, HISTORY);
    expect(reopened.data).toEqual(store.data);
    expect(reopened.storageWarnings()).toEqual([]);
  });

  it('the bounds: the newest 5,000 questions and votes are kept, none below the bound is lost', async () => {
    const dir = dataDir('bounds');
    const store = await BotStore.open(dir, log, HISTORY);
    await Promise.all(Array.from({ length: MAX_QUESTIONS - 1 }, async (_, n) => {
      await jitter();
      store.recordQuestion(question(n));
      store.recordFeedback(vote(n, 'up', snowflake(n)));
    }));
    await store.flush();
    expect(onDisk(dir).questions).toHaveLength(MAX_QUESTIONS - 1);
    expect(onDisk(dir).feedback).toHaveLength(MAX_QUESTIONS - 1);

    for (let n = MAX_QUESTIONS - 1; n < MAX_QUESTIONS + 100; n++) {
      store.recordQuestion(question(n));
      store.recordFeedback(vote(n, 'up', snowflake(n)));
    }
    await store.flush();
    const disk = onDisk(dir);
    expect(disk.questions).toHaveLength(MAX_QUESTIONS);
    expect(disk.feedback).toHaveLength(MAX_QUESTIONS);
    // The 100 oldest went; which ones depends on the order the concurrent handlers ran, so compare with memory, then check the newest.
    expect(disk).toEqual(store.data);
    expect(disk.questions.slice(-101).map((q) => q.id)).toEqual(Array.from({ length: 101 }, (_, i) => snowflake(MAX_QUESTIONS - 1 + i)));
    expect(disk.feedback.slice(-101).map((f) => f.userId)).toEqual(Array.from({ length: 101 }, (_, i) => snowflake(MAX_QUESTIONS - 1 + i)));
  });

  it(`the bounds: ${MAX_THREADS} threads, the least recently used forgotten first; THREAD_HISTORY (${HISTORY}) turns each`, async () => {
    const dir = dataDir('threads');
    const store = await BotStore.open(dir, log, HISTORY);
    for (let t = 0; t < MAX_THREADS; t++) store.pushThreadTurn(snowflake(t), turn(t, 0));
    for (let t = 0; t < 10; t++) for (let k = 1; k <= HISTORY + 3; k++) store.pushThreadTurn(snowflake(t), turn(t, k));
    for (let t = MAX_THREADS; t < MAX_THREADS + 50; t++) store.pushThreadTurn(snowflake(t), turn(t, 0));
    await store.flush();
    const disk = onDisk(dir);
    const kept = Object.keys(disk.threads);
    expect(kept).toHaveLength(MAX_THREADS);
    const expected = [
      ...Array.from({ length: MAX_THREADS - 60 }, (_, i) => snowflake(60 + i)),
      ...Array.from({ length: 10 }, (_, i) => snowflake(i)),
      ...Array.from({ length: 50 }, (_, i) => snowflake(MAX_THREADS + i)),
    ];
    expect(kept).toEqual(expected);
    expect(disk.threads[snowflake(0)]).toEqual(Array.from({ length: HISTORY }, (_, i) => turn(0, 3 + 1 + i)));
    expect(disk.threads[snowflake(1999)]).toEqual([turn(1999, 0)]);

    const reopened = await BotStore.open(dir, log, HISTORY);
    expect(Object.keys(reopened.data.threads)).toEqual(expected);
  });

  it('THREAD_HISTORY=0 keeps no thread history', async () => {
    const dir = dataDir('no-history');
    const store = await BotStore.open(dir, log, 0);
    store.pushThreadTurn(snowflake(1), turn(1, 0));
    store.recordQuestion(question(1));
    await store.flush();
    expect(onDisk(dir).threads).toEqual({});
    expect(onDisk(dir).questions).toHaveLength(1);
  });
});

function expectedVotesDown(votes: Map<string, FeedbackRecord>): number {
  return [...votes.values()].filter((v) => v.vote === 'down').length;
}
