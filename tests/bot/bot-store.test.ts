import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { BOT_FILE, BotStore, type BotData } from '../../src/bot/bot-store.js';

const logs: Record<string, unknown>[] = [];
const log = pino({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
const question = (id: string) => ({ id, userId: 'u', question: id, asked: id, answered: true, at: '2024-01-01T00:00:00.000Z' });

describe('BotStore', () => {
  it('serialises writes: 200 quick changes all reach the disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    const store = await BotStore.open(dir, log, 3);
    for (let i = 0; i < 200; i++) store.recordQuestion(question(String(i)));
    for (let i = 0; i < 5; i++) store.pushThreadTurn('t', { question: `q${i}`, asked: `q${i}`, followUp: false });
    await store.flush();
    const data = JSON.parse(await readFile(join(dir, BOT_FILE), 'utf8')) as BotData;
    expect(data.questions).toHaveLength(200);
    expect(data.threads.t!.map((t) => t.question)).toEqual(['q2', 'q3', 'q4']);
    await rm(dir, { recursive: true, force: true });
  });

  it('a record with the id of a recent one replaces it in place (an edited question, an undelivered answer); it survives a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    const store = await BotStore.open(dir, log, 3);
    for (const id of ['a', 'b', 'c']) store.recordQuestion(question(id));
    store.recordQuestion({ ...question('b'), question: 'b edited', delivered: false });
    await store.flush();
    const reopened = await BotStore.open(dir, log, 3);
    expect(reopened.data.questions.map((q) => [q.id, q.question, q.delivered])).toEqual([['a', 'a', undefined], ['b', 'b edited', false], ['c', 'c', undefined]]);
    expect(reopened.storageWarnings()).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('a burst of changes is one write, made after the write delay; flush writes at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    const store = await BotStore.open(dir, log, 3, 150);
    const file = join(dir, BOT_FILE);
    for (let i = 0; i < 50; i++) store.recordQuestion(question(String(i)));
    await new Promise((r) => setTimeout(r, 30));
    expect(existsSync(file)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect((JSON.parse(await readFile(file, 'utf8')) as BotData).questions).toHaveLength(50);
    store.recordQuestion(question('50'));
    await store.flush();
    expect((JSON.parse(await readFile(file, 'utf8')) as BotData).questions).toHaveLength(51);
    await rm(dir, { recursive: true, force: true });
  });

  it('an unwritable data folder: logs a warning once and keeps serving from memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    await writeFile(join(dir, 'a-file'), 'x');
    const store = await BotStore.open(join(dir, 'a-file', 'data'), log, 3);
    store.recordQuestion(question('1'));
    await store.flush();
    store.recordQuestion(question('2'));
    await store.flush();
    expect(store.question('2')?.id).toBe('2');
    expect(logs.filter((l) => String(l.msg).includes('cannot write'))).toHaveLength(1);
    await rm(dir, { recursive: true, force: true });
  });

  it('a corrupt bot.json is moved aside and the store starts afresh', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    await writeFile(join(dir, BOT_FILE), '{"version": 1, "questions": [');
    const store = await BotStore.open(dir, log, 3);
    expect(store.data.questions).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('a threads value that is no map is one damaged record, not a damaged file; the file is written back once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    await writeFile(join(dir, BOT_FILE), JSON.stringify({ version: 1, questions: [question('1'), question('2')], feedback: [], threads: [] }));
    const store = await BotStore.open(dir, log, 3, 10);
    expect(store.data.questions.map((q) => q.id)).toEqual(['1', '2']);
    expect(store.data.threads).toEqual({});
    await store.flush();
    const again = await BotStore.open(dir, log, 3, 10);
    expect(again.storageWarnings()).toEqual([]);
    expect((await readdir(dir)).filter((n) => n.includes('.damaged-'))).toHaveLength(1);
    await rm(dir, { recursive: true, force: true });
  });

  it('damaged records in a readable bot.json are left out, the rest kept, the file as it was kept beside, and admins told', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    const vote = { questionId: '1', offset: 0, userId: 'u', vote: 'up', at: 'now' };
    const raw = JSON.stringify({
      version: 1,
      questions: [null, question('1'), { id: '2', userId: 'u', question: 'no asked', answered: false, at: '' }, question('3')],
      feedback: [null, vote, { ...vote, vote: 'sideways' }],
      threads: { t1: [{ question: 'q', asked: 'q', followUp: false }, 7], t2: 'oops' },
    });
    await writeFile(join(dir, BOT_FILE), raw);
    const store = await BotStore.open(dir, log, 3);
    expect(store.data.questions.map((q) => q.id)).toEqual(['1', '3']);
    expect(store.data.feedback).toEqual([vote]);
    expect(store.data.threads).toEqual({ t1: [{ question: 'q', asked: 'q', followUp: false }] });
    expect(store.storageWarnings()).toEqual([expect.stringMatching(/^⚠ 6 damaged records in bot\.json were left out at start; the file as it was is kept as bot\.json\.damaged-/)]);
    // What tripped before: a vote, More's lookup, and a follow-up still work.
    store.recordFeedback({ questionId: '3', offset: 0, userId: 'u', vote: 'down', at: 'now' });
    expect(store.question('3')?.asked).toBe('3');
    store.pushThreadTurn('t2', { question: 'q', asked: 'q', followUp: false });
    await store.flush();
    const kept = (await readdir(dir)).find((n) => n.startsWith(`${BOT_FILE}.damaged-`))!;
    expect(await readFile(join(dir, kept), 'utf8')).toBe(raw);
    expect((JSON.parse(await readFile(join(dir, BOT_FILE), 'utf8')) as BotData).questions.map((q) => q.id)).toEqual(['1', '3']);
    await rm(dir, { recursive: true, force: true });
  });
});
