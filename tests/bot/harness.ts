/** Starts the real bot (real discord.js Client) against a Discord double, with a temp data folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Events, type ClientOptions } from 'discord.js';
import { afterEach, beforeAll, expect } from 'vitest';
import { commandMap } from '../../commands/index.js';
import type { Command } from '../../src/bot/command.js';
import { EngineHolder, type AnswerEngine, type EngineLoader } from '../../src/bot/engine-holder.js';
import { createLogger } from '../../src/bot/logger.js';
import { startBot, type Bot } from '../../src/bot/start-bot.js';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/core/engine.js';
import { loadIndex } from '../../src/store/index-store.js';
import { startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions, type RecordedCall } from '../discord/double.js';

/** The real seeds folder. */
export const SEEDS_DIR = resolve('seeds');

/** Builds the real engine once (call in beforeAll) through a temp folder, removed once the index is loaded. */
export async function buildEngine(): Promise<{ engine: Engine }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bot-index-'));
  try {
    const loaded = await loadIndex(SEEDS_DIR, dataDir);
    return { engine: new Engine(loaded.data, loaded.nlp) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** One running bot and its double. */
export interface Harness {
  double: DiscordDouble;
  bot: Bot;
  dataDir: string;
  /** Client `error` events seen. */
  clientErrors: Error[];
  /** Log lines (parsed JSON). */
  logs: Record<string, unknown>[];
  /** Stops bot and double, removes the temp folder. */
  close(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  env?: Record<string, string>;
  engine: AnswerEngine;
  loader?: EngineLoader;
  commands?: Command[];
  double?: DiscordDoubleOptions;
  /** Client options; default REST retries 0 and a 2 s timeout, so a failure is final at once. */
  clientOptions?: Partial<ClientOptions>;
}

/** Starts a double, a temp DATA_DIR and the bot logged into the double. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const double = await startDiscordDouble(options.double);
  const dataDir = await mkdtemp(join(tmpdir(), 'bot-data-'));
  const config = loadConfig({
    DISCORD_TOKEN: 'test-token-0123456789abcdef', DISCORD_API_URL: double.apiUrl, DATA_DIR: dataDir, SEEDS_DIR,
    LOG_LEVEL: 'info', COOLDOWN_BURST: '100', ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const log = createLogger(config, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const engines = new EngineHolder(options.engine, options.loader ?? (async () => ({ engine: options.engine, warnings: [], saved: true })));
  const commands = commandMap();
  for (const c of options.commands ?? []) commands.set(c.data.name, c);
  const bot = await startBot(config, { engines, commands, log, clientOptions: options.clientOptions ?? { rest: { retries: 0, timeout: 2000 } }, readyTimeoutMs: 5000 });
  const clientErrors: Error[] = [];
  bot.client.on(Events.Error, (e) => clientErrors.push(e));
  return {
    double, bot, dataDir, clientErrors, logs,
    close: async () => {
      await bot.stop();
      await double.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The lifecycle every bot test file shares: the real engine built once, each
 * harness closed after its test, and then no client `error` event allowed (and,
 * with `checkMentions`, every message sent with allowed_mentions none).
 */
export function useHarnesses(options: { checkMentions?: boolean; defaults?: () => Promise<Partial<HarnessOptions>> } = {}) {
  let engine: Engine | undefined;
  const running: Harness[] = [];
  beforeAll(async () => {
    ({ engine } = await buildEngine());
  });
  afterEach(async () => {
    const done = running.splice(0);
    for (const h of done) await h.close();
    for (const h of done) expect(h.clientErrors).toEqual([]);
    if (options.checkMentions) for (const h of done) for (const call of messageCalls(h.double)) expect(messageBody(call).allowed_mentions).toMatchObject({ parse: [] });
  });
  return {
    engine: (): Engine => engine!,
    harness: async (extra: Partial<HarnessOptions> = {}): Promise<Harness> => {
      const h = await startHarness({ engine: engine!, ...(await options.defaults?.()), ...extra });
      running.push(h);
      return h;
    },
  };
}

/** The PATCH of an interaction's original response. */
export function waitForEdit(double: DiscordDouble, token: string, timeoutMs = 3000): Promise<RecordedCall> {
  return double.waitForCall({ method: 'PATCH', path: `/webhooks/${double.state.applicationId}/${token}/messages/@original` }, timeoutMs);
}

/**
 * The call Discord took that carried an interaction's answer, and the message it carried: the reply itself (a
 * type 4 callback), or after a defer the PATCH of @original (/ask defers only an interaction that reached it late).
 */
export async function waitForAnswer(double: DiscordDouble, token: string, timeoutMs = 3000): Promise<{ call: RecordedCall; body: Record<string, unknown> }> {
  const original = `/webhooks/${double.state.applicationId}/${token}/messages/@original`;
  const call = await double.waitForCall(function theAnswer(c) {
    return c.status >= 200 && c.status < 300 && ((c.method === 'PATCH' && c.path === original) ||
      (c.method === 'POST' && c.path.endsWith(`/${token}/callback`) && (c.body as { type?: number } | null)?.type === 4));
  }, timeoutMs);
  return { call, body: messageBody(call) };
}

/** The thread the double's guild starts with. */
export const threadOf = (h: Harness): string => String(h.double.state.guilds[0]!.threads[0]!.id);

/** Every POST of a message to a channel (a thread is a channel), in order. */
export const postsIn = (h: Harness, channelId: string): RecordedCall[] => h.double.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);

/** The callback of an interaction. */
export function waitForCallback(double: DiscordDouble, id: string, token: string, timeoutMs = 3000): Promise<RecordedCall> {
  return double.waitForCall({ method: 'POST', path: `/interactions/${id}/${token}/callback` }, timeoutMs);
}

/** Every text a payload shows: content and every embed's strings. */
export function shownText(body: unknown): string {
  return JSON.stringify(body ?? {});
}

/** Every call by which the bot posted or edited a message. */
export function messageCalls(double: DiscordDouble): RecordedCall[] {
  return double.calls.filter((c) =>
    (c.method === 'POST' && /\/channels\/\d+\/messages$/.test(c.path)) ||
    (c.method === 'PATCH' && c.path.includes('/messages/')) ||
    (c.method === 'POST' && /^\/webhooks\//.test(c.path)) ||
    (c.method === 'POST' && c.path.endsWith('/callback') && [4, 7].includes(Number((c.body as { type?: number } | null)?.type))));
}

/** The message body a call carried (callbacks wrap it in `data`). */
export function messageBody(call: RecordedCall): Record<string, unknown> {
  const body = (call.body ?? {}) as Record<string, unknown>;
  return call.path.endsWith('/callback') ? ((body.data ?? {}) as Record<string, unknown>) : body;
}
