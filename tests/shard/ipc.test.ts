/** The manager ↔ shard protocol without processes: in-memory channels that copy messages as IPC does. */
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_FILE, BotStore, type BotData, type QuestionRecord } from '../../src/bot/bot-store.js';
import { ReindexBusyError, type AnswerEngine } from '../../src/bot/engine-holder.js';
import { ShardHub, type ShardLike } from '../../src/shard/hub.js';
import { IpcStore } from '../../src/shard/ipc-store.js';
import { BUSY, type ManagerApi, type ShardApi } from '../../src/shard/protocol.js';
import { RpcEndpoint, RpcError, type Port, type RpcMessage } from '../../src/shard/rpc.js';
import { ShardEngineHolder, shardIndexLoader } from '../../src/shard/shard-index.js';

const logs: Record<string, unknown>[] = [];
const log = pino({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  logs.length = 0;
});

const question = (id: string): QuestionRecord => ({ id, userId: 'u', question: `q${id}`, asked: `q${id}`, answered: true, at: '2024-01-01T00:00:00.000Z' });

/** A fake discord.js Shard and the shard process's end of its channel; `closed` makes both ends fail like a dead process. */
class FakeShard extends EventEmitter implements ShardLike {
  readonly process = null;
  closed = false;
  private readonly childListeners: ((m: unknown) => void)[] = [];

  constructor(readonly id: number) {
    super();
  }

  /** Manager → shard: copied (JSON, as `fork` does) and delivered on a later turn, in order. */
  send(message: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('channel closed'));
    const copy: unknown = JSON.parse(JSON.stringify(message));
    setImmediate(() => this.childListeners.forEach((l) => l(copy)));
    return Promise.resolve(this);
  }

  /** The shard process's port. */
  readonly child: Port = {
    send: (message: RpcMessage) => {
      if (this.closed) return Promise.reject(new Error('the IPC channel to the manager is closed'));
      const copy: unknown = JSON.parse(JSON.stringify(message));
      setImmediate(() => this.emit('message', copy));
      return Promise.resolve();
    },
    onMessage: (listener) => void this.childListeners.push(listener),
  };
}

async function managerStore(): Promise<{ store: BotStore; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'shard-ipc-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return { store: await BotStore.open(dir, log, 3), dir };
}

/** A hub with `n` fake shards, each with its endpoint; `shardApi` answers the manager's requests. */
function setup(store: BotStore, n: number, rebuild: () => Promise<{ warnings: string[] }>, shardApi: (id: number) => Partial<ShardApi> = () => ({})) {
  const hub = new ShardHub(store, rebuild, log, 500);
  const shards = Array.from({ length: n }, (_, id) => {
    const fake = new FakeShard(id);
    hub.attach(fake);
    const seen: { op: string; payload: unknown }[] = [];
    const api: ShardApi = {
      reload: async () => ({ documents: 1 }),
      reindexing: (payload) => void seen.push({ op: 'reindexing', payload }),
      stop: () => void seen.push({ op: 'stop', payload: undefined }),
      ...shardApi(id),
    };
    const rpc = new RpcEndpoint<ShardApi, ManagerApi>(fake.child, api, log);
    return { fake, rpc, seen, store: new IpcStore(rpc, log, 300) };
  });
  return { hub, shards };
}

describe('IpcStore ↔ ShardHub', () => {
  it('writes from two shards all reach the manager’s bot.json; reads see earlier writes', async () => {
    const { store, dir } = await managerStore();
    const { shards } = setup(store, 2, async () => ({ warnings: [] }));
    const [a, b] = [shards[0]!.store, shards[1]!.store];
    for (let i = 0; i < 50; i++) {
      a.recordQuestion(question(`a${i}`));
      b.recordQuestion(question(`b${i}`));
    }
    a.recordFeedback({ questionId: 'b3', offset: 0, userId: 'u', vote: 'up', at: 'now' });
    b.pushThreadTurn('t1', { question: 'x', asked: 'x', followUp: false });
    // Sent right behind the writes on the same channel: they are seen.
    expect(await a.question('a49')).toMatchObject({ id: 'a49' });
    expect(await b.threadTurns('t1')).toEqual([{ question: 'x', asked: 'x', followUp: false }]);
    expect(await b.question('nope')).toBeUndefined();
    // Shard a reads what shard b wrote (once b's writes are in).
    await b.flush();
    expect(await a.question('b49')).toMatchObject({ id: 'b49' });
    expect((await a.data).questions).toHaveLength(100);
    await a.flush();
    const stored = JSON.parse(await readFile(join(dir, BOT_FILE), 'utf8')) as BotData;
    expect(stored.questions).toHaveLength(100);
    expect(stored.feedback).toEqual([expect.objectContaining({ questionId: 'b3', vote: 'up' })]);
  });

  it('storage warnings of the manager reach the shard (for /stats and /reindex): none when bot.json is writable, the reason when not', async () => {
    const { store } = await managerStore();
    expect(await setup(store, 1, async () => ({ warnings: [] })).shards[0]!.store.storageWarnings()).toEqual([]);
    // A data folder that cannot be made (its parent is a file): the manager keeps bot.json in memory and says so.
    const { dir } = await managerStore();
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'x');
    const unwritable = await BotStore.open(join(blocked, 'data'), log, 3);
    const warnings = await setup(unwritable, 1, async () => ({ warnings: [] })).shards[0]!.store.storageWarnings();
    expect(warnings).toContainEqual(expect.stringMatching(/not writable \(ENOTDIR\)/));
    expect(warnings).toEqual(unwritable.storageWarnings());
  });

  it('a manager that does not answer: reads of questions and stats fail, thread history degrades to none, flush still resolves', async () => {
    const silent: Port = { send: async () => undefined, onMessage: () => undefined };
    const store = new IpcStore(new RpcEndpoint<ShardApi, ManagerApi>(silent, {} as ShardApi, log), log, 50, 50);
    await expect(store.question('1')).rejects.toMatchObject({ code: 'timeout' });
    await expect(store.data).rejects.toBeInstanceOf(RpcError);
    expect(await store.threadTurns('t')).toEqual([]);
    await store.flush();
    expect(logs.map((l) => l.msg)).toContain('ipc store: the manager did not confirm the flush');
    expect(await store.storageWarnings()).toEqual([expect.stringContaining('did not answer in time')]);
  });

  it('a closed channel fails requests at once and logs lost notifications; a dead shard fails the manager’s pending requests', async () => {
    const { store } = await managerStore();
    let release!: () => void;
    const { hub, shards } = setup(store, 1, async () => ({ warnings: [] }), () => ({ reload: () => new Promise((r) => (release = () => r({ documents: 1 }))) }));
    const shard = shards[0]!;
    // The manager waits on a reload; the shard dies meanwhile.
    const job = hub.reindex(99);
    await new Promise((r) => setTimeout(r, 20));
    shard.fake.emit('death');
    expect((await job).warnings).toEqual([expect.stringContaining('shard 0 did not reload (shard 0 exited)')]);
    release();
    shard.fake.closed = true;
    const started = performance.now();
    await expect(shard.store.question('1')).rejects.toMatchObject({ code: 'closed' });
    // At once, not after the 300 ms read timeout (whose error says 'timeout'): a bound loose enough for a busy CI machine.
    expect(performance.now() - started).toBeLessThan(250);
    shard.store.recordQuestion(question('lost'));
    await new Promise((r) => setTimeout(r, 10));
    expect(logs.some((l) => l.msg === 'ipc: could not send' && l.op === 'recordQuestion')).toBe(true);
  });

  it('an unknown operation is answered with an error, not silence', async () => {
    const { store } = await managerStore();
    const { shards } = setup(store, 1, async () => ({ warnings: [] }));
    const rpc = shards[0]!.rpc as unknown as RpcEndpoint<ShardApi, Record<string, (a: undefined) => unknown>>;
    await expect(rpc.request('dropTables', undefined, 500)).rejects.toMatchObject({ code: 'unknown' });
  });
});

