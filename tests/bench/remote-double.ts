/**
 * The parent side of the bot benchmarks: the real bot (real discord.js client,
 * real engine, store and formatter) in this process, logged into a Discord double
 * that runs in a child process (`double-runner.ts`) and reports what it received.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientOptions } from 'discord.js';
import { pino } from 'pino';
import { commandMap } from '../../commands/index.js';
import type { Command } from '../../src/bot/command.js';
import { EngineHolder, type AnswerEngine } from '../../src/bot/engine-holder.js';
import { startBot, type Bot } from '../../src/bot/start-bot.js';
import { loadConfig } from '../../src/config.js';
import { SEEDS_DIR } from '../bot/harness.js';
import type { InteractionOutcome, RunnerReply, RunnerRequest } from './double-runner.js';

export type { InteractionOutcome } from './double-runner.js';

/** Questions the benchmarks ask in turn: four answered, one abstention. */
export const QUESTIONS = [
  'until what year did japan control the kurils?',
  'why is NATO opening an office in Japan?',
  'who is the japanese ambassador to the us',
  'what time does the arsenal game kick off tonight?',
  'what missiles did russia deploy to iturup?',
];

/** One run as the double saw it. */
export interface RunResult {
  wallMs: number;
  outcomes: InteractionOutcome[];
  /** REST calls the double received during the run. */
  calls: number;
  unhandled: number;
  /** Calls answered 4xx/5xx. */
  failed: number;
  /** CPU time (user + system) of this process, where the bot runs, from the run's request to its result: steadier than latency on a shared machine. */
  botCpuMs: number;
}

/** What {@link RemoteBench.run} takes. */
export interface RunPlan {
  n: number;
  users?: number;
  /** 0 or absent: a burst. */
  ratePerSecond?: number;
  questions?: string[];
  timeoutMs?: number;
  prune?: boolean;
}

/** The bot in this process and the double in its child. */
export interface RemoteBench {
  bot: Bot;
  dataDir: string;
  /** Log lines at warn or above, by message. */
  warnings: Map<string, number>;
  run(plan: RunPlan): Promise<RunResult>;
  close(): Promise<void>;
}

const runner = fileURLToPath(new URL('./double-runner.ts', import.meta.url));

/** Starts the double in a child process and the bot here, logged into it. */
export async function startRemoteBench(options: { engine: AnswerEngine; env?: Record<string, string>; clientOptions?: Partial<ClientOptions>; commands?: Command[] }): Promise<RemoteBench> {
  const child: ChildProcess = fork(runner, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const replies: RunnerReply[] = [];
  const waiting: { resolve: (r: RunnerReply) => void; reject: (e: Error) => void }[] = [];
  let gone = false;
  child.on('message', (r: RunnerReply) => {
    const next = waiting.shift();
    if (next) next.resolve(r);
    else replies.push(r);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    gone = true;
    for (const w of waiting.splice(0)) w.reject(new Error('the double runner exited'));
    resolve();
  }));
  // Waiters are rejected by the exit handler: a reaction per call on `exited` would keep every result alive.
  const next = () => new Promise<RunnerReply>((resolve, reject) => {
    const ready = replies.shift();
    if (ready) return resolve(ready);
    if (gone) return reject(new Error('the double runner exited'));
    waiting.push({ resolve, reject });
  });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`double runner: ${JSON.stringify(ready)}`);

  const dataDir = await mkdtemp(join(tmpdir(), 'bench-bot-'));
  const config = loadConfig({
    DISCORD_TOKEN: 'bench-token-0123456789abcdef', DISCORD_API_URL: ready.apiUrl, DATA_DIR: dataDir, SEEDS_DIR, LOG_LEVEL: 'warn', ...options.env,
  });
  const warnings = new Map<string, number>();
  const log = pino({ level: 'warn' }, {
    write: (line: string) => {
      const msg = String((JSON.parse(line) as { msg?: string }).msg);
      warnings.set(msg, (warnings.get(msg) ?? 0) + 1);
    },
  });
  const engines = new EngineHolder(options.engine, async () => ({ engine: options.engine, warnings: [], saved: true }));
  const commands = commandMap();
  for (const c of options.commands ?? []) commands.set(c.data.name, c);
  let bot: Bot;
  try {
    bot = await startBot(config, { engines, commands, log, readyTimeoutMs: 10_000, ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}) });
  } catch (err) {
    child.kill();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  let ids = 0;
  return {
    bot, dataDir, warnings,
    async run(plan) {
      const req: RunnerRequest = {
        type: 'run', id: ++ids, n: plan.n, users: plan.users ?? plan.n, ratePerSecond: plan.ratePerSecond ?? 0,
        questions: plan.questions ?? QUESTIONS, timeoutMs: plan.timeoutMs ?? 60_000, ...(plan.prune ? { prune: true } : {}),
      };
      const cpu = process.cpuUsage();
      child.send(req);
      const reply = await next();
      const used = process.cpuUsage(cpu);
      if (reply.type !== 'result') throw new Error(`double runner: ${JSON.stringify(reply)}`);
      return { wallMs: reply.wallMs, outcomes: reply.outcomes, calls: reply.calls, unhandled: reply.unhandled, failed: reply.failed, botCpuMs: (used.user + used.system) / 1000 };
    },
    async close() {
      await bot.stop();
      child.send({ type: 'close' } satisfies RunnerRequest);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The p-th percentile (nearest rank) of `xs`. */
export function pct(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** "p50 x ms, p99 y ms, max z ms". */
export function spread(xs: readonly number[]): string {
  const f = (x: number) => `${x.toFixed(1)}`;
  return `p50 ${f(pct(xs, 50))}, p99 ${f(pct(xs, 99))}, max ${f(pct(xs, 100))} ms`;
}

/** Interactions not answered exactly once (one 2xx callback, and one edit after a defer, none otherwise). */
export function problems(outcomes: readonly InteractionOutcome[]): string[] {
  const out: string[] = [];
  outcomes.forEach((o, i) => {
    if (o.callbacks !== 1 || o.callbacksOk !== 1) out.push(`#${i}: ${o.callbacks} callbacks (${o.callbacksOk} ok)`);
    else if (o.callbackType === 5 && o.edits !== 1) out.push(`#${i}: deferred, ${o.edits} edits`);
    else if (o.callbackType !== 5 && o.edits !== 0) out.push(`#${i}: replied and ${o.edits} edits`);
  });
  return out;
}
