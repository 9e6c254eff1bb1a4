// How long a reindex takes the bot's event loop, with the rebuild in the bot's process against in a child process
// (what the single-process bot does since 2026-11-23's eighth session): the longest gap between ticks of a 5 ms
// timer while the reindex runs, and the reindex's own time. Real seeds, a temp data folder per run.
//   npm run bench:reindex [-- --runs 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backgroundIndexLoader, EngineHolder, indexLoader, type EngineLoader } from '../../src/bot/engine-holder.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));
const SEEDS = resolve('seeds');

async function measure(label: string, make: (dataDir: string) => EngineLoader): Promise<void> {
  const stalls: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-reindex-'));
    try {
      const { holder } = await EngineHolder.open(make(dataDir));
      let last = performance.now();
      let worst = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 5);
      const started = performance.now();
      await holder.reindex();
      totals.push(performance.now() - started);
      clearInterval(timer);
      stalls.push(worst);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${label.padEnd(34)} longest event-loop stall: median ${median(stalls).toFixed(0)} ms, max ${Math.max(...stalls).toFixed(0)} ms; reindex took median ${median(totals).toFixed(0)} ms (${runs} runs)`);
}

await measure('rebuild in the bot (before)', (d) => indexLoader(SEEDS, d));
await measure('rebuild in a child process (now)', (d) => backgroundIndexLoader(SEEDS, d));
