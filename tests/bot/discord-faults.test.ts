/**
 * Discord misbehaving, through the real discord.js client and the loopback double:
 * gateway drops and RECONNECT, REST 429s, 5xx, expired interaction tokens. In every
 * case the user's reply lands exactly once (or the failure is logged and the bot
 * carries on), and the client never emits `error`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Events, Status, type ClientOptions } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { rateLimited, responseLost, serverError, startDiscordDouble, unknownInteraction, type RecordedCall } from '../discord/double.js';
import type { BotData } from '../../src/bot/bot-store.js';
import { EngineHolder } from '../../src/bot/engine-holder.js';
import { createLogger } from '../../src/bot/logger.js';
import { startBot } from '../../src/bot/start-bot.js';
import { commandMap } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { buildEngine, postsIn, SEEDS_DIR, threadOf, useHarnesses, waitForAnswer, type Harness } from './harness.js';

const { harness } = useHarnesses();

/** A harness with the client options of a test (e.g. REST retries); the bot logs through its own logger, as in production. */
const harnessWith = (clientOptions: Partial<ClientOptions>): Promise<Harness> => harness({ clientOptions });

const KURILS = 'until what year did japan control the kurils?';
const ask = (h: Harness, question = KURILS) => h.double.sendInteraction({ name: 'ask', options: { question } });
/** An /ask that reaches the bot 1.8 s after Discord made it: deferred, then answered by an edit of @original. */
const askLate = (h: Harness) => h.double.sendInteraction({ name: 'ask', ageMs: 1800, options: { question: KURILS } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok = (c: RecordedCall) => c.status >= 200 && c.status < 300;
const callbacksOf = (h: Harness, token: string) => h.double.callsFor(token).filter((c) => c.path.endsWith('/callback'));
const editsOf = (h: Harness, token: string) => h.double.callsFor(token).filter((c) => c.method === 'PATCH' && c.path.endsWith('/messages/@original'));

/** Polls until `predicate` holds (log lines arrive asynchronously). */
async function until(predicate: () => boolean, label: string, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${label}`);
    await sleep(10);
  }
}

/** Asks, waits for the answer, and checks it: one callback taken, quoting 1945. */
async function expectAnswered(h: Harness, timeoutMs = 3000): Promise<void> {
  const { token } = ask(h);
  const edit = await waitForAnswer(h.double, token, timeoutMs);
  expect(JSON.stringify(edit.body)).toContain('1945');
  expect(callbacksOf(h, token).filter(ok)).toHaveLength(1);
}

describe('gateway faults', () => {
  it('a connection dropped abruptly (1006): the client resumes, and /ask sent during and after the outage is answered', async () => {
    const h = await harness();
    const resumed: number[] = [];
    h.bot.client.on(Events.ShardResume, (id) => resumed.push(id));
    expect(h.double.dropConnections()).toBe(1);
    // Sent while no session is connected: the double holds it, as Discord replays missed events on RESUME.
    const during = ask(h);
    const resume = await h.double.waitForGateway((f) => f.connection === 2 && (f.op === 6 || f.op === 2), 5000, 'RESUME or IDENTIFY on connection 2');
    expect(resume.op).toBe(6);
    expect(h.double.identifies()).toHaveLength(1);
    expect(JSON.stringify((await waitForAnswer(h.double, during.token)).body)).toContain('1945');
    await expectAnswered(h);
    await until(() => resumed.length === 1, 'shardResume');
  });

  it('op 7 RECONNECT: the client reconnects and resumes, then keeps answering', async () => {
    const h = await harness();
    await expectAnswered(h);
    expect(h.double.requestReconnect()).toBe(1);
    const resume = await h.double.waitForGateway((f) => f.connection === 2 && (f.op === 6 || f.op === 2), 5000, 'RESUME or IDENTIFY on connection 2');
    expect(resume.op).toBe(6);
    await expectAnswered(h);
    expect(h.double.identifies()).toHaveLength(1);
    expect(h.bot.client.ws.status).toBe(Status.Ready);
  });
});

describe('REST faults on /ask', () => {
  it('429 with retry-after on the interaction callback: waited out, the answer lands exactly once', async () => {
    const h = await harness();
    h.double.failNext({ method: 'POST', path: /\/callback$/ }, rateLimited(0.05));
    const { token } = ask(h);
    const answer = await waitForAnswer(h.double, token);
    expect(JSON.stringify(answer.body)).toContain('1945');
    const callbacks = callbacksOf(h, token);
    expect(callbacks.map((c) => c.status)).toEqual([429, 204]);
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(45);
    await sleep(100);
    expect(h.double.callsFor(token)).toHaveLength(2);
  });

  it.each([
    ['per-route', false],
    ['global', true],
  ])('429 (%s) on the PATCH of @original after a defer: retried after retry-after, the answer lands exactly once', async (_scope, global) => {
    const h = await harness();
    h.double.failNext({ method: 'PATCH', path: /\/messages\/@original$/ }, rateLimited(0.05, { global }));
    const { token } = askLate(h);
    await h.double.waitForCall((c) => c.method === 'PATCH' && c.path.includes(token) && c.status === 200);
    await sleep(100);
    const edits = editsOf(h, token);
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(45);
    expect(callbacksOf(h, token).map((c) => c.status)).toEqual([204]);
    expect(JSON.stringify(h.double.originalMessage(token))).toContain('1945');
  });

  it.each([
    ['the reply (the callback)', false],
    ['the PATCH of @original after a defer', true],
  ])('500 then 503 on %s, with REST retries 2: the answer lands once, on the third try', async (_what, late) => {
    const h = await harnessWith({ rest: { retries: 2, timeout: 2000 } });
    const carrier = late ? { method: 'PATCH', path: /\/messages\/@original$/ } : { method: 'POST', path: /\/callback$/ };
    h.double.failNext(carrier, serverError(500));
    h.double.failNext(carrier, serverError(503));
    const { token } = late ? askLate(h) : ask(h);
    await h.double.waitForCall((c) => c.method === carrier.method && c.path.includes(token) && c.status < 300);
    await sleep(100);
    expect((late ? editsOf(h, token) : callbacksOf(h, token)).map((c) => c.status)).toEqual([500, 503, late ? 200 : 204]);
    if (late) expect(callbacksOf(h, token).map((c) => c.status)).toEqual([204]);
    expect(JSON.stringify(h.double.originalMessage(token))).toContain('1945');
    expect(h.logs.filter((l) => l.msg === 'handler failed')).toEqual([]);
  });

  it('an expired interaction token (404 10062): logged once as expired, no apology to nobody, no retry storm; the next /ask is answered', async () => {
    const h = await harnessWith({ rest: { retries: 3, timeout: 2000 } });
    const { token } = ask(h);
    // An expired token fails every call made with it.
    h.double.failNext((c) => c.path.split('/').includes(token), unknownInteraction(50));
    await until(() => h.logs.some((l) => l.msg === 'interaction expired before it was answered'), 'the expiry in the log');
    expect(h.logs.find((l) => l.msg === 'interaction expired before it was answered')).toMatchObject({ level: 40, handler: '/ask' });
    await sleep(300);
    const calls = h.double.callsFor(token);
    // The reply fails; no apology is attempted with a dead token.
    expect(calls.length).toBe(1);
    expect(calls.every((c) => c.status === 404)).toBe(true);
    expect(h.logs.some((l) => l.msg === 'could not send the apology')).toBe(false);
    expect(h.logs.some((l) => JSON.stringify(l).includes(token))).toBe(false);
    await expectAnswered(h);
  });
});

describe('a mention answered in a thread', () => {

  it('the reply fails with a 500: logged, the apology is posted with its error id, and the bot keeps answering', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.failNext({ method: 'POST', path: `/channels/${threadId}/messages` }, serverError(500));
    const sent = h.double.sendMessage({ channelId: threadId, content: KURILS, mentionsBot: true });
    const apology = await h.double.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages` && c.status === 200);
    const errorId = /error id `([0-9a-f]{8})`/.exec(JSON.stringify(apology.body))?.[1];
    expect(errorId).toBeDefined();
    expect(apology.body).toMatchObject({ message_reference: { message_id: sent.id }, allowed_mentions: { parse: [] } });
    expect(h.logs.find((l) => l.errorId === errorId)).toMatchObject({ msg: 'handler failed', handler: 'mention', err: { status: 500 } });

    h.double.sendMessage({ channelId: threadId, content: KURILS, mentionsBot: true });
    await until(() => postsIn(h, threadId).filter(ok).length === 2, 'the second answer');
    expect(JSON.stringify(postsIn(h, threadId).filter(ok)[1]!.body)).toContain('1945');
  });

  it('the reply and the apology both fail with 503: both logged, no crash, the bot keeps answering', async () => {
    const h = await harness();
    const threadId = threadOf(h);
    h.double.failNext({ method: 'POST', path: `/channels/${threadId}/messages` }, serverError(503, 2));
    h.double.sendMessage({ channelId: threadId, content: KURILS, mentionsBot: true });
    await until(() => h.logs.some((l) => l.msg === 'could not send the apology'), 'the apology failure in the log');
    const failed = h.logs.find((l) => l.msg === 'handler failed') as { errorId: string } | undefined;
    expect(h.logs.find((l) => l.msg === 'could not send the apology')).toMatchObject({ errorId: failed?.errorId, err: { status: 503 } });
    expect(postsIn(h, threadId).map((c) => c.status)).toEqual([503, 503]);

    h.double.sendMessage({ channelId: threadId, content: KURILS, mentionsBot: true });
    await until(() => postsIn(h, threadId).some(ok), 'the next answer');
    expect(JSON.stringify(postsIn(h, threadId).find(ok)!.body)).toContain('1945');
  });
});

