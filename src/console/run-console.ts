import { createInterface } from 'node:readline';
import type { EngineHolder } from '../bot/engine-holder.js';
import { CONSOLE_HELP, runConsoleLine, type ConsoleSession } from './console-command.js';

/**
 * The local console (no DISCORD_TOKEN): reads lines from `input`, prints
 * answers to `output`; a prompt only on a terminal. Resolves at end of input.
 */
export async function runConsole(engines: EngineHolder, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean, maxQuestionLength?: number, threadHistory = 5): Promise<void> {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    output.write(`No DISCORD_TOKEN: local console.\n${CONSOLE_HELP}\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  const session: ConsoleSession = { turns: [], history: threadHistory };
  for await (const line of rl) {
    try {
      const text = await runConsoleLine(line, engines, session, maxQuestionLength);
      if (text) output.write(`${text}\n\n`);
    } catch (err) {
      output.write(`error: ${(err as Error).message}\n`);
    }
    if (interactive) rl.prompt();
  }
}
