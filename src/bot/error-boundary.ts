import { randomBytes } from 'node:crypto';
import { MessageFlags, type Interaction, type Message } from 'discord.js';
import type { Logger } from 'pino';
import { textPayload } from '../format/discord-payload.js';
import { discordErrorCode } from './discord-error.js';
import { isAlreadyAcknowledged } from './interaction-rest.js';

/** Discord's "Unknown interaction" (10062) and "Unknown webhook" (10015): the token expired. */
function isExpiredInteraction(err: unknown): boolean {
  const code = discordErrorCode(err);
  return code === 10062 || code === 10015;
}

/** A short id to quote in the apology and find in the log. */
export const newErrorId = (): string => randomBytes(4).toString('hex');

/** The apology a user sees; never shows the error itself. */
export function apology(errorId: string): string {
  return `Sorry, something went wrong on my side (error id \`${errorId}\`). Please try again later.`;
}

async function apologiseTo(target: Interaction | Message, errorId: string): Promise<void> {
  const payload = textPayload(apology(errorId));
  if ('author' in target) {
    await target.reply(payload);
    return;
  }
  if (target.isAutocomplete()) {
    if (!target.responded) await target.respond([]);
    return;
  }
  if (!target.isRepliable()) return;
  if (target.deferred && !target.replied) {
    await target.deleteReply().catch(() => undefined);
    await target.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  } else if (target.replied) {
    await target.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  } else {
    await target.reply({ ...payload, flags: MessageFlags.Ephemeral });
  }
}

/**
 * The one error boundary: runs `work`; any failure is logged with an error id
 * and its stack, and the user gets a short ephemeral apology quoting the id.
 * Never rejects.
 */
export async function guard(log: Logger, target: Interaction | Message, label: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    const errorId = newErrorId();
    if (isAlreadyAcknowledged(err)) {
      // A reply whose response was lost, sent again: Discord took the first try, so the user has it.
      log.warn({ errorId, handler: label }, 'a retried reply was already delivered');
      return;
    }
    if (isExpiredInteraction(err)) {
      // The interaction's token is gone (Discord's 3 s or 15 min passed): nobody is left to apologise to.
      log.warn({ errorId, handler: label }, 'interaction expired before it was answered');
      return;
    }
    log.error({ err, errorId, handler: label, userId: 'author' in target ? target.author.id : target.user.id }, 'handler failed');
    try {
      await apologiseTo(target, errorId);
    } catch (again) {
      log.warn({ err: again, errorId }, 'could not send the apology');
    }
  }
}
