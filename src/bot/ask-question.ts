import type { Answer } from '../core/answer.js';
import { answerToPayload } from '../format/discord-answer.js';
import { escapeText } from '../format/discord-escape.js';
import { textPayload, type DiscordPayload } from '../format/discord-payload.js';
import { questionTooLong } from '../format/no-answer.js';
import type { QuestionRecord } from './bot-store.js';
import type { BotContext } from './context.js';
import { isAlreadyAcknowledged } from './interaction-rest.js';

/** One question to answer. */
export interface QuestionInput {
  /** Interaction or message id; the buttons carry it. */
  id: string;
  userId: string;
  /** As typed. */
  question: string;
  /** As asked of the engine (defaults to `question`). */
  asked?: string;
  k?: number;
}

/** Why a question is refused before it reaches the engine, as a message to the user; undefined when fine. */
export function refuseQuestion(ctx: BotContext, question: string): string | undefined {
  return questionTooLong(question, ctx.config.maxQuestionLength);
}

/**
 * Asks the live engine, records the question in the store and returns the answer, its payload and the record.
 * Recorded before it is sent, so that "More" on the answer finds it however soon it is pressed; see {@link deliverAnswer}.
 */
export function answerQuestion(ctx: BotContext, input: QuestionInput): { answer: Answer; payload: DiscordPayload; record: QuestionRecord } {
  const asked = input.asked ?? input.question;
  const answer = ctx.engines.engine.ask(asked, { k: input.k ?? 3 });
  const record: QuestionRecord = {
    id: input.id, userId: input.userId, question: input.question, asked,
    answered: answer.kind === 'answered', at: new Date().toISOString(),
  };
  ctx.store.recordQuestion(record);
  ctx.log.info({ questionId: input.id, answered: answer.kind === 'answered', hits: answer.kind === 'answered' ? answer.hits.length : 0 }, 'question');
  return { answer, payload: answerToPayload(answer, { question: input.question, asked, questionId: input.id }), record };
}

/**
 * Sends an answer {@link answerQuestion} recorded. When Discord does not take it, the record is marked undelivered
 * (/stats counts those apart from the answers people saw) and the error goes on to the error boundary;
 * a retry refused as already acknowledged was delivered by its first try.
 */
export async function deliverAnswer<T>(ctx: BotContext, record: QuestionRecord, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (!isAlreadyAcknowledged(err)) ctx.store.recordQuestion({ ...record, delivered: false });
    throw err;
  }
}

/** The polite refusal payload for a message from {@link refuseQuestion}. */
export function refusalPayload(message: string): DiscordPayload {
  return textPayload(escapeText(message));
}
