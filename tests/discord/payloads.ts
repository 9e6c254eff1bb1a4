/** Builders of the INTERACTION_CREATE and MESSAGE_CREATE payloads a test sends through the double. */
import { randomBytes } from 'node:crypto';
import { createMessage } from './messages.js';
import { memberObject, snowflake, userObject, type DoubleState, type GuildState, type InteractionRecord } from './state.js';
import type { Json, UserSpec } from './types.js';

const bits = (...n: number[]): string => String(n.reduce((acc, b) => acc | (1n << BigInt(b)), 0n));
/** AddReactions, ViewChannel, SendMessages, EmbedLinks, AttachFiles, ReadMessageHistory, UseApplicationCommands, SendMessagesInThreads. */
export const MEMBER_PERMISSIONS = bits(6, 10, 11, 14, 15, 16, 31, 38);
/** The member set plus CreatePublicThreads: what a normally invited bot has. */
export const BOT_PERMISSIONS = bits(6, 10, 11, 14, 15, 16, 31, 35, 38);

/** What {@link buildInteraction} makes; every field is optional. */
export interface InteractionInput {
  /** 2 command (default), 3 message component, 4 autocomplete, 5 modal submit. */
  type?: 2 | 3 | 4 | 5;
  /** Command name (types 2, 4); default `ask`. */
  name?: string;
  /** Default: the id the bot registered for `name`, else a fresh one. */
  commandId?: string;
  /** Raw API options, or name → value (string 3, boolean 5, integer 4, other number 10). */
  options?: Json[] | Record<string, string | number | boolean>;
  /** Autocomplete: name of the focused option (default the first). */
  focused?: string;
  /** Component or modal custom_id. */
  customId?: string;
  /** Component type; default 2 (button). */
  componentType?: number;
  /** Select menu values. */
  values?: string[];
  /** Component interactions: the id of a stored message (e.g. an earlier reply) the component sits on. */
  messageId?: string;
  /** Modal submit: text input custom_id → value. */
  fields?: Record<string, string>;
  /** The invoking user; an id of a guild member reuses that member. Default: the double's default user. */
  user?: UserSpec;
  /** The member's permissions in the channel (decimal string); default {@link MEMBER_PERMISSIONS}. */
  permissions?: string;
  roles?: string[];
  /** Default: the guild of `channelId`, else the first guild; null for a DM interaction. */
  guildId?: string | null;
  /** Default: the guild's first text channel (in a DM: a fresh DM channel, kept for later calls). */
  channelId?: string;
  locale?: string;
  appPermissions?: string;
  /** How long ago Discord created the interaction (its id's time), as when the gateway delivers it late; default 0. */
  ageMs?: number;
}

function toOptions(options: InteractionInput['options'], focused: string | undefined, autocomplete: boolean): Json[] {
  const list: Json[] = Array.isArray(options)
    ? options.map((o) => ({ ...o }))
    : Object.entries(options ?? {}).map(([name, value]) => {
        const type = typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : Number.isInteger(value) ? 4 : 10;
        return { name, type, value };
      });
  if (autocomplete && list.length > 0) {
    const target = list.find((o) => o.name === focused) ?? list[0];
    if (target) target.focused = true;
  }
  return list;
}

/** Finds a member of the guild by user id or makes a user from the spec. */
export function resolveUser(state: DoubleState, guild: GuildState | undefined, spec: UserSpec | undefined): { user: Json; member?: Json } {
  if (!spec) return { user: state.defaultUser, member: guild && state.member(guild, String(state.defaultUser.id)) };
  const member = guild && spec.id ? state.member(guild, spec.id) : undefined;
  return member ? { user: member.user as Json, member } : { user: userObject(spec, 'user') };
}

function place(state: DoubleState, guildId: string | null | undefined, channelId: string | undefined): { guild?: GuildState; channel: Json } {
  if (guildId === null) {
    const id = channelId ?? snowflake();
    const channel = state.dmChannels.get(id) ?? { id, type: 1, flags: 0, last_message_id: null };
    state.dmChannels.set(id, channel);
    return { channel };
  }
  if (channelId !== undefined) {
    const found = state.channel(channelId);
    if (!found?.guild || (guildId !== undefined && found.guild.id !== guildId)) {
      throw new Error(`discord double: no channel ${channelId} in ${guildId === undefined ? 'any guild' : `guild ${guildId}`}`);
    }
    return { guild: found.guild, channel: found.channel };
  }
  const guild = guildId === undefined ? state.guilds[0] : state.guilds.find((g) => g.id === guildId);
  const channel = guild?.channels.find((c) => c.type === 0);
  if (!guild || !channel) throw new Error(`discord double: no guild ${String(guildId)} with a text channel`);
  return { guild, channel };
}

function commandId(state: DoubleState, name: string): string {
  for (const list of state.commands.values()) {
    const id = list.find((c) => c.name === name)?.id;
    if (typeof id === 'string') return id;
  }
  return snowflake();
}

