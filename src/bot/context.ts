import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { QuestionStore } from './bot-store.js';
import type { Cooldown } from './cooldown.js';
import type { EngineHolder } from './engine-holder.js';

/** Everything a handler may use; built once at start and passed in. */
export interface BotContext {
  config: Config;
  engines: EngineHolder;
  store: QuestionStore;
  cooldown: Cooldown;
  log: Logger;
}
