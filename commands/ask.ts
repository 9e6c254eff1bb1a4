import { setImmediate } from 'node:timers/promises';
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { answerQuestion, deliverAnswer, refusalPayload, refuseQuestion } from '../src/bot/ask-question.js';
import type { Command } from '../src/bot/command.js';
import { deferReply, editOriginal } from '../src/bot/interaction-rest.js';
import { QUESTION_OPTION_MAX } from '../src/config.js';
import { cooldownMessage } from '../src/bot/retry-time.js';
import { textPayload } from '../src/format/discord-payload.js';

/** Longest question Discord lets a user type into the option (the bot checks again, against MAX_QUESTION_LENGTH, which can only lower it: clients can send more). */
const MAX_LENGTH = QUESTION_OPTION_MAX;

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription("Ask about Japan's relations with China, Russia and NATO; answered with quotes from the corpus")
    .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(MAX_LENGTH))
    .addIntegerOption((o) => o.setName('results').setDescription('How many sentences (1-5, default 3)').setMinValue(1).setMaxValue(5))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'))
    .toJSON(),

  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true).trim();
    const k = Math.max(1, Math.min(5, interaction.options.getInteger('results') ?? 3));
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    const refusal = refuseQuestion(ctx, question);
    if (refusal) return void (await interaction.reply({ ...refusalPayload(refusal), flags: MessageFlags.Ephemeral }));
    const retryAt = ctx.cooldown.take(interaction.user.id);
    if (retryAt !== undefined) return void (await interaction.reply({ ...textPayload(cooldownMessage(retryAt)), flags: MessageFlags.Ephemeral }));
    await deferReply(interaction, ephemeral);
    // Let other interactions of a burst send their acknowledgements before this one computes (bench:bot: burst p99 ack 108-295 ms → 60-90 ms).
    await setImmediate();
    const { payload, record } = answerQuestion(ctx, { id: interaction.id, userId: interaction.user.id, question, k });
    await deliverAnswer(ctx, record, () => editOriginal(interaction, payload));
  },
} satisfies Command;
