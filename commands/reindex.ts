import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { isAdmin } from '../src/bot/admin.js';
import type { Command } from '../src/bot/command.js';
import { ReindexBusyError, type ReindexReport } from '../src/bot/engine-holder.js';
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
    const job = ctx.engines.reindex(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
    if (!job) {
      await interaction.reply({ ...textPayload(busy), flags: MessageFlags.Ephemeral });
      return;
    }
    let report: ReindexReport;
    try {
      report = await job;
    } catch (err) {
      if (err instanceof ReindexBusyError) return void (await interaction.editReply(textPayload(busy)));
      ctx.log.error({ err }, 'reindex failed; keeping the old index');
      const failed = `The reindex failed (${escapeText((err as Error).message).slice(0, 300)}); the old index is still answering.`;
      await interaction.editReply(textPayload([failed, ...(await storageNotices(ctx)).map(escapeText)].join('\n')));
      return;
    }
    ctx.log.info({ ...report }, 'reindexed');
    await interaction.editReply(textPayload([describeReindex(report), ...(await storageNotices(ctx)).map(escapeText)].join('\n')));
  },
} satisfies Command;
