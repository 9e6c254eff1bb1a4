import { ChannelType, type AnyThreadChannel, type Message, type TextChannel } from 'discord.js';
import { plainName } from '../format/discord-escape.js';
import { textPayload } from '../format/discord-payload.js';
import { smallTalk, smallTalkReply } from '../format/small-talk.js';
import { answerQuestion, deliverAnswer, refusalPayload, refuseQuestion } from './ask-question.js';
import type { BotContext } from './context.js';
import { combineFollowUp } from './follow-up.js';
import { cooldownMessage } from './retry-time.js';

/** Longest thread name Discord accepts. */
const THREAD_NAME = 100;

/** The message text without mentions of the bot; undefined when the message does not mention it. */
export function questionFromMention(content: string, botId: string, mentioned: boolean): string | undefined {
  if (!mentioned) return undefined;
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** Discord's "A thread has already been created for this message". */
const THREAD_EXISTS = 160004;

/**
 * Starts a thread on the message; when Discord says it has one already (a retried request whose first try went
 * through, its response lost), that thread: the answer goes there, not into an apology beside an empty thread.
 */
async function threadFor(message: Message<true>, channel: TextChannel, name: string): Promise<AnyThreadChannel> {
  try {
    return await message.startThread({ name });
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code !== THREAD_EXISTS) throw err;
    const existing = await channel.threads.fetch(message.id);
    if (!existing) throw err;
    return existing;
  }
}

/**
 * Answers a message that mentions the bot: in a thread, as a reply there (a
 * short follow-up leans on the thread's earlier question); in a text channel,
 * in a new thread started from the message (or in place when
 * MENTION_REPLY_MODE=reply). Messages from bots are ignored.
 */
export async function handleMention(message: Message, ctx: BotContext): Promise<void> {
  if (message.author.bot || !message.inGuild()) return;
  const botId = message.client.user.id;
  const mentioned = message.mentions.users.has(botId);
  const question = questionFromMention(message.content, botId, mentioned);
  if (question === undefined) return;
  // Every mention the bot replies to counts, an empty or refused one too: each reply is a public message.
  // Over the limit, the user is told once (publicly: a mention has no private reply), then ignored until it passes.
  const retryAt = ctx.cooldown.take(message.author.id);
  if (retryAt !== undefined) {
    if (ctx.cooldown.firstNotice(message.author.id, retryAt)) await message.reply(textPayload(cooldownMessage(retryAt)));
    return;
  }
  if (!question) {
    await message.reply(textPayload('Ask me a question after the mention, for example: "@me why is NATO opening an office in Japan?"'));
    return;
  }
  const refusal = refuseQuestion(ctx, question);
  if (refusal) return void (await message.reply(refusalPayload(refusal)));
  // "Thanks!", "hi", "help", "👍": a line of its own, not a question (nor, in a thread, a follow-up that posts the last answer again).
  const talk = smallTalk(question);
  if (talk) return void (await message.reply(textPayload(smallTalkReply(talk, ctx.engines.engine.documents.length))));

  const channel = message.channel;
  if (channel.isThread()) {
    const { engine } = ctx.engines;
    const { asked, followUp } = combineFollowUp(question, await ctx.store.threadTurns(channel.id), (text) => engine.namesIn(text));
    const { payload, record } = answerQuestion(ctx, { id: message.id, userId: message.author.id, question, asked });
    ctx.store.pushThreadTurn(channel.id, { question, asked, followUp });
    await deliverAnswer(ctx, record, () => message.reply(payload));
    return;
  }
  const { payload, record } = answerQuestion(ctx, { id: message.id, userId: message.author.id, question });
  if (ctx.config.mentionReplyMode === 'thread' && channel.type === ChannelType.GuildText) {
    await deliverAnswer(ctx, record, async () => {
      const thread = await threadFor(message, channel, plainName(question, THREAD_NAME, 'Question'));
      ctx.store.pushThreadTurn(thread.id, { question, asked: question, followUp: false });
      await thread.send(payload);
    });
    return;
  }
  await deliverAnswer(ctx, record, () => message.reply(payload));
}
