import type { Command } from '../src/bot/command.js';
import ask from './ask.js';
import help from './help.js';
import reindex from './reindex.js';
import source from './source.js';
import sources from './sources.js';
import stats from './stats.js';

/** Every slash command, in the order shown by /help. */
export const commands: readonly Command[] = [ask, sources, source, reindex, stats, help];

/** The commands by name, for the dispatcher. */
export function commandMap(list: readonly Command[] = commands): Map<string, Command> {
  return new Map(list.map((c) => [c.data.name, c]));
}
