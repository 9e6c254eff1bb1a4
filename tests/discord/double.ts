/**
 * A Discord test double on loopback that the real discord.js `Client` logs into:
 * REST under `/api/v10` and a gateway on the same port.
 *
 * @example
 * const double = await startDiscordDouble();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: double.apiUrl } });
 * ...
 * await client.destroy();
 * await double.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultTable, type FaultHandle } from './faults.js';
import { Gateway } from './gateway.js';
import { buildInteraction, buildUserMessage, type InteractionInput, type MessageCreateInput } from './payloads.js';
import { callPredicate, describeMatcher, Recorder, summarizeCall } from './recorder.js';
import type { RestEnv } from './rest-routes.js';
import { handleRest } from './rest-server.js';
import { DoubleState, type InteractionRecord } from './state.js';
import type { CallMatcher, DiscordDoubleOptions, FaultSpec, GatewayFrame, Json, RecordedCall } from './types.js';

export { rateLimited, responseLost, serverError, unknownInteraction, type FaultHandle } from './faults.js';
export { BOT_PERMISSIONS, MEMBER_PERMISSIONS, type InteractionInput, type MessageCreateInput } from './payloads.js';
export { shardFor, snowflake, type GuildState, type InteractionRecord } from './state.js';
export type * from './types.js';

/** What {@link DiscordDouble.sendInteraction} returns. */
export interface SentInteraction {
  id: string;
  token: string;
  /** The INTERACTION_CREATE payload as dispatched. */
  payload: Json;
}

/** A running double; create it with {@link startDiscordDouble}. */
export class DiscordDouble {
  /** Pass as `new Client({ rest: { api: apiUrl } })`; discord.js appends `/v10`. */
  readonly apiUrl: string;
  /** The gateway URL answered by GET /gateway/bot and used as `resume_gateway_url`. */
  readonly gatewayUrl: string;
  /** Users, guilds, stored messages, interactions and commands; mutable by tests. */
  readonly state: DoubleState;
  private readonly log = new Recorder<RecordedCall>(summarizeCall);
  private readonly faults = new FaultTable();
  private readonly gateway: Gateway;
  private readonly env: RestEnv;
  private closing: Promise<void> | undefined;

