/** How a shard gets its engine: index.json read as the manager left it, never rebuilt or written here. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineHolder, ReindexBusyError, type EngineLoader, type LoadedEngine, type ReindexReport } from '../bot/engine-holder.js';
import { SCHEMA_VERSION, type IndexData } from '../core/build-index.js';
import { Engine } from '../core/engine.js';
import { createNlp } from '../core/nlp.js';
import { INDEX_FILE } from '../store/index-store.js';
import { BUSY } from './protocol.js';

const isIndex = (d: unknown): d is IndexData => {
  const x = d as Partial<IndexData> | null;
  return typeof x === 'object' && x !== null && typeof x.schema === 'number' && Array.isArray(x.documents) &&
    Array.isArray(x.sentences) && Array.isArray(x.sentenceTerms) && x.sentences.length === x.sentenceTerms.length;
};

/**
 * Reads `dataDir/index.json` into an engine, with the glossary stored in it (questions are read with the
 * glossary the index was built with, whatever glossary.json says now). Read only: a missing, corrupt or
 * stale file is an error here, the manager's to fix.
 */
export async function readStoredEngine(dataDir: string): Promise<LoadedEngine> {
  const path = join(dataDir, INDEX_FILE);
  const data: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (!isIndex(data)) throw new Error(`${path} is not an index`);
  if (data.schema !== SCHEMA_VERSION) throw new Error(`${path} has schema ${data.schema}, not ${SCHEMA_VERSION}`);
  return { engine: new Engine(data, createNlp(data.glossary)), warnings: [], saved: true };
}

/**
 * A shard's loader: the stored index; with `force` (a /reindex on this shard)
 * the manager rebuilds it first (and has every other shard reload), then it
 * is read like at start.
 */
export function shardIndexLoader(dataDir: string, rebuildByManager: () => Promise<{ warnings: string[] }>): EngineLoader {
  return async (force) => {
    let before: string[] = [];
    if (force) {
      try {
        before = (await rebuildByManager()).warnings;
      } catch (err) {
        throw (err as { code?: unknown }).code === BUSY ? new ReindexBusyError((err as Error).message) : err;
      }
    }
    const loaded = await readStoredEngine(dataDir);
    return { ...loaded, warnings: [...before, ...loaded.warnings] };
  };
}

/**
 * The engine holder of a shard: while the manager rebuilds for another shard,
 * /reindex here is refused at once, as one running on this shard would be.
 * (Two shards asking at the same moment: the manager's lock refuses the second.)
 */
export class ShardEngineHolder extends EngineHolder {
  /** Set by the manager's `reindexing` notifications. */
  remoteBusy = false;

  override get busy(): boolean {
    return this.remoteBusy || super.busy;
  }

  override reindex(prepare?: () => Promise<unknown>): Promise<ReindexReport> | undefined {
    return this.remoteBusy ? undefined : super.reindex(prepare);
  }

  /** Loads the first engine with `load` and holds it. */
  static async openShard(load: EngineLoader): Promise<{ holder: ShardEngineHolder; warnings: string[] }> {
    const first = await load(false);
    return { holder: new ShardEngineHolder(first.engine, load), warnings: first.warnings };
  }
}
