import { REST, Routes } from 'discord.js';
import { commands } from '../commands/index.js';
import { ConfigError, loadConfig, readEnvironment } from './config.js';

/** Registers the slash commands: in DISCORD_GUILD_ID when set (instant), else globally. Start-up never does this. */
async function deploy(): Promise<void> {
  const config = loadConfig(readEnvironment());
  if (!config.discordToken) throw new ConfigError('DISCORD_TOKEN is required to register commands');
  if (!config.clientId) throw new ConfigError('DISCORD_CLIENT_ID is required to register commands');
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.discordToken);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const saved = (await rest.put(route, { body: commands.map((c) => c.data) })) as unknown[];
  console.log(`Registered ${saved.length} commands ${config.guildId ? `in guild ${config.guildId}` : 'globally'}.`);
}

deploy().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `deploy-commands: ${(err as Error).message}`);
  process.exit(1);
});
