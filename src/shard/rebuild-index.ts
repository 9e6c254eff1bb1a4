/**
 * Forked by the sharding manager (and by the single-process bot's /reindex): `rebuild-index.ts <seedsDir> <dataDir> [--force]`
 * loads index.json, rebuilding it when stale (always with --force) through
 * lowdb's temporary-file-and-rename write, so a shard reading it meanwhile gets
 * the old file or the new one, whole. Reports over IPC, then exits. Running it
 * in its own process keeps the manager answering its shards during a build.
 */
import { loadIndex, SeedsFolderError } from '../store/index-store.js';
import type { RebuildReport } from './processes.js';

async function main(): Promise<RebuildReport> {
  const [seedsDir, dataDir] = process.argv.slice(2);
  if (!seedsDir || !dataDir) throw new Error('usage: rebuild-index.ts <seedsDir> <dataDir> [--force]');
  const loaded = await loadIndex(seedsDir, dataDir, { force: process.argv.includes('--force') });
  return {
    ok: true, warnings: loaded.warnings, saved: loaded.saved, rebuilt: loaded.rebuilt ?? null,
    documents: loaded.data.documents.length, sentences: loaded.data.sentences.length,
  };
}

const report = (r: RebuildReport) => {
  if (!process.send) {
    console.log(JSON.stringify(r));
    process.exit(r.ok ? 0 : 1);
  }
  process.send(r, () => process.exit(r.ok ? 0 : 1));
};

main().then(report, (err: unknown) => report({ ok: false, error: (err as Error).message ?? String(err), ...(err instanceof SeedsFolderError && { seeds: true }) }));
