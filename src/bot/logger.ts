import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';

/** The bot's logger: JSON lines on stderr (stdout belongs to the console mode), or to `destination` (tests). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  return pino({ level: config.logLevel, base: undefined, redact: ['token', '*.token', 'discordToken', '*.discordToken'] }, destination ?? pino.destination(2));
}

export type { Logger };
