/**
 * Shared types of the Discord test double (see `double.ts`).
 *
 * Payloads are kept as loose JSON objects on purpose: the real discord.js
 * client parses them, so a wrong shape shows up as a failing test there.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** A loose JSON object, as Discord sends and receives them. */
export type Json = Record<string, unknown>;

/** A user to create (any omitted field gets a default). */
export interface UserSpec {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

/** A guild member: a user plus the ids of its roles. */
export interface MemberSpec extends UserSpec {
  roles?: string[];
  nick?: string | null;
}

/** A guild role. */
export interface RoleSpec {
  id?: string;
  name: string;
  /** Permission bit field as a decimal string; defaults to "0". */
  permissions?: string;
  position?: number;
}

/** A guild channel; `type` defaults to 0 (text). */
export interface ChannelSpec {
  id?: string;
  name: string;
  type?: number;
}

/** A public thread (type 11); `parentId` defaults to the guild's first text channel. */
export interface ThreadSpec {
  id?: string;
  name: string;
  parentId?: string;
  ownerId?: string;
  archived?: boolean;
  locked?: boolean;
}

/** A guild; every omitted part gets a default (one text channel, no thread). */
export interface GuildSpec {
  id?: string;
  name?: string;
  roles?: RoleSpec[];
  channels?: ChannelSpec[];
  threads?: ThreadSpec[];
  /** Extra members; the bot and the default user are always members. */
  members?: MemberSpec[];
}

/** Options of {@link startDiscordDouble}. */
export interface DiscordDoubleOptions {
  /** Defaults to `{ username: 'test-bot', bot: true }` with a fresh id. */
  botUser?: UserSpec;
  /** The user that sends interactions and messages unless told otherwise. */
  defaultUser?: UserSpec;
  /** Defaults to the bot user's id, as on Discord. */
  applicationId?: string;
  /** Defaults to one guild with a text channel `general` and a thread `questions`. */
  guilds?: GuildSpec[];
  /** HELLO heartbeat interval in ms; default 41250. */
  heartbeatInterval?: number;
  /** `shards` answered by GET /gateway/bot; default 1. */
  shards?: number;
  /** `session_start_limit.max_concurrency`; default 16 so several shards identify at once. */
  maxConcurrency?: number;
  /** Dispatch MESSAGE_CREATE for messages the bot posts with POST /channels/{id}/messages, as Discord does; default true. */
  echoBotMessages?: boolean;
}

/** A file uploaded in a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
}

/** One REST request the double received, with the answer it gave. */
export interface RecordedCall {
  method: string;
  /** Decoded path without the `/api/v10` prefix and without the query, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (or multipart `payload_json`); top-level arrays are kept as arrays; null when empty. */
  body: Json | null;
  files: RecordedFile[];
  headers: IncomingHttpHeaders;
  /** `performance.now()` when the request was fully read. */
  at: number;
  status: number;
  /** The JSON answered, or null for 204. */
  response: unknown;
  /** True when the answer came from {@link FaultSpec} injection. */
  faulted: boolean;
  /** True when no route matched (answered 404 code 0). */
  unhandled: boolean;
}

/** Selects calls: a predicate, or method and/or path (exact string or RegExp on the decoded path). */
export type CallMatcher =
  | ((call: RecordedCall) => boolean)
  | { method?: string; path?: string | RegExp };

/** What an injected fault answers. */
export interface FaultSpec {
  status: number;
  /** JSON body; defaults to a Discord-like error (for 429 `{message, retry_after, global:false}`). */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching calls fail; default 1. */
  times?: number;
  /**
   * The route runs first (its effects take place: a callback acknowledges, a message is created), and the fault
   * is answered in place of its response: a response lost on its way back, which a client retries. Default false.
   */
  processed?: boolean;
}

/** A frame the gateway received from a client. */
export interface GatewayFrame {
  /** Connection number, counting from 1 in order of connection. */
  connection: number;
  op: number;
  d: unknown;
  at: number;
}
