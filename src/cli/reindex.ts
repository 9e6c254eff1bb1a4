import { runCli } from './run-cli.js';
import { join } from 'node:path';
import { loadConfig, readEnvironment } from '../config.js';
import type { IndexData } from '../core/build-index.js';
import { describeDiff, diffIndexes } from '../core/index-diff.js';
import { INDEX_FILE, loadIndex } from '../store/index-store.js';
import { openJsonFile } from '../store/json-file.js';

/** `npm run reindex`: rebuilds the stored index from the seeds and prints what changed. */
async function main(): Promise<number> {
  const config = loadConfig(readEnvironment());
  const previous = await openJsonFile(join(config.dataDir, INDEX_FILE), (d): d is IndexData => typeof d === 'object' && d !== null && Array.isArray((d as IndexData).documents) && Array.isArray((d as IndexData).sentences));
  const started = performance.now();
  const loaded = await loadIndex(config.seedsDir, config.dataDir, { force: true });
  const ms = performance.now() - started;
  for (const w of loaded.warnings) console.error(`warning: ${w}`);
  console.log(describeDiff(diffIndexes(previous.ok ? previous.db.data.documents : [], loaded.data.documents), ms));
  if (!loaded.saved) console.log('the index could not be saved: it will be rebuilt at the next start');
  return 0;
}

runCli('reindex', main);
