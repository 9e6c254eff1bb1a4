import { once } from 'node:events';
import { Events, type Client, type ClientOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { AnswerPlaces } from './answer-places.js';
import { BotStore, type QuestionStore } from './bot-store.js';
import { createClient } from './client.js';
import type { Command } from './command.js';
import type { BotContext } from './context.js';
import { Cooldown } from './cooldown.js';
import { attachDispatcher } from './dispatcher.js';
import { MorePresses } from './more-presses.js';
import type { EngineHolder } from './engine-holder.js';

/** A running bot. */
export interface Bot {
  client: Client<true>;
  ctx: BotContext;
  /** Stops taking work, flushes pending writes, destroys the client. Idempotent. */
  stop(): Promise<void>;
}

/** What {@link startBot} needs besides the config. */
export interface StartBotOptions {
  engines: EngineHolder;
  commands: ReadonlyMap<string, Command>;
  log: Logger;
  /** Extra client options (tests: fast REST failures). */
  clientOptions?: Partial<ClientOptions>;
  /** How long to wait for the gateway's ready, in ms; default 30 s. */
  readyTimeoutMs?: number;
  /** The data store; default: {@link BotStore} on `DATA_DIR/bot.json` (a shard passes its proxy to the manager's). */
  store?: QuestionStore;
}

/** Opens the store, logs in and resolves once the client is ready. Never registers commands (see deploy-commands). */
export async function startBot(config: Config, options: StartBotOptions): Promise<Bot> {
  if (!config.discordToken) throw new Error('startBot: DISCORD_TOKEN is not set');
  const store = options.store ?? await BotStore.open(config.dataDir, options.log, config.threadHistory);
  const ctx: BotContext = { config, engines: options.engines, store, cooldown: new Cooldown(config.cooldownSeconds, config.cooldownBurst), morePresses: new MorePresses(), answerPlaces: new AnswerPlaces(), log: options.log };
  const client = createClient(config, options.clientOptions);
  let accepting = true;
  attachDispatcher(client, ctx, options.commands, () => accepting);
  // Stopped when the login fails: the wait for ready would otherwise reject later, unhandled, when its time ran out.
  const gaveUp = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.any([AbortSignal.timeout(options.readyTimeoutMs ?? 30_000), gaveUp.signal]) });
  try {
    await client.login(config.discordToken);
    await ready;
  } catch (err) {
    gaveUp.abort();
    ready.catch(() => undefined);
    await client.destroy();
    throw err;
  }
  options.log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'bot ready');
  let stopping: Promise<void> | undefined;
  return {
    client: client as Client<true>,
    ctx,
    stop: () => (stopping ??= (async () => {
      accepting = false;
      await store.flush();
      await client.destroy();
      await store.flush();
      options.log.info('bot stopped');
    })()),
  };
}
