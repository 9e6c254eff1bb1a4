import type { BotContext } from './context.js';

/**
 * Lines for the admin running /stats or /reindex about what the data folder could
 * not keep: bot.json not writable or moved aside, an index that could not be saved.
 * Empty when everything is on disk.
 */
export async function storageNotices(ctx: Pick<BotContext, 'engines' | 'store'>): Promise<string[]> {
  const notices = [...(await ctx.store.storageWarnings())];
  if (!ctx.engines.saved) notices.push('⚠ The index could not be saved to the data folder: it answers from memory and is rebuilt at the next start.');
  return notices;
}