describe('a response lost on its way back: Discord carried the request out, the client sends it again', () => {
  const RETRYING = { rest: { retries: 2, timeout: 2000 } };
  /** The bot's messages in a channel. */
  const messagesIn = (h: Harness, channelId: string) => [...h.double.state.messages.values()].filter((m) => m.channel_id === channelId && String((m.author as { id: string }).id) === String(h.double.state.botUser.id));

  it.each([
    ['the reply is refused as already acknowledged (40060): the first try was the answer', false],
    ['the retried defer (a late /ask) is refused as already acknowledged (40060), and the answer is still edited in', true],
  ])('/ask: %s', async (_what, late) => {
    const h = await harnessWith(RETRYING);
    h.double.failNext({ method: 'POST', path: /\/callback$/ }, responseLost());
    const { token } = late ? askLate(h) : ask(h);
    if (late) expect(JSON.stringify((await waitForAnswer(h.double, token)).body)).toContain('1945');
    else await until(() => callbacksOf(h, token).length === 2, 'the retried reply');
    expect(callbacksOf(h, token).map((c) => c.status)).toEqual([502, 400]);
    expect(JSON.stringify(h.double.originalMessage(token))).toContain('1945');
    await sleep(100);
    expect(h.double.callsFor(token)).toHaveLength(late ? 3 : 2);
    expect(h.logs.filter((l) => l.msg === 'handler failed' || l.msg === 'could not send the apology')).toEqual([]);
    const asked = (h.bot.ctx.store.data as BotData).questions.at(-1);
    expect(asked).toMatchObject({ answered: true });
    expect(asked?.delivered).toBeUndefined();
  });

  it('More: the page the first try posted is the one answer, and no error is logged for it', async () => {
    const h = await harnessWith(RETRYING);
    const asked = ask(h);
    const edit = await waitForAnswer(h.double, asked.token);
    const more = (edit.body as { components: Array<{ components: Array<{ custom_id: string }> }> }).components[0]!.components[0]!.custom_id;
    h.double.failNext({ method: 'POST', path: /\/callback$/ }, responseLost());
    const pressed = h.double.sendInteraction({ type: 3, customId: more, messageId: h.double.interaction(asked.token)!.originalId! });
    await until(() => h.logs.some((l) => l.msg === 'a retried reply was already delivered'), 'the retry in the log');
    expect(callbacksOf(h, pressed.token).map((c) => c.status)).toEqual([502, 400]);
    expect(JSON.stringify(h.double.originalMessage(pressed.token))).toContain('embeds');
    expect(h.logs.filter((l) => l.msg === 'handler failed')).toEqual([]);
  });

  it('More whose page Discord refuses (500): the apology is private, and the next press posts the page (the press is not used up)', async () => {
    const h = await harness();
    const asked = ask(h);
    const edit = await waitForAnswer(h.double, asked.token);
    const more = (edit.body as { components: Array<{ components: Array<{ custom_id: string }> }> }).components[0]!.components[0]!.custom_id;
    const messageId = h.double.interaction(asked.token)!.originalId!;
    h.double.failNext({ method: 'POST', path: /\/callback$/ }, serverError(500));
    const failed = h.double.sendInteraction({ type: 3, customId: more, messageId });
    await until(() => callbacksOf(h, failed.token).length === 2, 'the apology');
    expect(h.logs.some((l) => l.msg === 'handler failed')).toBe(true);
    expect(callbacksOf(h, failed.token).map((c) => c.status)).toEqual([500, 204]);
    const again = h.double.sendInteraction({ type: 3, customId: more, messageId });
    await until(() => callbacksOf(h, again.token).some(ok), 'the second press answered');
    const page = callbacksOf(h, again.token).find(ok)!.body as { type: number; data: { flags?: number; embeds: { title: string }[] } };
    expect(page.data.flags ?? 0).toBe(0);
    expect(page.data.embeds[0]!.title).toMatch(/^4\. /);
  });

  it('a reply in a thread is posted once: the retry carries the same nonce, and Discord returns the first message', async () => {
    const h = await harnessWith(RETRYING);
    const threadId = threadOf(h);
    h.double.failNext({ method: 'POST', path: `/channels/${threadId}/messages` }, responseLost());
    h.double.sendMessage({ channelId: threadId, content: KURILS, mentionsBot: true });
    await h.double.waitForCall((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages` && c.status === 200);
    await sleep(200);
    const posts = h.double.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${threadId}/messages`);
    expect(posts.map((c) => c.status)).toEqual([502, 200]);
    expect((posts[0]!.body as { nonce?: string }).nonce).toBeDefined();
    expect((posts[1]!.body as { nonce?: string }).nonce).toBe((posts[0]!.body as { nonce?: string }).nonce);
    expect(messagesIn(h, threadId)).toHaveLength(1);
    expect(h.logs.filter((l) => l.msg === 'handler failed')).toEqual([]);
  });

  it('a mention in a channel: the thread the first try started gets the answer (160004 on the retry), not an apology beside it', async () => {
    const h = await harnessWith(RETRYING);
    const channelId = String(h.double.state.guilds[0]!.channels[0]!.id);
    const sent = h.double.sendMessage({ channelId, content: KURILS, mentionsBot: true });
    h.double.failNext({ method: 'POST', path: `/channels/${channelId}/messages/${String(sent.id)}/threads` }, responseLost());
    const starts = () => h.double.calls.filter((c) => c.path === `/channels/${channelId}/messages/${String(sent.id)}/threads`);
    await until(() => starts().length === 2, 'the retried thread start');
    expect(starts().map((c) => c.status)).toEqual([502, 400]);
    const threads = h.double.state.guilds[0]!.threads.filter((t) => String(t.id) === String(sent.id));
    expect(threads).toHaveLength(1);
    await until(() => messagesIn(h, String(sent.id)).length === 1, 'the answer in the thread');
    expect(JSON.stringify(messagesIn(h, String(sent.id))[0])).toContain('1945');
    expect(h.bot.ctx.store.threadTurns(String(sent.id))).toHaveLength(1);
    expect(messagesIn(h, channelId)).toEqual([]);
    expect(h.logs.filter((l) => l.msg === 'handler failed')).toEqual([]);
  });
});

describe('a login Discord refuses', () => {
  it('rejects startBot, and nothing rejects later unhandled when the wait for ready would have timed out', async () => {
    const double = await startDiscordDouble();
    const dataDir = await mkdtemp(join(tmpdir(), 'bot-login-'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      double.failNext({ method: 'GET', path: '/gateway/bot' }, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
      const config = loadConfig({ DISCORD_TOKEN: 'test-token-0123456789abcdef', DISCORD_API_URL: double.apiUrl, DATA_DIR: dataDir, SEEDS_DIR, LOG_LEVEL: 'silent' });
      const { engine } = await buildEngine();
      const engines = new EngineHolder(engine, async () => ({ engine, warnings: [], saved: true }));
      const log = createLogger(config, { write: () => undefined });
      await expect(startBot(config, { engines, commands: commandMap(), log, clientOptions: { rest: { retries: 0, timeout: 2000 } }, readyTimeoutMs: 200 })).rejects.toThrow();
      await sleep(500);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await double.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
