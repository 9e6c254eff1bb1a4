/** The double's world: users, guilds, channels, messages, interactions, commands. */
import type { ChannelSpec, DiscordDoubleOptions, GuildSpec, Json, MemberSpec, ThreadSpec, UserSpec } from './types.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
let lastSnowflake = 0n;

/** A fresh, strictly increasing snowflake whose timestamp is now, or `at` (ms since 1970; an id from the past is made unique but not ordered). */
export function snowflake(at?: number): string {
  if (at !== undefined) return String(((BigInt(Math.floor(at)) - DISCORD_EPOCH) << 22n) | BigInt(Math.floor(Math.random() * 4_194_304)));
  const now = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
  lastSnowflake = now > lastSnowflake ? now : lastSnowflake + 1n;
  return String(lastSnowflake);
}

/** When a snowflake was made, in ms since 1970. */
export const snowflakeTime = (id: string): number => Number((BigInt(id) >> 22n) + DISCORD_EPOCH);

/** How long Discord waits for an interaction's first callback (after it, 10062 Unknown interaction). */
export const CALLBACK_DEADLINE_MS = 3000;

/** The shard Discord routes a guild to: `(guild_id >> 22) % shardCount`. */
export function shardFor(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** ISO timestamp of now. */
export const isoNow = (): string => new Date().toISOString();

/** A Discord user object. */
export function userObject(spec: UserSpec, fallbackName: string): Json {
  return {
    id: spec.id ?? snowflake(),
    username: spec.username ?? fallbackName,
    discriminator: '0',
    global_name: spec.globalName ?? null,
    avatar: null,
    bot: spec.bot ?? false,
    system: false,
    public_flags: 0,
  };
}

/** A guild member object for `user`. */
export function memberObject(user: Json, roles: string[] = [], nick: string | null = null): Json {
  return { user, nick, avatar: null, roles, joined_at: isoNow(), premium_since: null, deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null };
}

/** A guild plus everything GUILD_CREATE carries. */
export interface GuildState {
  id: string;
  name: string;
  /** A user that is not a member, so nobody in tests bypasses permissions as owner. */
  ownerId: string;
  roles: Json[];
  channels: Json[];
  threads: Json[];
  members: Json[];
}

/** A thread channel object (type 11). */
export function threadObject(guildId: string, parentId: string, spec: ThreadSpec, ownerId: string): Json {
  const now = isoNow();
  return {
    id: spec.id ?? snowflake(), type: 11, guild_id: guildId, name: spec.name, parent_id: parentId,
    owner_id: spec.ownerId ?? ownerId, last_message_id: null, rate_limit_per_user: 0, flags: 0,
    message_count: 0, member_count: 1, total_message_sent: 0,
    thread_metadata: { archived: spec.archived ?? false, auto_archive_duration: 1440, archive_timestamp: now, locked: spec.locked ?? false, create_timestamp: now },
  };
}

function channelObject(guildId: string, spec: ChannelSpec, position: number): Json {
  return {
    id: spec.id ?? snowflake(), type: spec.type ?? 0, guild_id: guildId, name: spec.name, position,
    parent_id: null, topic: null, nsfw: false, permission_overwrites: [], rate_limit_per_user: 0, last_message_id: null, flags: 0,
  };
}

function buildGuild(spec: GuildSpec, botUser: Json, defaultUser: Json): GuildState {
  const id = spec.id ?? snowflake();
  const everyone = { id, name: '@everyone', permissions: '1071698660929', position: 0 };
  const roles = [everyone, ...(spec.roles ?? [])].map((role) => ({
    id: role.id ?? snowflake(), name: role.name, permissions: role.permissions ?? '0', position: role.position ?? 1,
    color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, managed: false, mentionable: false, flags: 0, icon: null, unicode_emoji: null,
  }));
  const channels = (spec.channels ?? [{ name: 'general' }]).map((c, i) => channelObject(id, c, i));
  const firstText = channels.find((c) => c.type === 0)?.id as string | undefined;
  const threadSpecs = spec.threads ?? (spec.channels ? [] : [{ name: 'questions' }]);
  const threads = threadSpecs.map((t) => {
    const parent = t.parentId ?? firstText;
    if (parent === undefined) throw new Error(`thread ${t.name} needs a parentId: guild ${id} has no text channel`);
    return threadObject(id, parent, t, String(defaultUser.id));
  });
  const extra = (spec.members ?? []).map((m: MemberSpec) => memberObject(userObject(m, 'member'), m.roles ?? [], m.nick ?? null));
  const members = [memberObject(botUser), memberObject(defaultUser), ...extra];
  return { id, name: spec.name ?? 'Test Guild', ownerId: snowflake(), roles, channels, threads, members };
}

/** The GUILD_CREATE payload of a guild. */
export function guildCreatePayload(guild: GuildState): Json {
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, owner_id: guild.ownerId,
    afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0,
    explicit_content_filter: 0, roles: guild.roles, emojis: [], stickers: [], features: [], mfa_level: 0,
    application_id: null, system_channel_id: null, system_channel_flags: 0, rules_channel_id: null,
    vanity_url_code: null, description: null, banner: null, premium_tier: 0, premium_subscription_count: 0,
    preferred_locale: 'en-US', public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
    joined_at: isoNow(), large: false, unavailable: false, member_count: guild.members.length,
    members: guild.members, channels: guild.channels, threads: guild.threads, presences: [], voice_states: [],
    stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
  };
}

/** What the double remembers about one interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  guildId: string | null;
  channelId: string;
  user: Json;
  /** Type of the accepted callback, once there is one. */
  callbackType?: number;
  originalId?: string;
  /** The message a component interaction came from. */
  targetMessageId?: string;
  followupIds: string[];
  /** Choices of an autocomplete (type 8) callback, or the modal of a type 9 callback. */
  callbackData?: Json;
}

/** All mutable state of one double. */
export class DoubleState {
  readonly botUser: Json;
  readonly defaultUser: Json;
  readonly applicationId: string;
  readonly guilds: GuildState[];
  readonly messages = new Map<string, Json>();
  readonly interactions = new Map<string, InteractionRecord>();
  /** DM channels (type 1) created by interactions or messages with `guildId: null`. */
  readonly dmChannels = new Map<string, Json>();
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, Json[]>();

  constructor(options: DiscordDoubleOptions) {
    this.botUser = userObject({ bot: true, ...options.botUser }, 'test-bot');
    this.defaultUser = userObject(options.defaultUser ?? {}, 'alice');
    this.applicationId = options.applicationId ?? String(this.botUser.id);
    this.guilds = (options.guilds ?? [{}]).map((g) => buildGuild(g, this.botUser, this.defaultUser));
  }

  /** A guild channel or thread by id with its guild, or a known DM channel (no guild). */
  channel(id: string): { channel: Json; guild?: GuildState } | undefined {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((c) => c.id === id) ?? guild.threads.find((c) => c.id === id);
      if (channel) return { channel, guild };
    }
    const dm = this.dmChannels.get(id);
    return dm ? { channel: dm } : undefined;
  }

  /** The member object of a user in a guild, if it is a member. */
  member(guild: GuildState, userId: string): Json | undefined {
    return guild.members.find((m) => (m.user as Json).id === userId);
  }
}
