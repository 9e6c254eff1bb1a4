import { time, TimestampStyles } from 'discord.js';

/** "You're asking quickly: try again <t:…:R>." for a retry time in ms since epoch. */
export function cooldownMessage(retryAt: number): string {
  return `You're asking quickly — please try again ${time(Math.ceil(retryAt / 1000), TimestampStyles.RelativeTime)}.`;
}
