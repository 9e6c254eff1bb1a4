/**
 * `npm run start:sharded`: the bot under discord.js's ShardingManager, one
 * process per shard, for bots in more guilds than one gateway connection may
 * serve (Discord requires sharding from 2,500).
 *
 * This process owns the data files: it builds or loads DATA_DIR/index.json
 * once before any shard starts, keeps bot.json (shards send their writes and
 * reads here over IPC: lowdb is a single-process store), and runs /reindex for
 * every shard, one at a time. SIGINT / SIGTERM stop the shards, flush bot.json
 * and exit 0.
 */
import { once } from 'node:events';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { BotStore } from '../bot/bot-store.js';
import { createLogger, type Logger } from '../bot/logger.js';
import { ConfigError, loadConfig, readEnvironment, type Config } from '../config.js';
import { ShardHub } from './hub.js';
import { rebuildIndex, SHARD_ENTRY, tsxExecArgv } from './processes.js';
import { REINDEX_TIMEOUT_MS } from './protocol.js';

/** How long each shard may take to log in and receive its guilds. */
const SHARD_READY_TIMEOUT_MS = 60_000;
/** How long shards get to stop on their own before they are killed. */
const SHARD_STOP_MS = 10_000;
/** How long a whole shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 20_000;

function readConfig(): Config {
  // As `npm start`: a .env beside the project is read when present. Shards inherit the environment.
  try {
    const config = loadConfig(readEnvironment());
    if (!config.discordToken) throw new ConfigError('DISCORD_TOKEN is required by start:sharded (without a token, `npm start` opens the local console)');
    return config;
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/** Discord's recommended shard count and how many shards may identify at once (GET /gateway/bot, through DISCORD_API_URL when set). */
async function gatewayBot(config: Config): Promise<{ shards: number; maxConcurrency: number }> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.discordToken!);
  const answer = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return { shards: answer.shards, maxConcurrency: Math.max(1, answer.session_start_limit.max_concurrency) };
}

/** Discord allows one IDENTIFY per 5 s per `shard_id % max_concurrency` bucket; shards are started this far apart. */
const spawnDelayMs = (maxConcurrency: number) => Math.ceil(5_500 / maxConcurrency);

/** Asks every shard to stop, waits for their exits (killing stragglers), and never respawns them. */
async function stopShards(manager: ShardingManager, hub: ShardHub, log: Logger): Promise<void> {
  manager.respawn = false;
  const live = [...manager.shards.values()].map((s) => ({ id: s.id, child: s.process })).filter(({ child }) => child && child.exitCode === null && child.signalCode === null);
  hub.notifyAll('stop', undefined);
  await Promise.all(live.map(async ({ id, child }) => {
    const timer = setTimeout(() => {
      log.warn({ shard: id }, 'shard did not stop in time; killing it');
      child!.kill('SIGKILL');
    }, SHARD_STOP_MS);
    if (child!.exitCode === null && child!.signalCode === null) await once(child!, 'exit');
    clearTimeout(timer);
  }));
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config).child({ role: 'manager' });
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

  let manager: ShardingManager | undefined;
  let hub: ShardHub | undefined;
  let store: BotStore | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (code: number, reason: string) => (stopping ??= (async () => {
    log.info({ reason }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    try {
      if (manager && hub) await stopShards(manager, hub, log);
      await store?.flush();
      log.info('manager stopped');
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      code = 1;
    }
    process.exit(code);
  })());
  process.once('SIGINT', () => void stop(0, 'SIGINT'));
  process.once('SIGTERM', () => void stop(0, 'SIGTERM'));

  try {
    const gateway = await gatewayBot(config);
    const total = config.shardCount === 'auto' ? gateway.shards : config.shardCount;
    const index = await rebuildIndex(config.seedsDir, config.dataDir, false, REINDEX_TIMEOUT_MS);
    for (const w of index.warnings) log.warn(`index: ${w}`);
    log.info({ documents: index.documents, sentences: index.sentences, rebuilt: index.rebuilt }, 'index ready');
    store = await BotStore.open(config.dataDir, log, config.threadHistory);
    hub = new ShardHub(store, async () => ({ warnings: (await rebuildIndex(config.seedsDir, config.dataDir, true, REINDEX_TIMEOUT_MS)).warnings }), log);
    if (stopping) return;
    manager = new ShardingManager(SHARD_ENTRY, { token: config.discordToken!, totalShards: total, mode: 'process', respawn: true, execArgv: tsxExecArgv() });
    const h = hub;
    manager.on('shardCreate', (shard) => {
      h.attach(shard);
      shard.on('death', (child) => {
        if (!stopping) log.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : undefined }, 'shard exited; respawning it');
      });
    });
    const delay = spawnDelayMs(gateway.maxConcurrency);
    log.info({ shards: total, recommended: gateway.shards, delayMs: delay }, 'spawning shards');
    await manager.spawn({ amount: total, delay, timeout: SHARD_READY_TIMEOUT_MS });
    if (!stopping) log.info({ shards: total }, 'all shards ready');
  } catch (err) {
    if (stopping) return;
    log.error({ err }, `start:sharded: ${(err as Error).message}`);
    await stop(1, 'start failed');
  }
}

void main();
