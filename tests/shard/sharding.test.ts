/**
 * `npm run start:sharded` end to end: the manager runs as an operator would run
 * it (`node --import tsx src/shard/manager.ts`), spawns two shard processes, and
 * each one's real discord.js client logs into the Discord double (2 shards).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_FILE, type BotData } from '../../src/bot/bot-store.js';
import { MEMBER_PERMISSIONS, shardFor, startDiscordDouble, type DiscordDouble } from '../discord/double.js';
import { SEEDS_DIR, waitForAnswer, waitForCallback } from '../bot/harness.js';

const TOKEN = 'sharded-token-0123456789abcdef';
/** Manage Server on top of a member's permissions: what /reindex and /stats ask for. */
const ADMIN = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
const PER_GUILD = 4;

/** A guild id that Discord routes to `shard` of `count`. */
function guildOn(shard: number, count: number, from: bigint): string {
  for (let n = from; ; n++) {
    const id = String(n << 22n);
    if (shardFor(id, count) === shard) return id;
  }
}

type LogLine = Record<string, unknown> & { msg?: string; shard?: number };

/** The manager process and everything it (and its shards, which share its stderr) printed. */
class Manager {
  private stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString();
      for (const w of this.waiters) w();
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  get output(): string {
    return this.stderr;
  }

  logs(): LogLine[] {
    return this.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => {
      try {
        return JSON.parse(l) as LogLine;
      } catch {
        return {};
      }
    });
  }

  /** Resolves with the first log line matching `predicate`, or rejects with the output after `timeoutMs`. */
  waitForLog(predicate: (l: LogLine) => boolean, timeoutMs: number, label: string): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.logs().find(predicate);
        if (!found) return false;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(found);
        return true;
      };
      const waiter = () => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${label}; output:\n${this.stderr.slice(-4000)}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(waiter);
    });
  }
}

