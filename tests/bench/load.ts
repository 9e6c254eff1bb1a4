/**
 * Load through the real bot and the real discord.js client, the Discord double in a
 * child process (see `bench:bot`):
 *
 *  1. a burst of 1,000 /ask from 50 users, with the default cooldown (3 per 5 s):
 *     each gets exactly one callback, the answer or an ephemeral "try again"
 *     (an /ask that reached the bot late is deferred, then edited); counts and
 *     latencies of both;
 *  2. the same burst with the cooldown off (every one answered);
 *  3. 20,000 /ask, all through the double (bursts of 500 from 500 users, cooldown
 *     off): RSS and heap after a full gc before, along the way and after, and the
 *     size of bot.json (the store keeps the last 5,000 questions). @discordjs/rest
 *     keeps a queue per interaction token until its sweep (the bot: every 60 s,
 *     src/bot/client.ts); the run takes ~35 s, so it sweeps every `--sweep-ms`
 *     (default 5,000; 0 keeps the bot's) to show where memory settles.
 *
 * Run: npm run bench:load [-- --asks 20000 --rps 1000 --sweep-ms 5000]
 * (node --expose-gc: the memory figures are taken after global.gc()).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BOT_FILE, type BotData } from '../../src/bot/bot-store.js';
import { buildEngine } from '../bot/harness.js';
import { problems, spread, startRemoteBench, type InteractionOutcome, type RunResult } from './remote-double.js';

const { values } = parseArgs({ options: { asks: { type: 'string', default: '20000' }, rps: { type: 'string', default: '1000' }, burst: { type: 'string', default: '1000' }, users: { type: 'string', default: '50' }, 'sweep-ms': { type: 'string', default: '5000' } } });
const SWEEP_MS = Number(values['sweep-ms']);
const ASKS = Number(values.asks);
const RPS = values.rps;
const BURST = Number(values.burst);
const USERS = Number(values.users);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('(run with node --expose-gc for memory figures after a full gc: npm run bench:load)');

const { engine } = await buildEngine();
let failed = false;
const ms = (xs: number[]) => spread(xs);
const isCooldown = (o: InteractionOutcome) => o.callbackType === 4 && (o.callbackFlags & 64) !== 0 && /try again <t:\d+:R>/.test(o.text);
/** The answer in the reply itself, or (an interaction that reached the bot late) in the edit after a defer. */
const isAnswer = (o: InteractionOutcome) => o.callbackType === 5 || (o.callbackType === 4 && (o.callbackFlags & 64) === 0 && /doesn't say|> /.test(o.text));

function report(label: string, r: RunResult): void {
  const answers = r.outcomes.filter(isAnswer);
  const cooldowns = r.outcomes.filter(isCooldown);
  const other = r.outcomes.length - answers.length - cooldowns.length;
  const callbacks = r.outcomes.reduce((n, o) => n + o.callbacks, 0);
  const edits = r.outcomes.reduce((n, o) => n + o.edits, 0);
  console.log(`${label}: ${r.outcomes.length} /ask in ${r.wallMs.toFixed(0)} ms (${(r.outcomes.length / (r.wallMs / 1000)).toFixed(0)}/s), ${r.calls} REST calls`);
  console.log(`  callbacks ${callbacks} (one each: ${r.outcomes.every((o) => o.callbacks === 1 && o.callbacksOk === 1)}), answer edits ${edits}`);
  console.log(`  answered ${answers.length}, ephemeral cooldown ${cooldowns.length}, other ${other}`);
  console.log(`  first callback, all:       ${ms(r.outcomes.map((o) => o.firstMs ?? Number.NaN))}`);
  if (answers.length > 0) console.log(`  answer:                    ${ms(answers.map((o) => o.finalMs ?? Number.NaN))}`);
  if (cooldowns.length > 0) console.log(`  cooldown reply (type 4):   ${ms(cooldowns.map((o) => o.finalMs ?? Number.NaN))}`);
  const bad = problems(r.outcomes);
  if (bad.length > 0 || other > 0 || r.unhandled > 0 || r.failed > 0) {
    failed = true;
    console.log(`  PROBLEMS: ${bad.length} lost or doubled, ${other} neither answer nor cooldown, ${r.unhandled} unhandled, ${r.failed} failed calls; ${bad.slice(0, 5).join('; ')}`);
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function memory(): { rss: number; heap: number; text: string } {
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, text: `rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)}, external ${mb(m.external)}` };
}

console.log(`bench:load (Node ${process.version}); the double in a child process, times measured by it; DISCORD_REST_GLOBAL_RPS=${RPS}`);

// 1 and 2: bursts from USERS users.
for (const cooldown of [true, false]) {
  const env: Record<string, string> = { DISCORD_REST_GLOBAL_RPS: RPS, ...(cooldown ? {} : { COOLDOWN_SECONDS: '0' }) };
  const bench = await startRemoteBench({ engine, env });
  try {
    await bench.run({ n: 50, users: 50, ratePerSecond: 200 });
    // The warm-up used other users (ids from 0 too): wait out their window before the measured burst.
    if (cooldown) await new Promise((r) => setTimeout(r, 5200));
    report(`burst of ${BURST} from ${USERS} users, ${cooldown ? 'cooldown 3 per 5 s (default)' : 'cooldown off'}`, await bench.run({ n: BURST, users: USERS }));
    if (bench.warnings.size > 0) console.log(`  log warnings: ${JSON.stringify(Object.fromEntries(bench.warnings))}`);
  } finally {
    await bench.close();
  }
}

// 3: memory across ASKS questions, all through the double.
{
  const clientOptions = SWEEP_MS > 0 ? { rest: { handlerSweepInterval: SWEEP_MS } } : {};
  const bench = await startRemoteBench({ engine, env: { DISCORD_REST_GLOBAL_RPS: RPS, COOLDOWN_SECONDS: '0' }, clientOptions });
  const handlers = () => (bench.bot.client.rest as unknown as { handlers: Map<string, unknown> }).handlers.size;
  try {
    const batch = 500;
    await bench.run({ n: batch, users: batch, prune: true });
    const before = memory();
    console.log(`${ASKS} /ask through the double in bursts of ${batch} (after a ${batch}-ask warm-up); REST queues swept every ${SWEEP_MS > 0 ? SWEEP_MS : 60_000} ms:`);
    console.log(`  before: ${before.text}; ${handlers()} REST queues`);
    const started = performance.now();
    let lost = 0;
    const final: number[] = [];
    for (let done = 0; done < ASKS; done += batch) {
      const r = await bench.run({ n: Math.min(batch, ASKS - done), users: batch, prune: true });
      lost += problems(r.outcomes).length + r.failed;
      for (const o of r.outcomes) if (o.finalMs !== undefined) final.push(o.finalMs);
      const n = done + r.outcomes.length;
      if (n % 5000 === 0 && n < ASKS) console.log(`  after ${String(n).padStart(6)}: ${memory().text}; ${handlers()} REST queues`);
    }
    const seconds = (performance.now() - started) / 1000;
    await bench.bot.ctx.store.flush();
    const after = memory();
    console.log(`  after ${String(ASKS).padStart(6)}: ${after.text}; ${handlers()} REST queues`);
    console.log(`  growth: rss ${mb(after.rss - before.rss)}, heap ${mb(after.heap - before.heap)}; ${(ASKS / seconds).toFixed(0)} /ask per s over ${seconds.toFixed(1)} s; answer ${spread(final)}; ${lost} lost or failed`);
    if (lost > 0) failed = true;
    const file = join(bench.dataDir, BOT_FILE);
    const data = bench.bot.ctx.store.data as BotData;
    const t0 = performance.now();
    const text = JSON.stringify(data);
    const stringifyMs = performance.now() - t0;
    console.log(`  ${BOT_FILE}: ${mb((await stat(file)).size)} on disk, ${data.questions.length} questions kept (of ${ASKS + batch} asked); serialising it (JSON.stringify, ${mb(Buffer.byteLength(text))}) takes ${stringifyMs.toFixed(1)} ms of the event loop per write`);
  } finally {
    await bench.close();
  }
}

if (failed) {
  console.error('FAILED: see PROBLEMS above');
  process.exit(1);
}
