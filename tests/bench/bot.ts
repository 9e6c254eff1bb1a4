/**
 * Latency of /ask through the real bot and the real discord.js client, with the
 * Discord double in a child process (its work does not share the bot's event loop).
 * Times are taken by the double: from writing INTERACTION_CREATE to reading the
 * first callback (what Discord's 3-second deadline is about: the reply with the
 * answer, or a defer for an /ask that reached the bot late) and to the answer the
 * user sees (the reply itself, or the PATCH of @original after a defer).
 *
 * For each DISCORD_REST_GLOBAL_RPS setting (the client-side global limiter of
 * @discordjs/rest, which also queues interaction edits that Discord exempts):
 *  - burst: N interactions written at once, three times a second apart (the first
 *    one also opens most of the HTTP connections the burst needs);
 *  - stream: N interactions at R per second, evenly spaced.
 * The bot is warmed up first (600 asks and one burst, not reported: JIT, heap, connection pool), as a running bot is.
 * Fails when an interaction is lost or answered twice.
 *
 * Run: npm run bench:bot [-- --n 200 --rate 100 --rps 50,1000 --bursts 3]
 */
import { parseArgs } from 'node:util';
import { buildEngine } from '../bot/harness.js';
import { problems, spread, startRemoteBench, type RunResult } from './remote-double.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '200' }, rate: { type: 'string', default: '100' }, rps: { type: 'string', default: '50,1000' }, bursts: { type: 'string', default: '3' } } });
const BURSTS = Number(values.bursts);
const N = Number(values.n);
const RATE = Number(values.rate);
const SETTINGS = values.rps.split(',').map(Number);

const { engine } = await buildEngine();
let failed = false;

function report(label: string, r: RunResult): void {
  const first = r.outcomes.flatMap((o) => (o.firstMs === undefined ? [] : [o.firstMs]));
  const final = r.outcomes.flatMap((o) => (o.finalMs === undefined ? [] : [o.finalMs]));
  console.log(`  ${label}: ${r.outcomes.length} /ask in ${r.wallMs.toFixed(0)} ms (${(r.outcomes.length / (r.wallMs / 1000)).toFixed(0)}/s), bot CPU ${(r.botCpuMs / r.outcomes.length).toFixed(2)} ms per /ask`);
  console.log(`    first callback: ${spread(first)}`);
  console.log(`    final answer:   ${spread(final)}`);
  const bad = problems(r.outcomes);
  if (bad.length > 0 || r.unhandled > 0 || r.failed > 0) {
    failed = true;
    console.log(`    PROBLEMS: ${bad.length} lost or doubled, ${r.unhandled} unhandled calls, ${r.failed} failed calls: ${bad.slice(0, 5).join('; ')}`);
  }
}

console.log(`bench:bot: the double in a child process; times measured by the double (Node ${process.version})`);
let cold = true;
for (const rps of SETTINGS) {
  const bench = await startRemoteBench({ engine, env: { COOLDOWN_SECONDS: '0', DISCORD_REST_GLOBAL_RPS: String(rps) } });
  try {
    // Warm-up, not reported: a running bot has answered thousands of questions (JIT-compiled hot paths,
    // grown heap, open connections). 100 asks were not enough: the first setting's bursts ran
    // at 2.1-2.7 ms of CPU per /ask against 1.1-1.9 for the second, same code.
    if (cold) {
      // Reported apart: the first burst a freshly started bot sees (no connection open yet, nothing compiled).
      console.log(`DISCORD_REST_GLOBAL_RPS=${rps}, right after start`);
      report(`cold burst (${N} at once)`, await bench.run({ n: N }));
      cold = false;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await bench.run({ n: 600, ratePerSecond: 300 });
    await bench.run({ n: N });
    await new Promise((r) => setTimeout(r, 1000));
    console.log(`DISCORD_REST_GLOBAL_RPS=${rps}`);
    for (let i = 1; i <= BURSTS; i++) {
      report(`burst ${i}/${BURSTS} (${N} at once)`, await bench.run({ n: N }));
      await new Promise((r) => setTimeout(r, 1000));
    }
    report(`stream (${N} at ${RATE}/s)`, await bench.run({ n: N, ratePerSecond: RATE }));
  } finally {
    await bench.close();
  }
}
if (failed) process.exit(1);
console.log('none lost, none answered twice');