  private constructor(private readonly server: Server, options: DiscordDoubleOptions) {
    const { port } = server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.state = new DoubleState(options);
    this.gateway = new Gateway(server, this.state, { heartbeatInterval: options.heartbeatInterval ?? 41_250, url: () => this.gatewayUrl });
    this.env = {
      state: this.state, gatewayUrl: () => this.gatewayUrl, shards: options.shards ?? 1,
      maxConcurrency: options.maxConcurrency ?? 16, echoBotMessages: options.echoBotMessages ?? true,
      dispatch: (t, d, guildId) => this.gateway.dispatch(t, d, guildId),
    };
    const deps = { env: this.env, faults: this.faults, log: this.log };
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void handleRest(deps, req, res));
  }

  /** Starts a double on 127.0.0.1 with a free port. */
  static async start(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
    const server = createServer({ keepAliveTimeout: 1000 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new DiscordDouble(server, options);
  }

  /** Every REST call so far, oldest first. */
  get calls(): readonly RecordedCall[] {
    return this.log.items;
  }

  /** Every gateway frame received from clients, oldest first. */
  get gatewayFrames(): readonly GatewayFrame[] {
    return this.gateway.frames.items;
  }

  /** The bot user (also READY's `user`). */
  get botUser(): Json {
    return this.state.botUser;
  }

  /** The user who sends interactions and messages by default. */
  get defaultUser(): Json {
    return this.state.defaultUser;
  }

  /** Resolves with the first call (already recorded or future) matching `matcher`; rejects after `timeoutMs`. */
  waitForCall(matcher: CallMatcher, timeoutMs = 2000): Promise<RecordedCall> {
    return this.log.waitFor(callPredicate(matcher), timeoutMs, describeMatcher(matcher));
  }

  /** Resolves with the first gateway frame from a client matching `predicate`; rejects after `timeoutMs`. */
  waitForGateway(predicate: (frame: GatewayFrame) => boolean, timeoutMs = 2000, label = 'a gateway frame'): Promise<GatewayFrame> {
    return this.gateway.frames.waitFor(predicate, timeoutMs, label);
  }

  /** The IDENTIFYs received so far, with their connection number and `shard` ([0, 1] when absent). */
  identifies(): { connection: number; shard: [number, number]; intents: number }[] {
    return this.gatewayFrames
      .filter((f) => f.op === 2)
      .map((f) => {
        const d = (f.d ?? {}) as { shard?: [number, number]; intents?: number };
        return { connection: f.connection, shard: d.shard ?? [0, 1], intents: d.intents ?? 0 };
      });
  }

  /** All REST calls of one interaction token: its callback and webhook edits, fetches and follow-ups. */
  callsFor(token: string): RecordedCall[] {
    return this.calls.filter((c) => c.path.split('/').includes(token));
  }

  /** What the double knows about an interaction it dispatched. */
  interaction(token: string): InteractionRecord | undefined {
    return this.state.interactions.get(token);
  }

  /** The stored original response of an interaction (after a type 4, 5, 6 or 7 callback). */
  originalMessage(token: string): Json | undefined {
    const id = this.interaction(token)?.originalId;
    return id === undefined ? undefined : this.state.messages.get(id);
  }

  /** Makes the next matching call(s) answer `spec` instead of the route (see `rateLimited`, `serverError`, `unknownInteraction`); the matcher sees the call with `status` 0. */
  failNext(matcher: CallMatcher, spec: FaultSpec): FaultHandle {
    return this.faults.add(matcher, spec);
  }

  /** Dispatches an INTERACTION_CREATE (a /command by default) and returns its id and token. */
  sendInteraction(input: InteractionInput = {}): SentInteraction {
    const { payload, record } = buildInteraction(this.state, input);
    this.gateway.dispatch('INTERACTION_CREATE', payload, record.guildId);
    return { id: record.id, token: record.token, payload };
  }

  /**
   * A user edits a stored message: its content (with the bot mentioned first when `mentionsBot`, as
   * {@link sendMessage} does) and mentions change, and MESSAGE_UPDATE carries the whole message, as Discord sends it.
   */
  editUserMessage(id: string, input: { content: string; mentionsBot?: boolean }): Json {
    const message = this.state.messages.get(id);
    if (!message) throw new Error(`editUserMessage: no message ${id}`);
    const botId = String(this.state.botUser.id);
    const mentioned = input.content.includes(`<@${botId}>`) || input.content.includes(`<@!${botId}>`);
    message.content = input.mentionsBot && !mentioned ? `<@${botId}> ${input.content}` : input.content;
    const others = (message.mentions as Json[]).filter((m) => String(m.id) !== botId);
    message.mentions = input.mentionsBot || mentioned ? [...others, this.state.botUser] : others;
    message.edited_timestamp = new Date().toISOString();
    this.gateway.dispatch('MESSAGE_UPDATE', message, (message.guild_id as string | undefined) ?? null);
    return message;
  }

  /** Dispatches a MESSAGE_CREATE from a user (the default user unless `author`) and returns the stored message. */
  sendMessage(input: MessageCreateInput = {}): Json {
    const { message, guildId } = buildUserMessage(this.state, input);
    this.gateway.dispatch('MESSAGE_CREATE', message, guildId);
    return message;
  }

  /** Dispatches any event to the guild's shard (DMs and null: shard 0); held until a session exists. Returns how many sessions got it now. */
  dispatch(t: string, d: Json, guildId: string | null = (d.guild_id as string | undefined) ?? null): number {
    return this.gateway.dispatch(t, d, guildId);
  }

  /** Drops every gateway connection: abruptly with `terminate()` by default (the client sees 1006), else a close frame with `code`. */
  dropConnections(code?: number): number {
    return this.gateway.dropConnections(code);
  }

  /** Sends op 7 RECONNECT to every identified connection; discord.js reconnects and resumes. */
  requestReconnect(): number {
    return this.gateway.requestReconnect();
  }

  /** Closes gateway sockets with 4004, then the HTTP server and its keep-alive sockets. Idempotent; never hangs. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.gateway.close();
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    })();
    return this.closing;
  }
}

/** Starts a {@link DiscordDouble} on 127.0.0.1 with a free port. */
export function startDiscordDouble(options: DiscordDoubleOptions = {}): Promise<DiscordDouble> {
  return DiscordDouble.start(options);
}
