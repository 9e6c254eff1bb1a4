import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { textPayload } from '../src/format/discord-payload.js';

/** What the bot does and how to use it. */
export const HELP_TEXT = [
  "I answer questions about Japan's relations with China, Russia and NATO by quoting the sentences of my articles that answer them, with their sources. When the articles don't say, I say so.",
  'You can also ask about an article itself: who wrote it, when it came out, its headline or its sections, and what the page around it gives (the links it cites, its hashtags, how to follow or support the outlet).',
  '',
  '`/ask question:` ask (options: `results` 1-5, `private`)',
  '`/sources` list the documents I know',
  '`/source document:` one document\'s summary',
  '`/reindex`, `/stats` for admins',
  '',
  'Or mention me with a question: I answer in a thread, and short follow-ups there ("and Russia?") build on the earlier question.',
].join('\n');

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What this bot does and how to ask it').toJSON(),

  async execute(interaction) {
    await interaction.reply({ ...textPayload(HELP_TEXT), flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
