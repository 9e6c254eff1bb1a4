import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { answerQuestion, deliverAnswer, refusalPayload, refuseQuestion } from '../src/bot/ask-question.js';
import type { Command } from '../src/bot/command.js';
import { deferReply, editOriginal, replyWith } from '../src/bot/interaction-rest.js';
import { QUESTION_OPTION_MAX } from '../src/config.js';
import { cooldownMessage } from '../src/bot/retry-time.js';
import { textPayload } from '../src/format/discord-payload.js';

/** Longest question Discord lets a user type into the option (the bot checks again, against MAX_QUESTION_LENGTH, which can only lower it: clients can send more). */
const MAX_LENGTH = QUESTION_OPTION_MAX;

/** Age (from the interaction id's time) past which /ask acknowledges before answering; Discord allows 3 s for the first callback. */
const DEFER_AFTER_MS = 1500;

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
    // The answer takes about a millisecond: sent as the reply itself, one call instead of a defer and an edit
    // (bench:bot, 12 warm bursts of 200 alternated with the old code: answer p99 209-323 ms → 161-237 ms). An
    // interaction that reached the bot late (its event loop held by a burst or a reindex's load) is deferred first,
    // so that Discord's 3 s deadline is met.
    const late = Date.now() - interaction.createdTimestamp > DEFER_AFTER_MS;
    if (late) await deferReply(interaction, ephemeral);
    const { payload, record } = answerQuestion(ctx, { id: interaction.id, userId: interaction.user.id, question, k });
    await deliverAnswer(ctx, record, () => (late ? editOriginal(interaction, payload) : replyWith(interaction, payload, ephemeral)));
  },
} satisfies Command;
