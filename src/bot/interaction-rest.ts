import { InteractionResponseType, MessageFlags, REST, RESTEvents, Routes, type RepliableInteraction, type RESTOptions } from 'discord.js';
import type { DiscordPayload } from '../format/discord-payload.js';
import { discordErrorCode } from './discord-error.js';

type Request = Parameters<REST['queueRequest']>[0];

/** Webhook routes called without the bot token: with an interaction token, the follow-ups and edits of an interaction. */
const INTERACTION_WEBHOOK = /^\/webhooks\/\d+\/[^/]+/;
/** Events of the inner manager that operators and discord.js read from the client's. */
const FORWARDED = [RESTEvents.RateLimited, RESTEvents.Response, RESTEvents.InvalidRequestWarning, RESTEvents.Debug] as const;

/**
 * The client's REST manager, with interaction webhooks (editReply, followUp) kept out
 * of the client-side global rate limit. Discord does not count interaction endpoints
 * against a bot's global limit, and @discordjs/rest already exempts the interaction
 * callback; without this, the edits that carry /ask's answers queued behind the
 * 50-per-second global bucket (bench:bot: a burst of 200 answered at p99 3.0 s).
 * Per-route limits still apply: each interaction token has its own bucket.
 */
export class InteractionAwareREST extends REST {
  private readonly interactions: REST;

  constructor(options: Partial<RESTOptions> = {}) {
    super(options);
    this.interactions = new REST({ ...options, globalRequestsPerSecond: Number.MAX_SAFE_INTEGER });
    const emit = this.emit.bind(this) as (event: string, ...args: unknown[]) => boolean;
    const on = this.interactions.on.bind(this.interactions) as (event: string, listener: (...args: unknown[]) => void) => unknown;
    for (const event of FORWARDED) on(event, (...args) => emit(event, ...args));
  }

  override queueRequest(request: Request): ReturnType<REST['queueRequest']> {
    if (request.auth === false && INTERACTION_WEBHOOK.test(request.fullRoute)) return this.interactions.queueRequest(request);
    return super.queueRequest(request);
  }

  override clearHashSweeper(): void {
    super.clearHashSweeper();
    this.interactions.clearHashSweeper();
  }

  override clearHandlerSweeper(): void {
    super.clearHandlerSweeper();
    this.interactions.clearHandlerSweeper();
  }
}

/** Discord's "Interaction has already been acknowledged" (40060). */
export function isAlreadyAcknowledged(err: unknown): boolean {
  return discordErrorCode(err) === ACKNOWLEDGED;
}
const ACKNOWLEDGED = 40060;

/**
 * `interaction.deferReply(options)`, when a response is lost: @discordjs/rest sends the callback again and Discord
 * answers 40060, since the first try acknowledged the interaction. It is deferred all the same, so the answer
 * can still be edited in (discord.js, which never saw the first try succeed, would refuse to edit otherwise).
 */
export async function deferReply(interaction: RepliableInteraction, ephemeral: boolean): Promise<void> {
  try {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  } catch (err) {
    if (!isAlreadyAcknowledged(err)) throw err;
    interaction.deferred = true;
    interaction.ephemeral = ephemeral;
  }
}

/** A payload as Discord's API reads a message: its embeds and components are API JSON already, its mention rules in snake_case. */
function messageBody(payload: DiscordPayload): Record<string, unknown> {
  const { allowedMentions, ...rest } = payload;
  return { ...rest, allowed_mentions: { parse: allowedMentions.parse, replied_user: allowedMentions.repliedUser } };
}

/**
 * What `interaction.editReply(payload)` does for the bot's own payloads, without the
 * two things it would build only to be thrown away: discord.js's MessagePayload
 * (which walks every embed to snake_case it, though ours are API JSON already) and a
 * Message structure made from Discord's answer. bench:bot's profile of a burst of 200
 * /ask put those at about a tenth of the bot's CPU. Same route, same interaction
 * webhook bucket, same state change (`replied`) as editReply.
 */
export async function editOriginal(interaction: RepliableInteraction, payload: DiscordPayload): Promise<void> {
  if (!interaction.deferred && !interaction.replied) throw new Error('editOriginal: the interaction has not been deferred or replied to');
  await interaction.client.rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token), { body: messageBody(payload), auth: false });
  interaction.replied = true;
}

/**
 * What `interaction.reply(payload)` does for the bot's own payloads, without the MessagePayload and
 * InteractionResponse structures (see {@link editOriginal}). A retry refused as already acknowledged (40060)
 * was delivered by its first try.
 */
export async function replyWith(interaction: RepliableInteraction, payload: DiscordPayload, ephemeral: boolean): Promise<void> {
  if (interaction.deferred || interaction.replied) throw new Error('replyWith: the interaction has already been acknowledged');
  const data = { ...messageBody(payload), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
  try {
    await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: InteractionResponseType.ChannelMessageWithSource, data },
      auth: false,
    });
  } catch (err) {
    if (!isAlreadyAcknowledged(err)) throw err;
  }
  interaction.replied = true;
  interaction.ephemeral = ephemeral;
}
