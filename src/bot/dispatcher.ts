import { Events, type Client, type Interaction } from 'discord.js';
import { handleButton } from './button-handler.js';
import type { Command } from './command.js';
import type { BotContext } from './context.js';
import { guard } from './error-boundary.js';
import { handleEdit, handleMention } from './mention-handler.js';

/** Routes one interaction to its command, autocomplete or button handler. */
async function route(interaction: Interaction, ctx: BotContext, commands: ReadonlyMap<string, Command>): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = commands.get(interaction.commandName);
    if (!command) throw new Error(`unknown command /${interaction.commandName}`);
    await command.execute(interaction, ctx);
  } else if (interaction.isAutocomplete()) {
    await (commands.get(interaction.commandName)?.autocomplete?.(interaction, ctx) ?? interaction.respond([]));
  } else if (interaction.isButton()) {
    await handleButton(interaction, ctx);
  }
}

/**
 * Wires the client: interactionCreate → commands, autocomplete, buttons;
 * messageCreate → mentions; messageUpdate → edited mentions; every path through one error boundary.
 * `accepting()` false (shutting down) drops new work.
 */
export function attachDispatcher(client: Client, ctx: BotContext, commands: ReadonlyMap<string, Command>, accepting: () => boolean = () => true): void {
  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting()) return;
    const label = interaction.isCommand() || interaction.isAutocomplete() ? `/${interaction.commandName}` : interaction.isButton() ? `button ${interaction.customId}` : `interaction ${interaction.type}`;
    void guard(ctx.log, interaction, label, () => route(interaction, ctx, commands));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!accepting() || message.author.bot) return;
    void guard(ctx.log, message, 'mention', () => handleMention(message, ctx));
  });
  client.on(Events.MessageUpdate, (before, message) => {
    if (!accepting() || message.author.bot) return;
    void guard(ctx.log, message, 'edit', () => handleEdit(before, message, ctx));
  });
  client.on(Events.Error, (err) => ctx.log.error({ err }, 'discord client error'));
}