/** Builds an INTERACTION_CREATE payload and registers the interaction so its callback and webhook routes work. */
export function buildInteraction(state: DoubleState, input: InteractionInput): { payload: Json; record: InteractionRecord } {
  const type = input.type ?? 2;
  const { guild, channel } = place(state, input.guildId, input.channelId);
  const { user, member } = resolveUser(state, guild, input.user);
  const permissions = input.permissions ?? MEMBER_PERMISSIONS;
  const target = input.messageId === undefined ? undefined : state.messages.get(input.messageId);
  if (input.messageId !== undefined && !target) throw new Error(`discord double: no stored message ${input.messageId}`);
  if (type === 3 && !target) throw new Error('discord double: a component interaction needs messageId of a stored message');
  let data: Json;
  if (type === 2 || type === 4) {
    const name = input.name ?? 'ask';
    data = { id: input.commandId ?? commandId(state, name), name, type: 1, options: toOptions(input.options, input.focused, type === 4), ...(guild ? { guild_id: guild.id } : {}) };
  } else if (type === 3) {
    data = { custom_id: input.customId ?? 'button', component_type: input.componentType ?? 2, ...(input.values ? { values: input.values } : {}) };
  } else {
    const rows = Object.entries(input.fields ?? {}).map(([custom_id, value]) => ({ type: 1, components: [{ type: 4, custom_id, value }] }));
    data = { custom_id: input.customId ?? 'modal', components: rows };
  }
  const id = input.ageMs ? snowflake(Date.now() - input.ageMs) : snowflake();
  const token = `itok_${randomBytes(24).toString('base64url')}`;
  const payload: Json = {
    id, application_id: state.applicationId, type, token, version: 1, data,
    channel_id: channel.id,
    channel: guild ? { ...channel, permissions } : { ...channel, recipients: [user] },
    locale: input.locale ?? 'en-US',
    app_permissions: input.appPermissions ?? BOT_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: guild ? { '0': guild.id } : { '1': String(user.id) },
    context: guild ? 0 : 1,
    attachment_size_limit: 10_485_760,
    ...(target ? { message: target } : {}),
  };
  if (guild) {
    Object.assign(payload, { guild_id: guild.id, guild: { id: guild.id, locale: 'en-US', features: [] }, guild_locale: 'en-US' });
    const roles = input.roles ?? ((member?.roles as string[] | undefined) ?? []);
    payload.member = { ...memberObject(user, roles), ...(member ? { joined_at: member.joined_at } : {}), permissions };
  } else {
    payload.user = user;
  }
  const record: InteractionRecord = {
    id, token, type, guildId: guild?.id ?? null, channelId: String(channel.id), user, followupIds: [],
    ...(target ? { targetMessageId: String(target.id) } : {}),
  };
  state.interactions.set(token, record);
  return { payload, record };
}

/** What {@link buildUserMessage} makes. */
export interface MessageCreateInput {
  content?: string;
  /** Default: the guild's first text channel. */
  channelId?: string;
  /** Default: the guild of `channelId`, else the first guild; null for a DM (`channelId` then names the DM channel). */
  guildId?: string | null;
  author?: UserSpec;
  /** Adds the bot to `mentions` and prefixes `<@botId> ` to the content unless it already mentions it. */
  mentionsBot?: boolean;
  /** Id of a stored message this one replies to. */
  replyTo?: string;
  /**
   * With `replyTo`: the reply pings its author (Discord's client does so by default), who is then in
   * `mentions` while the content holds no mention of them.
   */
  pingReply?: boolean;
}

/** Builds and stores a user's message; returns it and its guild id (null in DMs). */
export function buildUserMessage(state: DoubleState, input: MessageCreateInput): { message: Json; guildId: string | null } {
  const { guild, channel } = place(state, input.guildId, input.channelId);
  const { user, member } = resolveUser(state, guild, input.author);
  const botId = String(state.botUser.id);
  let content = input.content ?? '';
  const mentions: Json[] = [];
  if (input.mentionsBot) {
    if (!content.includes(`<@${botId}>`) && !content.includes(`<@!${botId}>`)) content = `<@${botId}> ${content}`;
    const botMember = guild && state.member(guild, botId);
    mentions.push({ ...state.botUser, ...(botMember ? { member: { ...botMember, user: undefined } } : {}) });
  }
  const repliedTo = input.replyTo ? state.messages.get(input.replyTo) : undefined;
  if (input.pingReply && repliedTo && !mentions.some((m) => String(m.id) === String((repliedTo.author as Json).id))) mentions.push(repliedTo.author as Json);
  const data: Json = { content, ...(input.replyTo ? { message_reference: { message_id: input.replyTo } } : {}) };
  const partialMember: Json = { ...(member ?? memberObject(user)) };
  delete partialMember.user;
  const message = createMessage(state, {
    channelId: String(channel.id), guildId: guild?.id ?? null, author: user, data, mentions,
    ...(guild ? { member: partialMember } : {}),
  });
  return { message, guildId: guild?.id ?? null };
}
