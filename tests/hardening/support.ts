/**
 * Shared checks of the hardening tests: every Discord limit and the mention
 * rules on a payload, and a small in-memory QuestionStore.
 */
import { expect } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { BotData, FeedbackRecord, QuestionRecord, QuestionStore, ThreadTurn } from '../../src/bot/bot-store.js';
import { LIMITS } from '../../src/format/discord-limits.js';
import { embedSize, type DiscordPayload } from '../../src/format/discord-payload.js';

/** The question every recovery must still answer, and the year in its answer. */
export const KURILS = 'until what year did japan control the kurils?';
export const KURILS_YEAR = '1945';

/** Every string of a payload a user sees: content, embed texts, button labels. */
export function payloadTexts(p: DiscordPayload): string[] {
  const embedTexts = (e: APIEmbed) => [e.title, e.description, e.footer?.text, e.author?.name, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])];
  return [
    p.content,
    ...p.embeds.flatMap(embedTexts),
    ...p.components.flatMap((row) => row.components.map((b) => ('label' in b ? b.label : undefined))),
  ].filter((s): s is string => typeof s === 'string');
}

/** A mention Discord would render (or that looks like one): `@everyone`/`@here` without a zero-width break, or `<@`, `<#` followed by neither one nor the ellipsis of a cut ("<@…" is no mention). */
export const RAW_MENTION = /@(everyone|here)|<[@#](?![\u200b…])/i;
/** Half of a surrogate pair on its own: what a bad cut leaves. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every Discord limit on a payload, and no pings allowed. */
export function expectWithinLimits(p: DiscordPayload): void {
  expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
  expect((p.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  expect(p.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(p.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const e of p.embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footerText);
    expect((e.author?.name ?? '').length).toBeLessThanOrEqual(LIMITS.authorName);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  expect(p.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
  for (const row of p.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const b of row.components) {
      if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if ('label' in b && b.label !== undefined) expect(b.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  }
}

/** {@link expectWithinLimits}, and no raw mentions in any text, no half emoji, no empty embed or message. */
export function expectSafePayload(p: DiscordPayload): void {
  expectWithinLimits(p);
  for (const e of p.embeds) expect(`${e.title ?? ''}${e.description ?? ''}`.trim()).not.toBe('');
  for (const text of payloadTexts(p)) {
    expect(text, 'a raw mention').not.toMatch(RAW_MENTION);
    expect(text, 'half a surrogate pair').not.toMatch(LONE_SURROGATE);
  }
  expect((p.content ?? '').trim() !== '' || p.embeds.length > 0, 'an empty message').toBe(true);
}

/** A QuestionStore in memory (no disk), for driving bot functions directly. */
export class MemoryStore implements QuestionStore {
  readonly data: BotData = { version: 1, questions: [], feedback: [], threads: {} };
  recordQuestion(record: QuestionRecord): void {
    this.data.questions.push(record);
  }
  question(id: string): QuestionRecord | undefined {
    return this.data.questions.find((q) => q.id === id);
  }
  recordFeedback(record: FeedbackRecord): void {
    this.data.feedback.push(record);
  }
  storageWarnings(): string[] {
    return [];
  }
  threadTurns(threadId: string): readonly ThreadTurn[] {
    return this.data.threads[threadId] ?? [];
  }
  pushThreadTurn(threadId: string, turn: ThreadTurn): void {
    (this.data.threads[threadId] ??= []).push(turn);
  }
  async flush(): Promise<void> {}
}
