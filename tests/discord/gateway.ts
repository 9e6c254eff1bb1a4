/** The gateway half of the double: HELLO, IDENTIFY/READY, RESUME/RESUMED, heartbeats, dispatch routing. */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { Recorder } from './recorder.js';
import { guildCreatePayload, shardFor, type DoubleState } from './state.js';
import type { GatewayFrame, Json } from './types.js';

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  socket: WebSocket | null;
}

interface PendingDispatch {
  t: string;
  d: Json;
  guildId: string | null;
}

const OP_NAMES: Record<number, string> = { 1: 'HEARTBEAT', 2: 'IDENTIFY', 3: 'PRESENCE', 6: 'RESUME', 8: 'REQUEST_MEMBERS' };

/** Options of {@link Gateway}. */
export interface GatewayOptions {
  heartbeatInterval: number;
  /** The ws URL, used as `resume_gateway_url`. */
  url: () => string;
}

/** A gateway on the double's HTTP server, accepting any number of connections and shards. */
export class Gateway {
  /** Every frame received from clients. */
  readonly frames = new Recorder<GatewayFrame>((f) => `#${f.connection} op ${f.op} ${OP_NAMES[f.op] ?? ''}`);
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();
  private pending: PendingDispatch[] = [];
  private connections = 0;

  constructor(server: Server, private readonly state: DoubleState, private readonly options: GatewayOptions) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    const connection = ++this.connections;
    this.sockets.add(ws);
    ws.on('error', () => undefined);
    ws.on('close', () => {
      this.sockets.delete(ws);
      for (const session of this.sessions.values()) if (session.socket === ws) session.socket = null;
    });
    ws.on('message', (data) => {
      let frame: { op: number; d: unknown };
      try {
        frame = JSON.parse(String(data)) as { op: number; d: unknown };
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      this.frames.push({ connection, op: frame.op, d: frame.d, at: performance.now() });
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11, d: null }));
      else if (frame.op === 2) this.identify(ws, (frame.d ?? {}) as Json);
      else if (frame.op === 6) this.resume(ws, (frame.d ?? {}) as Json);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatInterval } }));
  }

  private identify(ws: WebSocket, d: Json): void {
    const raw = Array.isArray(d.shard) ? (d.shard as unknown[]) : [0, 1];
    const shard: [number, number] = [Number(raw[0] ?? 0), Number(raw[1] ?? 1)];
    const session: Session = { id: randomBytes(16).toString('hex'), shard, seq: 0, socket: ws };
    this.sessions.set(session.id, session);
    const guilds = this.state.guilds.filter((g) => shardFor(g.id, shard[1]) === shard[0]);
    this.send(session, 'READY', {
      v: 10,
      user: { ...this.state.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.options.url(),
      shard,
      application: { id: this.state.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      geo_ordered_rtc_regions: [],
      _trace: ['discord-double'],
    });
    for (const guild of guilds) this.send(session, 'GUILD_CREATE', guildCreatePayload(guild));
    this.flush(session);
  }

  private resume(ws: WebSocket, d: Json): void {
    const session = this.sessions.get(String(d.session_id));
    if (!session) {
      ws.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    session.socket = ws;
    this.send(session, 'RESUMED', { _trace: ['discord-double'] });
    this.flush(session);
  }

  private send(session: Session, t: string, d: Json): void {
    session.seq += 1;
    session.socket?.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  private routesTo(session: Session, guildId: string | null): boolean {
    if (guildId === null) return session.shard[0] === 0;
    return shardFor(guildId, session.shard[1]) === session.shard[0];
  }

  private liveSessions(): Session[] {
    return [...this.sessions.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN);
  }

  private flush(session: Session): void {
    const keep: PendingDispatch[] = [];
    for (const event of this.pending) {
      if (this.routesTo(session, event.guildId)) this.send(session, event.t, event.d);
      else keep.push(event);
    }
    this.pending = keep;
  }

  /**
   * Sends a dispatch to every live session of the guild's shard (DMs: shard 0).
   * With no such session the event is held and delivered after the next READY or RESUMED.
   * @returns how many sessions got it now.
   */
  dispatch(t: string, d: Json, guildId: string | null): number {
    const targets = this.liveSessions().filter((s) => this.routesTo(s, guildId));
    if (targets.length === 0) this.pending.push({ t, d, guildId });
    for (const session of targets) this.send(session, t, d);
    return targets.length;
  }

  /** Drops every connection: `terminate()` (abrupt, the client sees 1006) or a close frame with `code`. */
  dropConnections(code?: number): number {
    const sockets = [...this.sockets];
    for (const ws of sockets) {
      if (code === undefined) ws.terminate();
      else ws.close(code);
    }
    return sockets.length;
  }

  /** Sends op 7 RECONNECT on every identified connection. */
  requestReconnect(): number {
    const live = this.liveSessions();
    for (const session of live) session.socket?.send(JSON.stringify({ op: 7, d: null }));
    return live.length;
  }

  /** Closes every socket with 4004 (final for discord.js), terminating stragglers after 500 ms, then the ws server. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              ws.terminate();
              resolve();
            }, 500);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            ws.close(4004, 'Authentication failed.');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
