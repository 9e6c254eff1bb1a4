import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { InteractionAwareREST } from './interaction-rest.js';

/** How often @discordjs/rest drops idle per-route queues (its default: an hour). */
export const HANDLER_SWEEP_MS = 60_000;

/**
 * The discord.js client: Guilds and GuildMessages only (no privileged intent:
 * Discord still delivers the content of messages that mention the bot), and
 * the REST base from DISCORD_API_URL when set (a proxy, or a test double), and
 * the client-side global request rate from DISCORD_REST_GLOBAL_RPS (default 50), which
 * interaction replies and edits do not count against (see {@link InteractionAwareREST}).
 *
 * @discordjs/rest keeps one rate-limit queue per interaction token (the token is the
 * major parameter of webhook routes) and by default sweeps idle queues once an hour:
 * about 1.3 kB per /ask for up to an hour. Sweeping idle ones every minute keeps
 * memory flat under load.
 *
 * Every message the bot posts carries a nonce Discord enforces: when a response is lost
 * and @discordjs/rest sends the same request again, Discord returns the message the first
 * try created instead of posting the answer twice.
 */
export function createClient(config: Pick<Config, 'apiUrl'> & Partial<Pick<Config, 'restGlobalRps'>>, extra: Partial<ClientOptions> = {}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [], repliedUser: false },
    enforceNonce: true,
    ...extra,
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      ...(config.restGlobalRps ? { globalRequestsPerSecond: config.restGlobalRps } : {}),
      handlerSweepInterval: HANDLER_SWEEP_MS,
      ...extra.rest,
    },
  });
  // Before login: the gateway manager takes client.rest when it connects.
  client.rest = new InteractionAwareREST(client.options.rest);
  return client;
}
