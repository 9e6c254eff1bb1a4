import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { sourcesToPayload } from '../src/format/discord-sources.js';

export default {
  data: new SlashCommandBuilder().setName('sources').setDescription('List the indexed documents with their authors, dates and sizes').toJSON(),

  async execute(interaction, ctx) {
    await interaction.reply(sourcesToPayload(ctx.engines.engine.documents));
  },
} satisfies Command;
