import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './context.js';

/**
 * A slash command: one file in `commands/` default-exports
 * `{ data, execute } satisfies Command`.
 */
export interface Command {
  /** The definition registered with Discord (SlashCommandBuilder#toJSON() or plain JSON). */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Runs the command. Throwing is fine: the dispatcher logs it and apologises with an error id. */
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Answers autocomplete for the command's options, when it has any. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
