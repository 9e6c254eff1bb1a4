import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { AnswerPlaces } from './answer-places.js';
import type { QuestionStore } from './bot-store.js';
import type { Cooldown } from './cooldown.js';
import type { EngineHolder } from './engine-holder.js';
import type { MorePresses } from './more-presses.js';

/** Everything a handler may use; built once at start and passed in. */
export interface BotContext {
  config: Config;
  engines: EngineHolder;
  store: QuestionStore;
  cooldown: Cooldown;
  /** Which answers' "More" was pressed, so each next page is posted once. */
  morePresses: MorePresses;
  /** The bot's reply to each message it answered, so an edited message gets its reply edited. */
  answerPlaces: AnswerPlaces;
  log: Logger;
}
