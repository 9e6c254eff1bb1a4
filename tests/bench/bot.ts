/**
 * 200 /ask interactions through the Discord double in one burst, answered by
 * the real bot and the real discord.js client. Reports, per interaction, the
 * time from dispatching INTERACTION_CREATE to its first callback and to its
 * final PATCH (p50/p99), and fails when one is lost or answered twice.
 * Run: npm run bench:bot
 */
import { performance } from 'node:perf_hooks';
import { buildEngine, startHarness } from '../bot/harness.js';

const N = 200;
const QUESTIONS = [
  'until what year did japan control the kurils?',
  'why is NATO opening an office in Japan?',
  'who is the japanese ambassador to the us',
  'what time does the arsenal game kick off tonight?',
  'what missiles did russia deploy to iturup?',
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const { engine } = await buildEngine();
const h = await startHarness({ engine, env: { COOLDOWN_SECONDS: '0', LOG_LEVEL: 'warn' } });
const app = h.double.state.applicationId;
const sent: { id: string; token: string; at: number }[] = [];
const started = performance.now();
for (let i = 0; i < N; i++) {
  const at = performance.now();
  const s = h.double.sendInteraction({ name: 'ask', options: { question: QUESTIONS[i % QUESTIONS.length]! } });
  sent.push({ ...s, at });
}
await Promise.all(sent.map((s) => h.double.waitForCall({ method: 'PATCH', path: `/webhooks/${app}/${s.token}/messages/@original` }, 60_000)));
const wall = performance.now() - started;

const first: number[] = [];
const final: number[] = [];
const problems: string[] = [];
for (const s of sent) {
  const calls = h.double.callsFor(s.token);
  const callbacks = calls.filter((c) => c.path.endsWith('/callback'));
  const patches = calls.filter((c) => c.method === 'PATCH');
  if (callbacks.length !== 1 || callbacks[0]!.status !== 204) problems.push(`${s.id}: ${callbacks.length} callbacks`);
  if (patches.length !== 1) problems.push(`${s.id}: ${patches.length} edits`);
  if (callbacks[0]) first.push(callbacks[0].at - s.at);
  if (patches[0]) final.push(patches[0].at - s.at);
}
await h.close();

const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`${N} /ask in a burst: ${ms(wall)} wall, ${(N / (wall / 1000)).toFixed(0)} answers/s`);
console.log(`first callback: p50 ${ms(pct(first, 50))}, p99 ${ms(pct(first, 99))}`);
console.log(`final PATCH:    p50 ${ms(pct(final, 50))}, p99 ${ms(pct(final, 99))}`);
if (problems.length > 0) {
  console.error(`lost or doubled: ${problems.length}\n${problems.slice(0, 10).join('\n')}`);
  process.exit(1);
}
console.log('none lost, none answered twice');
