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
  // Read for the report of what changed: a damaged one is moved aside here, so it is here that it is told.
  if (!previous.ok && previous.problem === 'corrupt') console.error(`warning: ${INDEX_FILE} was unreadable${previous.movedTo ? `; moved aside to ${previous.movedTo}` : ''}`);
  if (!previous.ok && previous.problem === 'unreadable') console.error(`warning: ${INDEX_FILE} could not be read (${previous.code})`);
  const started = performance.now();
  const loaded = await loadIndex(config.seedsDir, config.dataDir, { force: true });
  const ms = performance.now() - started;
  // Saving is this command's whole job: a failure to is an error, in one line naming the setting.
  if (!loaded.saved) {
    const code = loaded.saveError ?? 'unknown error';
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it is not a folder' : code;
    throw new Error(`${INDEX_FILE} could not be written to the data folder (DATA_DIR): ${why}; the stored index is left as it is`);
  }
  for (const w of loaded.warnings) console.error(`warning: ${w}`);
  console.log(describeDiff(diffIndexes(previous.ok ? previous.db.data.documents : [], loaded.data.documents), ms));
  return 0;
}

runCli('reindex', main);
