import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { BOT_FILE, BotStore, type BotData } from '../../src/bot/bot-store.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import { combineFollowUp, topicOf } from '../../src/bot/follow-up.js';
import { entitySpans, readGlossary } from '../../src/core/glossary.js';
import { SEEDS_DIR } from '../core/support.js';

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

  it('a burst of changes is one write, made after the write delay; flush writes at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bot-store-'));
    const store = await BotStore.open(dir, log, 3, 150);
    const file = join(dir, BOT_FILE);
    for (let i = 0; i < 50; i++) store.recordQuestion(question(String(i)));
    await new Promise((r) => setTimeout(r, 30));
    expect(existsSync(file)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect((JSON.parse(await readFile(file, 'utf8')) as BotData).questions).toHaveLength(50);
    const written = statSync(file).mtimeMs;
    store.recordQuestion(question('50'));
    await store.flush();
    expect((JSON.parse(await readFile(file, 'utf8')) as BotData).questions).toHaveLength(51);
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(written);
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

describe('combineFollowUp', () => {
  const base = [{ question: 'what missiles did russia deploy to iturup?', asked: 'what missiles did russia deploy to iturup?', followUp: false }];
  it.each([
    ['and in what year?', 'in what year? missiles russia deploy to iturup', true],
    ['and Russia?', 'what missiles did russia deploy to iturup? and Russia?', true],
    ['why is NATO opening an office in Japan next year?', 'why is NATO opening an office in Japan next year?', false],
    ['what about China?', 'what missiles did russia deploy to iturup? what about China?', true],
    ['who put them there?', 'who put them there? missiles russia deploy to iturup', true],
    ['what year?', 'what year? missiles russia deploy to iturup', true],
    // A bare wh-word says too little to lead: added to the earlier question.
    ['why?', 'what missiles did russia deploy to iturup? why?', true],
    ['by whom?', 'what missiles did russia deploy to iturup? by whom?', true],
    // Short, but whole questions of their own: asked alone (glued to the thread's, the first got the wrong article's date).
    ['when was the Brown article published?', 'when was the Brown article published?', false],
    ['what is the Quad?', 'what is the Quad?', false],
    ['who wrote the Global Times article?', 'who wrote the Global Times article?', false],
    ['is there a NATO office in Tokyo?', 'is there a NATO office in Tokyo?', false],
    ['who is Itō Hirobumi?', 'who is Itō Hirobumi?', false],
    ['how many troops?', 'how many troops? missiles russia deploy to iturup', true],
    ['what was the date?', 'what was the date? missiles russia deploy to iturup', true],
  ])('%s', (q, asked, followUp) => {
    expect(combineFollowUp(q, base)).toEqual({ asked, followUp });
  });
  it('a follow-up with a question form of its own keeps it, and takes only the topic of the question before', () => {
    const author = [{ question: 'who wrote the Brown article?', asked: 'who wrote the Brown article?', followUp: false }];
    expect(combineFollowUp('when was it published?', author)).toEqual({ asked: 'when was it published? wrote the Brown article', followUp: true });
    expect(combineFollowUp('and when was it published?', author).asked).toBe('when was it published? wrote the Brown article');
    expect(combineFollowUp('when?', author).asked).toBe('who wrote the Brown article? when?');
    expect(topicOf('how many times did Japan scramble jets?')).toBe('times Japan scramble jets');
  });

  describe('"and X?" puts X in place of the name of its kind, with the shipped glossary', () => {
    const glossary = readGlossary(join(SEEDS_DIR, 'glossary.json'));
    const spans = (t: string) => entitySpans(t, glossary);
    const after = (earlier: string, q: string) => combineFollowUp(q, [{ question: earlier, asked: earlier, followUp: false }], spans).asked;
    it.each([
      ['what did China say about the NATO office?', 'and Russia?', 'what did Russia say about the NATO office?'],
      ['what did China say about the NATO office?', 'what about moscow?', 'what did moscow say about the NATO office?'],
      // A demonym stands for a demonym: "Russian ones" are planes, not the country that scrambles.
      ['how many times did Japan scramble jets against Chinese planes?', 'and Russian ones?', 'how many times did Japan scramble jets against Russian planes?'],
      ['what did Qin Gang say about Europe?', 'and Zakharova?', 'what did Zakharova say about Europe?'],
      ['what did China say?', 'and Russia in 2018?', 'what did Russia say? in 2018'],
      // Nothing of its kind to replace, or a name already asked about: added to the question as before.
      ['what did China say about the office?', 'and NATO?', 'what did China say about the office? and NATO?'],
      ['what did Russia deploy to Iturup?', 'and Russia?', 'what did Russia deploy to Iturup? and Russia?'],
      ['what did Russia deploy to Iturup?', 'and the drills?', 'what did Russia deploy to Iturup? and the drills?'],
      ['how many times did Japan scramble jets against Chinese planes?', 'and French ones?', 'how many times did Japan scramble jets against French planes?'],
      ['what did China say about China\'s navy?', 'and Russia?', 'what did Russia say about China\'s navy?'],
      // The same question form again, of another name: put in its place.
      ['what did China say about the office?', 'and what did Russia say?', 'what did Russia say about the office?'],
      // A question form of its own about a name is a question of its own, asked as typed (a review found
      // "What year did Japan annex Crimea?" made of "and what did Japan do?", and the Time News byline question declined).
      ['What year did Russia annex Crimea?', 'and what did Japan do?', 'and what did Japan do?'],
      ['who wrote the Brown article?', 'and who wrote the Time News one?', 'and who wrote the Time News one?'],
    ])('%s + %s', (earlier, q, asked) => {
      expect(after(earlier, q)).toBe(asked);
    });
  });

  it('a message of 100,000 letters is no follow-up, and is read at once (a verb pattern took seconds on one long word)', () => {
    const long = 'a'.repeat(100_000);
    expect(combineFollowUp(long, base)).toEqual({ asked: long, followUp: false });
    expect(combineFollowUp(`${'b'.repeat(150)}?`, base).followUp).toBe(true);
  });

  it('leans on the latest standalone question, not on an earlier follow-up', () => {
    expect(combineFollowUp('and China?', [...base, { question: 'and Russia?', asked: 'x and Russia?', followUp: true }]).asked).toBe(`${base[0]!.asked} and China?`);
    expect(combineFollowUp('and China?', [])).toEqual({ asked: 'and China?', followUp: false });
  });
});

describe('Cooldown', () => {
  it('allows `burst` per window and tells when to retry', () => {
    let now = 1_000_000;
    const c = new Cooldown(10, 2, () => now);
    expect(c.take('u')).toBeUndefined();
    now += 1000;
    expect(c.take('u')).toBeUndefined();
    expect(c.take('u')).toBe(1_010_000);
    expect(c.take('other')).toBeUndefined();
    now = 1_010_000;
    expect(c.take('u')).toBeUndefined();
  });

  it('firstNotice: once per user and retry time', () => {
    let now = 1_000_000;
    const c = new Cooldown(10, 1, () => now);
    c.take('u');
    const at = c.take('u')!;
    expect([c.firstNotice('u', at), c.firstNotice('u', at), c.firstNotice('v', at)]).toEqual([true, false, true]);
    now = at;
    c.take('u');
    const later = c.take('u')!;
    expect(later).toBeGreaterThan(at);
    expect(c.firstNotice('u', later)).toBe(true);
  });
});
