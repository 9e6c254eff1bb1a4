import { ChannelType, type AnyThreadChannel, type Message, type PartialMessage, type TextChannel } from 'discord.js';
import { decodeCustomId } from '../format/custom-id.js';
import { plainName } from '../format/discord-escape.js';
import { textPayload, type DiscordPayload } from '../format/discord-payload.js';
import { smallTalk, smallTalkReply } from '../format/small-talk.js';
import { answerQuestion, deliverAnswer, refusalPayload, refuseQuestion } from './ask-question.js';
import type { AnswerPlace } from './answer-places.js';
import type { QuestionRecord, ThreadTurn } from './bot-store.js';
import type { BotContext } from './context.js';
import { discordErrorCode } from './discord-error.js';
import { combineFollowUp } from './follow-up.js';
import { cooldownMessage } from './retry-time.js';

/** Longest thread name Discord accepts. */
const THREAD_NAME = 100;

/** The message text without mentions of the bot; undefined when the message does not mention it. */
export function questionFromMention(content: string, botId: string, mentioned: boolean): string | undefined {
  if (!mentioned) return undefined;
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** The text of a message after its mentions of the bot; undefined when it does not mention the bot. */
function mentionedQuestion(message: Message): string | undefined {
  const botId = message.client.user.id;
  return questionFromMention(message.content, botId, message.mentions.users.has(botId));
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
    if (discordErrorCode(err) !== THREAD_EXISTS) throw err;
    const existing = await channel.threads.fetch(message.id);
    if (!existing) throw err;
    return existing;
  }
}

/** What the bot says to one mention, and what it records with it. */
interface Reply {
  payload: DiscordPayload;
  /** The question record, when the engine was asked (it may then be marked undelivered). */
  record?: QuestionRecord;
  /** How the question was asked: the thread's history gets it as the reply is sent (and keeps it if that fails, as the record does). */
  turn?: ThreadTurn;
}

/** The earlier question a reply to one of the bot's answers leans on: the one that answer answered. */
async function repliedQuestion(message: Message<true>, ctx: BotContext): Promise<ThreadTurn | undefined> {
  const botId = message.client.user.id;
  const refId = message.reference?.messageId;
  if (refId === undefined || message.mentions.repliedUser?.id !== botId) return undefined;
  const answer = message.channel.messages.cache.get(refId);
  // Its buttons carry the id of the question it answered (after a restart too); a reply with no buttons (the corpus
  // has no answer, a refusal) is found among the replies this process made.
  const questionId = (answer?.components ?? [])
    .flatMap((row) => (row.toJSON() as { components?: { custom_id?: unknown }[] }).components ?? [])
    .map((c) => (typeof c.custom_id === 'string' ? decodeCustomId(c.custom_id)?.questionId : undefined))
    .find((id) => id !== undefined) ?? ctx.answerPlaces.questionOf(refId);
  if (questionId === undefined) return undefined;
  // A store that does not answer (a shard's manager busy) leaves the reply to stand on its own, not unanswered.
  const record = await Promise.resolve(ctx.store.question(questionId)).catch(() => undefined);
  return record && { question: record.question, asked: record.asked, followUp: false };
}

/**
 * The reply to `question`, mentioned in `message`: a prompt for an empty mention, a refusal, a line of small talk,
 * or the engine's answer. A follow-up leans on the earlier question: the one answered by the bot's message this one
 * replies to, else the thread's last before this message (`channelId` a thread: `earlier` holds its history).
 */
async function composeReply(message: Message<true>, question: string, ctx: BotContext, earlier: readonly ThreadTurn[]): Promise<Reply> {
  if (!question) return { payload: textPayload('Ask me a question after the mention, for example: "@me why is NATO opening an office in Japan?"') };
  const refusal = refuseQuestion(ctx, question);
  if (refusal) return { payload: refusalPayload(refusal) };
  // "Thanks!", "hi", "help", "👍": a line of its own, not a question (nor, in a thread, a follow-up that posts the last answer again).
  const talk = smallTalk(question);
  if (talk) return { payload: textPayload(smallTalkReply(talk, ctx.engines.engine.documents.length)) };
  const replied = await repliedQuestion(message, ctx);
  const turns = replied ? [replied] : earlier;
  const { engine } = ctx.engines;
  const { asked, followUp } = combineFollowUp(question, turns, (text) => engine.namesIn(text));
  const { payload, record } = answerQuestion(ctx, { id: message.id, userId: message.author.id, question, asked });
  return { payload, record, turn: { question, asked, followUp, messageId: message.id } };
}

/** A thread's history before the turn of `messageId` (all of it when the message asked none there yet). */
function turnsBefore(turns: readonly ThreadTurn[], messageId: string): readonly ThreadTurn[] {
  const at = turns.findIndex((t) => t.messageId === messageId);
  return at >= 0 ? turns.slice(0, at) : turns;
}

/**
 * Answers a message that mentions the bot: in a thread, as a reply there (a
 * short follow-up leans on the thread's earlier question, or on the answer it replies to);
 * in a text channel, in a new thread started from the message (or in place when
 * MENTION_REPLY_MODE=reply). Messages from bots are ignored.
 */