describe('reindex through the manager', () => {
  it('one rebuild at a time: a second request is refused with BUSY; every other shard reloads; every shard hears busy on and off', async () => {
    const { store } = await managerStore();
    let finish!: () => void;
    let rebuilds = 0;
    const rebuild = () => {
      rebuilds += 1;
      return new Promise<{ warnings: string[] }>((r) => (finish = () => r({ warnings: ['seed x skipped'] })));
    };
    const reloads: number[] = [];
    const { shards } = setup(store, 3, rebuild, (id) => ({
      reload: async () => {
        reloads.push(id);
        if (id === 2) throw new Error('disk says no');
        return { documents: 1 };
      },
    }));
    const first = shards[0]!.rpc.request('reindex', undefined, 2000);
    await new Promise((r) => setTimeout(r, 20));
    await expect(shards[1]!.rpc.request('reindex', undefined, 2000)).rejects.toMatchObject({ code: BUSY, message: expect.stringContaining('already running') });
    finish();
    const { warnings } = await first;
    expect(rebuilds).toBe(1);
    expect(reloads.sort()).toEqual([1, 2]);
    expect(warnings).toEqual(['seed x skipped', expect.stringMatching(/^shard 2 did not reload \(disk says no\)/)]);
    await new Promise((r) => setTimeout(r, 20));
    for (const s of shards) expect(s.seen.filter((x) => x.op === 'reindexing').map((x) => x.payload)).toEqual([{ busy: true }, { busy: false }]);
    // The lock is released: the next one runs.
    const again = shards[1]!.rpc.request('reindex', undefined, 2000);
    await new Promise((r) => setTimeout(r, 20));
    finish();
    await again;
    expect(rebuilds).toBe(2);
  });

  it('a failed rebuild is reported to the requester and releases the lock', async () => {
    const { store } = await managerStore();
    let fail = true;
    const { shards } = setup(store, 1, async () => {
      if (fail) throw new Error('index.json could not be written');
      return { warnings: [] };
    });
    await expect(shards[0]!.rpc.request('reindex', undefined, 2000)).rejects.toThrow('index.json could not be written');
    fail = false;
    await expect(shards[0]!.rpc.request('reindex', undefined, 2000)).resolves.toEqual({ warnings: [] });
  });

  it('on a shard: BUSY from the manager is a ReindexBusyError (a refusal), and a remote reindex makes /reindex refuse at once', async () => {
    const busy = shardIndexLoader('/nonexistent', () => Promise.reject(new RpcError('another reindex is already running', BUSY)));
    await expect(busy(true)).rejects.toBeInstanceOf(ReindexBusyError);
    const other = shardIndexLoader('/nonexistent', () => Promise.reject(new RpcError('boom')));
    await expect(other(true)).rejects.not.toBeInstanceOf(ReindexBusyError);

    const engine = { documents: [] } as unknown as AnswerEngine;
    const holder = new ShardEngineHolder(engine, async () => ({ engine, warnings: [], saved: true }));
    holder.remoteBusy = true;
    expect(holder.busy).toBe(true);
    expect(holder.reindex()).toBeUndefined();
    holder.remoteBusy = false;
    expect(holder.busy).toBe(false);
    await expect(holder.reindex()).resolves.toMatchObject({ documentsAfter: 0 });
  });
});
