import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { isAdmin } from '../src/bot/admin.js';
import type { BotData } from '../src/bot/bot-store.js';
import type { Command } from '../src/bot/command.js';
import { storageNotices } from '../src/bot/storage-notice.js';
import { escapeText } from '../src/format/discord-escape.js';
import { textPayload } from '../src/format/discord-payload.js';

/** Unanswered questions listed. */
const TOP_UNANSWERED = 5;

/**
 * The usage statistics, for people. Questions asked, the share answered and the gaps count every question, delivered
 * or not (they measure what the corpus answers); the answers Discord did not take are counted on a line of their own.
 */
export function describeStats(data: Readonly<BotData>): string {
  const total = data.questions.length;
  const answered = data.questions.filter((q) => q.answered).length;
  const counts = new Map<string, number>();
  for (const q of data.questions) if (!q.answered) {
    const key = q.asked.toLowerCase().replace(/\s+/g, ' ').trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP_UNANSWERED);
  const up = data.feedback.filter((f) => f.vote === 'up').length;
  const undelivered = data.questions.filter((q) => q.delivered === false).length;
  return [
    `Questions asked: ${total}`,
    `Answered: ${answered} (${total > 0 ? Math.round((100 * answered) / total) : 0}%)`,
    ...(undelivered > 0 ? [`Not delivered: ${undelivered} (Discord did not take the reply; the log has each error id)`] : []),
    `Feedback: ${up} 👍, ${data.feedback.length - up} 👎`,
    'Most asked unanswered:',
    ...(top.length > 0 ? top.map(([q, n]) => `• ${escapeText(q.slice(0, 150))} (${n})`) : ['• none']),
  ].join('\n');
}

export default {
  data: new SlashCommandBuilder()
    .setName('stats')
    .setDescription('Questions asked, share answered, feedback (admins)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .toJSON(),

  async execute(interaction, ctx) {
    const text = isAdmin(interaction, ctx.config)
      ? [describeStats(await ctx.store.data), ...(await storageNotices(ctx)).map(escapeText)].join('\n')
      : 'Only server admins can see the statistics.';
    await interaction.reply({ ...textPayload(text), flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
