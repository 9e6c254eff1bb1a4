import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../config.js';

/**
 * The discord.js client: Guilds and GuildMessages only (no privileged intent:
 * Discord still delivers the content of messages that mention the bot), and
 * the REST base from DISCORD_API_URL when set (a proxy, or a test double).
 */
export function createClient(config: Pick<Config, 'apiUrl'>, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [], repliedUser: false },
    ...extra,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...extra.rest },
  });
}
