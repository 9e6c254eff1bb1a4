import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { isAdmin } from '../src/bot/admin.js';
import type { Command } from '../src/bot/command.js';
import { ReindexBusyError, type ReindexReport } from '../src/bot/engine-holder.js';
import { newErrorId } from '../src/bot/error-boundary.js';
import { deferReply } from '../src/bot/interaction-rest.js';
import { truncate } from '../src/format/discord-limits.js';
import { SeedsFolderError } from '../src/store/index-store.js';
import { storageNotices } from '../src/bot/storage-notice.js';
import { escapeText } from '../src/format/discord-escape.js';
import { textPayload } from '../src/format/discord-payload.js';

/** The report of a reindex, for people. */
export function describeReindex(r: ReindexReport): string {
  const list = (label: string, ids: string[]) => (ids.length > 0 ? `${label}: ${ids.map(escapeText).join(', ')}` : `${label}: none`);
  return [
    `Reindexed ${r.documentsAfter} documents in ${r.ms} ms.`,
    list('Added', r.added), list('Removed', r.removed), list('Changed', r.changed),
    `Sentences: ${r.sentencesBefore} → ${r.sentencesAfter}.`,
    ...(r.warnings.length > 0 ? ['Warnings:', ...r.warnings.map((w) => `• ${escapeText(w)}`)] : []),
  ].join('\n');
}

/**
 * Why a reindex failed, for the admin: what an operator can act on (the seeds folder, a file the disk refused) in
 * its own words, anything else as an internal error with the id to find it in the log.
 */
function reindexFailure(err: unknown, errorId: string): string {
  const operator = err instanceof SeedsFolderError || (err instanceof Error && typeof (err as NodeJS.ErrnoException).syscall === 'string');
  return operator ? escapeText(truncate((err as Error).message, 300)) : `an internal error, id \`${errorId}\` in the log`;
}

export default {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Rebuild the index from the seed files (admins)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),

  async execute(interaction, ctx) {
    if (!isAdmin(interaction, ctx.config)) {
      await interaction.reply({ ...textPayload('Only server admins can rebuild the index.'), flags: MessageFlags.Ephemeral });
      return;
    }
    const busy = 'A reindex is already running; the new index will be live when it finishes.';
    const job = ctx.engines.reindex(() => deferReply(interaction, true));
    if (!job) {
      await interaction.reply({ ...textPayload(busy), flags: MessageFlags.Ephemeral });
      return;
    }
    let report: ReindexReport;
    try {
      report = await job;
    } catch (err) {
      // The acknowledgement itself failed (an expired token, Discord down): no rebuild ran, and the error boundary
      // says so to the admin, or to nobody when the token is dead.
      if (!interaction.deferred) throw err;
      if (err instanceof ReindexBusyError) return void (await interaction.editReply(textPayload(busy)));
      const errorId = newErrorId();
      ctx.log.error({ err, errorId }, 'reindex failed; keeping the old index');
      const failed = `The reindex failed (${reindexFailure(err, errorId)}); the old index is still answering.`;
      await interaction.editReply(textPayload([failed, ...(await storageNotices(ctx)).map(escapeText)].join('\n')));
      return;
    }
    ctx.log.info({ ...report }, 'reindexed');
    await interaction.editReply(textPayload([describeReindex(report), ...(await storageNotices(ctx)).map(escapeText)].join('\n')));
  },
} satisfies Command;
