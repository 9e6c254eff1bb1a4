/** The manager's side of the IPC protocol: serves the store and reindexes to every shard. */
import type { ChildProcess } from 'node:child_process';
import type { Logger } from 'pino';
import type { BotStore } from '../bot/bot-store.js';
import { BUSY, RELOAD_TIMEOUT_MS, type ManagerApi, type ShardApi } from './protocol.js';
import { RpcEndpoint, RpcError, type Arg, type Port, type RpcMessage } from './rpc.js';

/** What the hub needs of a discord.js `Shard` (an interface, so tests can pass a fake). */
export interface ShardLike {
  readonly id: number;
  readonly process: ChildProcess | null;
  send(message: unknown): Promise<unknown>;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'death', listener: () => void): unknown;
}

/** Rebuilds index.json (beside the live one, renamed over it) and returns warnings for the operator. */
export type Rebuild = () => Promise<{ warnings: string[] }>;

/**
 * Serves every shard's store requests from the one {@link BotStore} the
 * manager owns, and runs one reindex at a time for the whole bot.
 */
export class ShardHub {
  private readonly endpoints = new Map<number, RpcEndpoint<ManagerApi, ShardApi>>();
  private reindexing = false;

  constructor(private readonly store: BotStore, private readonly rebuild: Rebuild, private readonly log: Logger, private readonly reloadTimeoutMs = RELOAD_TIMEOUT_MS) {}

  /** Starts serving a shard (call on the manager's `shardCreate`; a respawned shard keeps its endpoint). */
  attach(shard: ShardLike): void {
    const port: Port = {
      send: async (message: RpcMessage) => void (await shard.send(message)),
      onMessage: (listener) => void shard.on('message', listener),
    };
    const endpoint = new RpcEndpoint<ManagerApi, ShardApi>(port, this.handlers(shard.id), this.log.child({ shard: shard.id }));
    shard.on('death', () => endpoint.failPending(`shard ${shard.id} exited`));
    this.endpoints.set(shard.id, endpoint);
  }

  /** Tells every shard something, without waiting. */
  notifyAll<K extends keyof ShardApi & string>(op: K, payload: Arg<ShardApi[K]>): void {
    for (const endpoint of this.endpoints.values()) endpoint.notify(op, payload);
  }

  private handlers(shardId: number): ManagerApi {
    const store = this.store;
    return {
      recordQuestion: (record) => store.recordQuestion(record),
      recordFeedback: (record) => store.recordFeedback(record),
      pushThreadTurn: ({ threadId, turn }) => store.pushThreadTurn(threadId, turn),
      question: ({ id }) => store.question(id),
      threadTurns: ({ threadId }) => store.threadTurns(threadId),
      data: () => store.data,
      storageWarnings: () => store.storageWarnings(),
      flush: () => store.flush(),
      reindex: () => this.reindex(shardId),
    };
  }

  /**
   * Rebuilds once for the whole bot and has every shard but `requester` reload
   * (the requester reloads as it gets the answer). A second request meanwhile is
   * refused with code {@link BUSY}. A shard that cannot reload is reported in
   * the warnings; it serves the old index until it restarts.
   */
  async reindex(requester: number): Promise<{ warnings: string[] }> {
    if (this.reindexing) throw new RpcError('another reindex is already running; the new index will be live on every shard when it finishes', BUSY);
    this.reindexing = true;
    this.notifyAll('reindexing', { busy: true });
    this.log.info({ requester }, 'reindex: rebuilding');
    try {
      const { warnings } = await this.rebuild();
      const others = [...this.endpoints].filter(([id]) => id !== requester);
      const results = await Promise.allSettled(others.map(([, endpoint]) => endpoint.request('reload', undefined, this.reloadTimeoutMs)));
      let failed = 0;
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') return;
        failed += 1;
        warnings.push(`shard ${others[i]![0]} did not reload (${(r.reason as Error).message}); it serves the old index until it restarts`);
      });
      this.log.info({ requester, reloaded: others.length - failed, warnings }, 'reindex: done');
      return { warnings };
    } finally {
      this.reindexing = false;
      this.notifyAll('reindexing', { busy: false });
    }
  }
}
