import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

/** Interaction and webhook tokens in REST paths, and bot tokens (three dot-separated base64url parts). */
const SECRETS: Array<[RegExp, string]> = [
  [/(\/(?:interactions|webhooks)\/\d+\/)[A-Za-z0-9_.-]{20,}/g, '$1[token]'],
  [/\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}\b/g, '[token]'],
];

/** Replaces secrets in a string; other values come back as they are. */
export function scrubSecrets<T>(value: T): T {
  if (typeof value !== 'string') return value;
  return SECRETS.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), value as string) as T;
}

/** An error as pino logs it, with tokens scrubbed from its message, stack and request URL. */
function serializeError(err: Error): Record<string, unknown> {
  const out = pino.stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const key of Object.keys(out)) out[key] = scrubSecrets(out[key]);
  return out;
}

/**
 * The bot's logger: JSON lines on stderr (stdout belongs to the console mode), or
 * to `destination` (tests). Tokens never reach a log: token fields are redacted,
 * and errors (whose URLs carry interaction tokens) are scrubbed.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino({
    level: config.logLevel,
    base: undefined,
    redact: ['token', '*.token', 'discordToken', '*.discordToken', 'headers.authorization', '*.headers.authorization'],
    serializers: { err: serializeError, error: serializeError },
    hooks: { logMethod(args, method) { method.apply(this, args.map((a) => scrubSecrets(a)) as Parameters<typeof method>); } },
  }, destination ?? pino.destination(2));
}

export type { Logger };
