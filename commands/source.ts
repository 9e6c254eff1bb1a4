import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/command.js';
import { matchDocuments } from '../src/core/find-document.js';
import { escapeText } from '../src/format/discord-escape.js';
import { truncate } from '../src/format/discord-limits.js';
import { textPayload } from '../src/format/discord-payload.js';
import { sourceToPayload } from '../src/format/discord-sources.js';

/** Sentences in a document summary. */
const SUMMARY_SENTENCES = 4;
/** Discord shows at most 25 autocomplete choices; names and values at most 100 characters. */
const MAX_CHOICES = 25;
const CHOICE_CHARS = 100;

export default {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription("One document's summary and most important sentences")
    .addStringOption((o) => o.setName('document').setDescription('Title or id').setRequired(true).setAutocomplete(true))
    .toJSON(),

  async execute(interaction, ctx) {
    const wanted = interaction.options.getString('document', true).trim();
    const engine = ctx.engines.engine;
    const doc = wanted ? matchDocuments(engine.documents, wanted)[0] : undefined;
    if (!doc) {
      await interaction.reply({ ...textPayload(`No indexed document matches “${escapeText(wanted.slice(0, 100))}”. Try /sources.`), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.reply(sourceToPayload(doc, engine.summary(doc.id, SUMMARY_SENTENCES)));
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    // Nothing typed yet: every document, in order.
    const choices = (typed.trim() ? matchDocuments(ctx.engines.engine.documents, typed) : ctx.engines.engine.documents)
      .slice(0, MAX_CHOICES)
      .map((d) => ({ name: truncate(d.meta.title || d.id, CHOICE_CHARS), value: d.id.slice(0, CHOICE_CHARS) }));
    await interaction.respond(choices);
  },
} satisfies Command;
