/**
 * One shard: forked by the sharding manager (src/shard/manager.ts), never run
 * by hand. The bot for this shard's guilds (discord.js reads SHARDS and
 * SHARD_COUNT from the environment the manager gives it), answering from the
 * index.json the manager built, with its data kept by the manager over IPC.
 */
import { commandMap } from '../../commands/index.js';
import { createLogger } from '../bot/logger.js';
import { startBot, type Bot } from '../bot/start-bot.js';
import { ConfigError, loadConfig } from '../config.js';
import { IpcStore } from './ipc-store.js';
import { REINDEX_TIMEOUT_MS, type ManagerApi, type ShardApi } from './protocol.js';
import { parentPort, RpcEndpoint } from './rpc.js';
import { readStoredEngine, ShardEngineHolder, shardIndexLoader } from './shard-index.js';

/** How long a shutdown may take before the process exits anyway (ms). */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  if (!process.send) {
    console.error('shard-entry: shards are started by `npm run start:sharded`');
    process.exit(1);
  }
  const config = loadConfig(process.env);
  const shardId = config.shardId;
  const log = createLogger(config).child({ shard: shardId });
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

  const running: { bot?: Bot } = {};
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'shard stopping');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    (running.bot?.stop() ?? Promise.resolve()).then(() => process.exit(0), (err: unknown) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('disconnect', () => shutdown('the manager is gone'));

  // Listen first: the manager may ask for a reload while this shard still starts.
  const rpc = new RpcEndpoint<ShardApi, ManagerApi>(parentPort(), {
    reload: async () => {
      const { holder } = await opened;
      const next = await readStoredEngine(config.dataDir);
      holder.swap(next.engine);
      for (const w of next.warnings) log.warn(`index: ${w}`);
      log.info({ documents: next.engine.documents.length }, 'index reloaded');
      return { documents: next.engine.documents.length };
    },
    reindexing: ({ busy }) => void opened.then(({ holder }) => (holder.remoteBusy = busy), () => undefined),
    stop: () => shutdown('asked by the manager'),
  }, log);
  const opened = ShardEngineHolder.openShard(shardIndexLoader(config.dataDir, () => rpc.request('reindex', undefined, REINDEX_TIMEOUT_MS)));
  const { holder, warnings } = await opened;
  for (const w of warnings) log.warn(`index: ${w}`);
  running.bot = await startBot(config, { engines: holder, commands: commandMap(), log, store: new IpcStore(rpc, log) });
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `shard: ${(err as Error).message}`);
  process.exit(1);
});