describe('npm run start:sharded (src/shard/manager.ts)', () => {
  let double: DiscordDouble;
  let manager: Manager;
  let dataDir: string;
  let seedsDir: string;
  const guilds = [guildOn(0, 2, 300_000_000_000n), guildOn(1, 2, 300_000_000_000n)] as const;
  /** Every question asked (interaction ids), to count in bot.json. */
  const asked: string[] = [];

  beforeAll(async () => {
    double = await startDiscordDouble({ shards: 2, guilds: [{ id: guilds[0], name: 'Zero' }, { id: guilds[1], name: 'One' }] });
    dataDir = await mkdtemp(join(tmpdir(), 'sharded-data-'));
    seedsDir = await mkdtemp(join(tmpdir(), 'sharded-seeds-'));
    await cp(SEEDS_DIR, seedsDir, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/shard/manager.ts'], {
      env: {
        ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: String(double.state.applicationId), DISCORD_API_URL: double.apiUrl,
        DATA_DIR: dataDir, SEEDS_DIR: seedsDir, SHARD_COUNT: '2', LOG_LEVEL: 'info', COOLDOWN_BURST: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    manager = new Manager(child);
    await manager.waitForLog((l) => l.msg === 'all shards ready', 25_000, 'all shards ready');
    // A shard's own "bot ready" line may reach the pipe just after the manager's.
    for (const shard of [0, 1]) await manager.waitForLog((l) => l.msg === 'bot ready' && l.shard === shard, 2_000, `shard ${shard} ready`);
  }, 30_000);

  afterAll(async () => {
    manager?.child.kill('SIGKILL');
    await double?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(seedsDir, { recursive: true, force: true });
  });

  it('identifies once per shard: [0, 2] and [1, 2]', () => {
    expect(double.identifies().map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    const ready = manager.logs().filter((l) => l.msg === 'bot ready');
    expect(ready.map((l) => [l.shard, l.guilds]).sort()).toEqual([[0, 1], [1, 1]]);
  });

  it('answers /ask in each guild from its own shard; 👍 and More work across the IPC store', async () => {
    const sent = guilds.flatMap((guildId) => Array.from({ length: PER_GUILD }, (_, i) => ({
      guildId, ...double.sendInteraction({ name: 'ask', options: { question: i % 2 ? 'who is the japanese ambassador to the us?' : 'until what year did japan control the kurils?' }, guildId, user: { id: String(700_000_000_000_000_000n + BigInt(asked.length + i)) } }),
    })));
    for (const s of sent) asked.push(s.id);
    const edits = await Promise.all(sent.map((s) => waitForAnswer(double, s.token, 10_000)));
    edits.forEach((e, i) => expect(JSON.stringify(e.body)).toContain(i % 2 ? 'Tomita' : '1945'));
    // Each question was answered (and logged) by the shard its guild routes to.
    for (const s of sent) {
      const line = await manager.waitForLog((l) => l.msg === 'question' && l.questionId === s.id, 2_000, `the log of question ${s.id}`);
      expect(line.shard).toBe(s.guildId === guilds[0] ? 0 : 1);
    }

    const votes = sent.map((s) => {
      const messageId = double.interaction(s.token)!.originalId!;
      const buttons = (double.state.messages.get(messageId) as { components: { components: { custom_id: string }[] }[] }).components[0]!.components.map((b) => b.custom_id);
      return double.sendInteraction({ type: 3, customId: buttons.find((b) => b.startsWith('ask:up:'))!, messageId, guildId: s.guildId });
    });
    for (const v of votes) expect(JSON.stringify((await waitForCallback(double, v.id, v.token, 10_000)).body)).toContain('Thanks');

    // "More" on shard 1 reads the stored question back from the manager.
    const last = sent.at(-1)!;
    const messageId = double.interaction(last.token)!.originalId!;
    const more = double.sendInteraction({ type: 3, customId: `ask:more:3:${last.id}`, messageId, guildId: last.guildId });
    const moreBody = (await waitForCallback(double, more.id, more.token, 10_000)).body as { type: number; data: { embeds: { title: string }[] } };
    expect(moreBody.type).toBe(4);
    expect(moreBody.data.embeds[0]!.title).toMatch(/^4\. /);

    // /stats on shard 0 sees the questions of both shards.
    const stats = double.sendInteraction({ name: 'stats', guildId: guilds[0], permissions: ADMIN });
    expect(JSON.stringify((await waitForCallback(double, stats.id, stats.token, 10_000)).body)).toContain(`Questions asked: ${2 * PER_GUILD}`);
  }, 20_000);

  it('/reindex on one shard rebuilds once, every shard reloads; a second one meanwhile is refused', async () => {
    await writeFile(join(seedsDir, '900_sharding_note.txt'), 'Harbour lights of Nemuro\n\nThe lighthouse of Nemuro was painted blue in 1999, the harbour office said.\n');
    const first = double.sendInteraction({ name: 'reindex', guildId: guilds[0], permissions: ADMIN });
    const second = double.sendInteraction({ name: 'reindex', guildId: guilds[1], permissions: ADMIN });
    // Markdown escapes out (ids are shown with `\_`).
    const texts = (await Promise.all([waitForAnswer(double, first.token, 15_000), waitForAnswer(double, second.token, 15_000)])).map((a) => JSON.stringify(a.body).replace(/\\+/g, ''));
    const done = texts.filter((t) => t.includes('Reindexed'));
    expect(done).toHaveLength(1);
    expect(done[0]).toContain('900_sharding_note.txt');
    expect(texts.filter((t) => t.includes('already running'))).toHaveLength(1);
    expect(manager.logs().filter((l) => l.msg === 'reindex: rebuilding')).toHaveLength(1);
    // The shard that did not run the winning reindex reloaded on the manager's word.
    await manager.waitForLog((l) => l.msg === 'index reloaded', 5_000, 'a shard reloading');
    for (const guildId of guilds) {
      const s = double.sendInteraction({ name: 'sources', guildId });
      const body = JSON.stringify((await waitForCallback(double, s.id, s.token, 10_000)).body).replace(/\\+/g, '');
      expect(body).toContain('6 indexed documents');
      expect(body).toContain('900_sharding_note');
    }
  }, 20_000);

  it('SIGTERM stops both shards, flushes bot.json with every question and vote of both shards, exits 0', async () => {
    manager.child.kill('SIGTERM');
    expect(await manager.exited).toBe(0);
    expect(manager.logs().filter((l) => l.msg === 'bot stopped').map((l) => l.shard).sort()).toEqual([0, 1]);
    expect(manager.logs().some((l) => l.msg === 'manager stopped')).toBe(true);
    const stored = JSON.parse(await readFile(join(dataDir, BOT_FILE), 'utf8')) as BotData;
    expect(stored.questions.map((q) => q.id).sort()).toEqual([...asked].sort());
    expect(stored.feedback.map((f) => f.questionId).sort()).toEqual([...asked].sort());
    expect(manager.output).not.toContain(TOKEN);
    expect(manager.logs().filter((l) => l.level !== undefined && Number(l.level) >= 50)).toEqual([]);
  }, 20_000);
});
