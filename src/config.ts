import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
const idList = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(snowflake));
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A setting that takes its default when unset or blank ("COOLDOWN_SECONDS=" is not 0). */
const setting = <T extends z.ZodType>(inner: T) => z.preprocess(emptyAsUndefined, inner);
/** A whole number written as digits only (not "0x10", "1e3" or "5.5"), within bounds. */
const whole = (min: number, max: number, fallback: number) => {
  const range = `must be a whole number from ${min} to ${max}`;
  return setting(z.string().trim().regex(/^\d{1,9}$/, range).transform(Number).pipe(z.number().min(min, range).max(max, range)).default(fallback));
};
/** The longest question /ask declares to Discord on its option; the setting can only lower it. */
export const QUESTION_OPTION_MAX = 300;

const schema = z.object({
  DISCORD_TOKEN: setting(z.string().min(20, 'looks too short to be a bot token').regex(/^\S+$/, 'must not contain spaces').optional()),
  DISCORD_CLIENT_ID: setting(snowflake.optional()),
  DISCORD_GUILD_ID: setting(snowflake.optional()),
  DISCORD_API_URL: setting(z.string().url('must be a URL such as https://discord.com/api').refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL such as https://discord.com/api').optional()),
  DISCORD_REST_GLOBAL_RPS: whole(1, 100_000, 50),
  ADMIN_USER_IDS: idList,
  ADMIN_ROLE_IDS: idList,
  SEEDS_DIR: setting(z.string().default('seeds')),
  DATA_DIR: setting(z.string().default('data')),
  LOG_LEVEL: setting(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  COOLDOWN_SECONDS: whole(0, 3600, 5),
  COOLDOWN_BURST: whole(1, 100, 3),
  MENTION_REPLY_MODE: setting(z.enum(['thread', 'reply']).default('thread')),
  THREAD_HISTORY: whole(0, 50, 6),
  MAX_QUESTION_LENGTH: whole(20, QUESTION_OPTION_MAX, QUESTION_OPTION_MAX),
  SHARD_COUNT: setting(z.string().default('auto')
    .refine((s) => s === 'auto' || /^[1-9]\d{0,4}$/.test(s), "must be 'auto' or a whole number of shards (1 or more)")
    .transform((s): 'auto' | number => (s === 'auto' ? 'auto' : Number(s)))),
  /** Set by discord.js's ShardingManager in each shard process it forks (the shard's id), never by an operator. */
  SHARDS: whole(0, 99_999, 0),
});

/** The bot's settings, validated once at start and passed around frozen. */
export type Config = Readonly<{
  discordToken: string | undefined;
  clientId: string | undefined;
  guildId: string | undefined;
  apiUrl: string | undefined;
  /**
   * Requests per second allowed by the client-side global limiter of @discordjs/rest
   * (Discord's default 50). Interaction responses are exempt on Discord's side, so a
   * busy bot may raise it; Discord's own 429s are honoured whatever it is.
   */
  restGlobalRps: number;
  adminUserIds: readonly string[];
  adminRoleIds: readonly string[];
  seedsDir: string;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Per-user cooldown window in seconds, and how many questions it allows. */
  cooldownSeconds: number;
  cooldownBurst: number;
  /** A mention in a text channel opens a thread, or replies in place. */
  mentionReplyMode: 'thread' | 'reply';
  /** Questions kept per thread for follow-ups. */
  threadHistory: number;
  /** Longest question accepted, in characters (the /ask option says the same to Discord). */
  maxQuestionLength: number;
  /** Shards spawned by `npm run start:sharded`: 'auto' asks Discord (GET /gateway/bot), or a fixed number. */
  shardCount: 'auto' | number;
  /** In a shard process, its id (discord.js sets SHARDS); 0 elsewhere. */
  shardId: number;
}>;

/** A configuration problem, naming the variable; never carries the value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`config: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * The environment every entry point reads (the bot, the console, the CLI, deploy-commands): the
 * process's own, plus a `.env` in the working folder when there is one. Variables already set win
 * (Node's own loader, no dependency).
 */
export function readEnvironment(file = '.env'): NodeJS.ProcessEnv {
  if (existsSync(file)) process.loadEnvFile(file);
  return process.env;
}

/**
 * Parses the environment into a {@link Config}. The only reader of `process.env`
 * is the caller that passes it in.
 * @throws ConfigError naming the first bad variable (its value is never shown).
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  return Object.freeze({
    discordToken: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL,
    restGlobalRps: e.DISCORD_REST_GLOBAL_RPS,
    adminUserIds: Object.freeze(e.ADMIN_USER_IDS),
    adminRoleIds: Object.freeze(e.ADMIN_ROLE_IDS),
    seedsDir: resolve(e.SEEDS_DIR),
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    cooldownSeconds: e.COOLDOWN_SECONDS,
    cooldownBurst: e.COOLDOWN_BURST,
    mentionReplyMode: e.MENTION_REPLY_MODE,
    threadHistory: e.THREAD_HISTORY,
    maxQuestionLength: e.MAX_QUESTION_LENGTH,
    shardCount: e.SHARD_COUNT,
    shardId: e.SHARDS,
  });
}