export async function handleMention(message: Message, ctx: BotContext): Promise<void> {
  if (message.author.bot || !message.inGuild()) return;
  const question = mentionedQuestion(message);
  if (question === undefined) return;
  // Every mention the bot replies to counts, an empty or refused one too: each reply is a public message.
  // Over the limit, the user is told once (publicly: a mention has no private reply), then ignored until it passes.
  const retryAt = ctx.cooldown.take(message.author.id);
  if (retryAt !== undefined) {
    if (ctx.cooldown.firstNotice(message.author.id, retryAt)) await message.reply(textPayload(cooldownMessage(retryAt)));
    return;
  }
  await ctx.answerPlaces.queue(message.id, (place) => answerMention(message, question, ctx, place));
}

/**
 * A user edited a message. When the bot answered it, the reply is edited to answer the message as it now reads
 * (a fixed typo, a reworded question), and the thread's history and the question record follow; a mention taken
 * out of the message leaves the reply as it was, and a deleted reply is posted again. A message edited to mention
 * the bot is a new mention. An edit that leaves the words as they were (Discord unfurling a link) is no edit.
 */
export async function handleEdit(before: Message | PartialMessage, message: Message, ctx: BotContext): Promise<void> {
  if (message.author.bot || !message.inGuild()) return;
  if (!before.partial && before.content === message.content) return;
  if (!ctx.answerPlaces.has(message.id)) {
    // Edited to mention the bot: a new mention. One that mentioned it already and has no reply remembered (refused at
    // the cooldown, or answered so long ago that the reply is forgotten) is left alone, not answered a second time.
    if (before.partial || before.mentions.users.has(message.client.user.id)) return;
    return handleMention(message, ctx);
  }
  const question = mentionedQuestion(message);
  if (question === undefined) return;
  // Counted like a new question; over the limit the reply stays as it was, silently (an edit adds no message to tell it in).
  if (ctx.cooldown.take(message.author.id) !== undefined) return;
  await ctx.answerPlaces.queue(message.id, (place) => answerMention(message, question, ctx, place));
}

/** An edit body: what the new reply lacks is cleared, not left from the old one. */
const asEdit = (payload: DiscordPayload): DiscordPayload => ({ ...payload, content: payload.content ?? '' });

/** Discord's "Unknown Channel" and "Unknown Message": the reply's thread, or the reply, was deleted. */
const GONE = new Set([10003, 10008]);
const isGone = (err: unknown): boolean => GONE.has(Number(discordErrorCode(err)));

/**
 * Edits the reply at `place` to answer `question`; false when the reply or its thread is gone. When Discord refuses
 * the edit, the question's record and thread turn are put back as they were: the reply still shows the old question.
 */
async function editAnswer(message: Message<true>, question: string, ctx: BotContext, place: AnswerPlace): Promise<boolean> {
  let answerChannel;
  try {
    answerChannel = await message.client.channels.fetch(place.channelId);
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
  if (!answerChannel?.isTextBased() || answerChannel.isDMBased()) return false;
  const thread = answerChannel.isThread() ? answerChannel : undefined;
  const history = thread ? await ctx.store.threadTurns(thread.id) : [];
  const previousRecord = await ctx.store.question(message.id);
  const previousTurn = history.find((t) => t.messageId === message.id);
  const reply = await composeReply(message, question, ctx, turnsBefore(history, message.id));
  if (reply.turn && thread) ctx.store.pushThreadTurn(thread.id, reply.turn);
  try {
    await answerChannel.messages.edit(place.messageId, asEdit(reply.payload));
  } catch (err) {
    if (previousRecord) ctx.store.recordQuestion(previousRecord);
    if (previousTurn && thread) ctx.store.pushThreadTurn(thread.id, previousTurn);
    if (isGone(err)) return false;
    throw err;
  }
  // Its buttons now page the question as edited: a "More" pressed on the old answer no longer holds them back.
  ctx.morePresses.release(place.messageId);
  return true;
}

/**
 * Answers `question` (the mention's text) by editing the reply at `place`, or with a new reply (none yet, or it
 * was deleted); returns where the reply is.
 */
async function answerMention(message: Message<true>, question: string, ctx: BotContext, place: AnswerPlace | undefined): Promise<AnswerPlace> {
  if (place && await editAnswer(message, question, ctx, place)) return place;
  const channel = message.channel;
  const inThread = channel.isThread();
  const reply = await composeReply(message, question, ctx, inThread ? turnsBefore(await ctx.store.threadTurns(channel.id), message.id) : []);
  const send = async (): Promise<Message> => {
    if (inThread) {
      if (reply.turn) ctx.store.pushThreadTurn(channel.id, reply.turn);
      return message.reply(reply.payload);
    }
    if (ctx.config.mentionReplyMode === 'thread' && channel.type === ChannelType.GuildText) {
      const thread = await threadFor(message, channel, plainName(question, THREAD_NAME, 'Question'));
      if (reply.turn) ctx.store.pushThreadTurn(thread.id, reply.turn);
      return thread.send(reply.payload);
    }
    return message.reply(reply.payload);
  };
  const sent = reply.record ? await deliverAnswer(ctx, reply.record, send) : await send();
  return { channelId: sent.channelId, messageId: sent.id };
}
