import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { decodeCustomId } from '../format/custom-id.js';
import { answerToPayload, contextToPayload } from '../format/discord-answer.js';
import { textPayload } from '../format/discord-payload.js';
import { sentenceKey } from '../core/types.js';
import type { BotContext } from './context.js';
import { isAlreadyAcknowledged } from './interaction-rest.js';
import { cooldownMessage } from './retry-time.js';

/** Results per "More" page. */
const MORE_PAGE = 3;
/** Sentences shown either side of a quoted one by "Context". */
const CONTEXT_RADIUS = 2;

/** Handles the buttons under an answer: More, Context, 👍, 👎. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = decodeCustomId(interaction.customId);
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  if (!action) {
    await interaction.reply({ ...textPayload('That button is not one of mine any more.'), flags: MessageFlags.Ephemeral });
    return;
  }
  if (action.kind === 'feedback') {
    ctx.store.recordFeedback({ questionId: action.questionId, offset: action.offset, userId: interaction.user.id, vote: action.vote, at: new Date().toISOString() });
    await interaction.reply({ ...textPayload(action.vote === 'up' ? 'Thanks — glad it helped.' : 'Thanks — noted that it did not help.'), flags: MessageFlags.Ephemeral });
    return;
  }
  if (action.kind === 'context') {
    const engine = ctx.engines.engine;
    const sentences = engine.context(action.sentenceId, CONTEXT_RADIUS, action.key);
    const title = engine.documents.find((d) => d.id === sentences[0]?.doc)?.meta.title ?? 'the document';
    const focus = action.key === undefined ? action.sentenceId : (sentences.find((s) => sentenceKey(s) === action.key)?.id ?? action.sentenceId);
    await interaction.reply({ ...contextToPayload(sentences, focus, title), flags: MessageFlags.Ephemeral });
    return;
  }
  // Once per answer message for a while: a second press (a double click, or someone else's) is told where the page is.
  const messageId = interaction.message.id;
  if (!ctx.morePresses.claim(messageId)) {
    await interaction.reply({ ...textPayload('The next results were just posted below this answer (or are on their way); press **More** on them to go on.'), flags: MessageFlags.Ephemeral });
    return;
  }
  try {
    await morePage(interaction, ctx, action.questionId, action.offset, ephemeral);
  } catch (err) {
    // Discord took the first try of a retried reply: the page is posted.
    if (!isAlreadyAcknowledged(err)) ctx.morePresses.release(messageId);
    throw err;
  }
}

/** Posts the page of results at `offset` of a recorded question; a press refused or unanswerable is released for another try. */
async function morePage(interaction: ButtonInteraction, ctx: BotContext, questionId: string, offset: number, ephemeral: boolean): Promise<void> {
  // "More" answers in public like /ask, so it counts against the same per-user limit (told privately).
  const retryAt = ctx.cooldown.take(interaction.user.id);
  if (retryAt !== undefined) {
    ctx.morePresses.release(interaction.message.id);
    await interaction.reply({ ...textPayload(cooldownMessage(retryAt)), flags: MessageFlags.Ephemeral });
    return;
  }
  const record = await ctx.store.question(questionId);
  if (!record) {
    ctx.morePresses.release(interaction.message.id);
    await interaction.reply({ ...textPayload('I no longer remember that question; please ask it again with /ask.'), flags: MessageFlags.Ephemeral });
    return;
  }
  const answer = ctx.engines.engine.ask(record.asked, { k: MORE_PAGE, offset });
  // Said again on every page: how a follow-up was read (without it, "and in what year?" heads a page about the question before).
  const payload = answerToPayload(answer, { question: record.question, asked: record.asked, questionId: record.id, offset });
  await interaction.reply({ ...payload, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}
