/**
 * Requests and notifications over one IPC channel between the sharding manager
 * and one shard process. Messages are plain JSON, tagged `$rpc` so they never
 * collide with discord.js's own sharding messages (`_ready`, `_eval` …), which
 * travel on the same channel.
 *
 * One channel delivers messages in order and each side handles them in arrival
 * order, so a read sent after a write sees that write.
 */
import type { Logger } from 'pino';

/** A message of this protocol. */
export type RpcMessage =
  | { $rpc: 'req'; id: number; op: string; payload?: unknown }
  | { $rpc: 'note'; op: string; payload?: unknown }
  | { $rpc: 'res'; id: number; ok: true; value?: unknown }
  | { $rpc: 'res'; id: number; ok: false; error: string; code?: string };

/** One end of the channel: a shard's `process`, or the manager's view of one shard. */
export interface Port {
  /** Sends one message; rejects when the channel is closed. */
  send(message: RpcMessage): Promise<void>;
  /** Calls `listener` with every message received (this protocol's or not). */
  onMessage(listener: (message: unknown) => void): void;
}

/** The operations one side offers: each takes one argument (or none) and returns a value or a promise. */
export type Api = Record<string, (arg: never) => unknown>;
export type Arg<F> = F extends (arg: infer A) => unknown ? A : never;
type Result<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/** A failure reported by the other side (or by the channel), with a machine-readable `code` when there is one. */
export class RpcError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'RpcError';
  }
}

const isRpc = (m: unknown): m is RpcMessage =>
  typeof m === 'object' && m !== null && typeof (m as { $rpc?: unknown }).$rpc === 'string';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One side of the channel: serves `Local` (the handlers) and calls `Remote`.
 * A request that gets no answer within its timeout, or whose channel closes,
 * rejects; it never hangs.
 */
export class RpcEndpoint<Local extends Api, Remote extends Api> {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: Port, private readonly handlers: Local, private readonly log: Logger) {
    port.onMessage((m) => {
      if (isRpc(m)) this.receive(m);
    });
  }

  /** Calls `op` on the other side and resolves with its answer. */
  request<K extends keyof Remote & string>(op: K, payload: Arg<Remote[K]>, timeoutMs: number): Promise<Result<Remote[K]>> {
    const id = this.next++;
    return new Promise<Result<Remote[K]>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcError(`${op}: no answer within ${timeoutMs} ms`, 'timeout'));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.port.send({ $rpc: 'req', id, op, payload }).catch((err: unknown) => this.settle(id, new RpcError(`${op}: ${(err as Error).message}`, 'closed')));
    });
  }

  /** Sends `op` without waiting for an answer; a closed channel is logged. */
  notify<K extends keyof Remote & string>(op: K, payload: Arg<Remote[K]>): void {
    this.port.send({ $rpc: 'note', op, payload }).catch((err: unknown) => this.log.warn({ err, op }, 'ipc: could not send'));
  }

  /** Rejects every request still waiting (the other side is gone). */
  failPending(reason: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, new RpcError(reason, 'closed'));
  }

  private settle(id: number, error: Error | undefined, value?: unknown): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(value);
  }

  private receive(m: RpcMessage): void {
    if (m.$rpc === 'res') {
      this.settle(m.id, m.ok ? undefined : new RpcError(m.error, m.code), m.ok ? m.value : undefined);
      return;
    }
    const handler = Object.hasOwn(this.handlers, m.op) ? (this.handlers[m.op] as (arg: unknown) => unknown) : undefined;
    if (m.$rpc === 'note') {
      if (!handler) return void this.log.warn({ op: m.op }, 'ipc: unknown notification');
      // Run at once, in arrival order: a request behind this note must see its effect.
      this.run(handler, m.payload).catch((err: unknown) => this.log.error({ err, op: m.op }, 'ipc: notification failed'));
      return;
    }
    const { id } = m;
    const reply = (r: { ok: true; value: unknown } | { ok: false; error: string; code?: string }) =>
      this.port.send({ $rpc: 'res', id, ...r } as RpcMessage).catch((err: unknown) => this.log.warn({ err, op: m.op }, 'ipc: could not answer'));
    if (!handler) return void reply({ ok: false, error: `unknown operation ${m.op}`, code: 'unknown' });
    this.run(handler, m.payload).then(
      (value) => reply({ ok: true, value }),
      (err: unknown) => reply({ ok: false, error: (err as Error).message ?? String(err), ...(err instanceof RpcError && err.code ? { code: err.code } : {}) }),
    );
  }

  /** Calls a handler synchronously (so handlers see messages in order) and returns its result as a promise. */
  private run(handler: (arg: unknown) => unknown, payload: unknown): Promise<unknown> {
    try {
      return Promise.resolve(handler(payload));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
}

/** The port of a forked child process to its parent (`process.send`). */
export function parentPort(proc: NodeJS.Process = process): Port {
  return {
    send: (message) =>
      new Promise<void>((resolve, reject) => {
        if (!proc.send || !proc.connected) return reject(new Error('the IPC channel to the manager is closed'));
        proc.send(message, undefined, undefined, (err: Error | null) => (err ? reject(err) : resolve()));
      }),
    onMessage: (listener) => void proc.on('message', listener),
  };
}
