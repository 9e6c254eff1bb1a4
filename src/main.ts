// Only light modules are imported up front: discord.js and the wink model take most of a second to load, and
// the signal handlers below are installed before them (a SIGTERM then ended the process with 143, unlogged).
import { createLogger } from './bot/logger.js';
import type { Bot } from './bot/start-bot.js';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config.js';

/** How long a shutdown may take before the process exits anyway (ms). */
const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Config {
  readEnvironment();
  // SHARD_COUNT is for `npm run start:sharded`. discord.js's Client also reads it from the environment as
  // its own shard count (and 'auto' is not one), so this single-process bot drops it.
  delete process.env.SHARD_COUNT;
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  // Signals are handled from the start: loading the index, logging in and waiting for the gateway can
  // take a while, and a SIGTERM then must still end the process cleanly (it ended it with 143, unlogged).
  let bot: Bot | undefined = undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    // A second Ctrl-C while stopping does not kill the process mid-write: the grace timer bounds the wait.
    if (stopping) return void log.warn({ signal }, 'already shutting down');
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // Before the bot is up it has taken no work and owes no write (the index is replaced by rename, whole or not at all).
    if (!bot) return void process.exit(0);
    bot.stop().then(() => process.exit(0), (err: unknown) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  log.debug('starting');
  const [{ EngineHolder, backgroundIndexLoader }, { commandMap }, { startBot }, { exitQuietlyOnClosedPipe }, { runConsole }] = await Promise.all([
    import('./bot/engine-holder.js'),
    import('../commands/index.js'),
    import('./bot/start-bot.js'),
    import('./cli/run-cli.js'),
    import('./console/run-console.js'),
  ]);
  const { holder, warnings } = await EngineHolder.open(backgroundIndexLoader(config.seedsDir, config.dataDir));
  for (const w of warnings) log.warn(`index: ${w}`);
  if (!config.discordToken) {
    exitQuietlyOnClosedPipe();
    await runConsole(holder, process.stdin, process.stdout, process.stdin.isTTY === true, config.maxQuestionLength, config.threadHistory);
    return;
  }
  bot = await startBot(config, { engines: holder, commands: commandMap(), log });
}

main().catch((err: unknown) => {
  console.error(`start: ${(err as Error).message}`);
  process.exit(1);
});
