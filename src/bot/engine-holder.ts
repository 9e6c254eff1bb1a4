import { diffIndexes } from '../core/index-diff.js';
import type { Answer } from '../core/answer.js';
import type { IndexedDocument } from '../core/build-index.js';
import type { EntitySpan } from '../core/glossary.js';
import { Engine, type AskOptions } from '../core/engine.js';
import type { Sentence } from '../core/types.js';
import { INDEX_FILE, loadIndex } from '../store/index-store.js';
import { rebuildIndex } from '../shard/processes.js';
import { REINDEX_TIMEOUT_MS } from '../shard/protocol.js';

/** What the bot needs of an engine (the real {@link Engine}, or a stub in tests). */
export interface AnswerEngine {
  readonly documents: IndexedDocument[];
  ask(question: string, options?: AskOptions): Answer;
  context(sentenceId: number, radius?: number, key?: string): Sentence[];
  summary(docId: string, n?: number): Sentence[];
  namesIn(text: string): readonly EntitySpan[];
}

/** A freshly loaded engine and what loading it said. */
export interface LoadedEngine {
  engine: AnswerEngine;
  warnings: string[];
  saved: boolean;
}

/** Builds an engine; `force` rebuilds from the seeds even when the stored index is current. */
export type EngineLoader = (force: boolean) => Promise<LoadedEngine>;

/** What a reindex changed. */
export interface ReindexReport {
  added: string[];
  removed: string[];
  changed: string[];
  sentencesBefore: number;
  sentencesAfter: number;
  documentsAfter: number;
  /** Wall time of the rebuild in milliseconds. */
  ms: number;
  warnings: string[];
}

/** Thrown by a loader when another process's reindex holds the lock (sharding): a refusal, not a failure. */
export class ReindexBusyError extends Error {
  constructor(message = 'A reindex is already running') {
    super(message);
    this.name = 'ReindexBusyError';
  }
}

/** The loader of the real engine: the stored index in `dataDir`, rebuilt from `seedsDir` when stale or forced. */
export function indexLoader(seedsDir: string, dataDir: string): EngineLoader {
  return async (force) => {
    const loaded = await loadIndex(seedsDir, dataDir, { force });
    try {
      return { engine: new Engine(loaded.data, loaded.nlp), warnings: loaded.warnings, saved: loaded.saved };
    } catch (err) {
      // A stored index that parses and matches the seeds but is damaged inside: rebuild it rather than fail to start.
      if (loaded.rebuilt) throw err;
      const fresh = await loadIndex(seedsDir, dataDir, { force: true });
      const warning = `${INDEX_FILE} could not be opened (${(err as Error).message}); rebuilt`;
      return { engine: new Engine(fresh.data, fresh.nlp), warnings: [...fresh.warnings, warning], saved: fresh.saved };
    }
  };
}

/**
 * The single-process bot's loader: {@link indexLoader} at start, and for a reindex the build in a child process
 * ({@link rebuildIndex}, as the sharding manager does), then the index it wrote loaded here. A build takes the
 * event loop for half a second to several seconds (longer as the corpus grows), during which no interaction could
 * be acknowledged; loading the stored index takes about a fifth of that. When the child could not save the index
 * (a read-only data folder), it is built here as before, so the new index still answers, from memory.
 */
export function backgroundIndexLoader(seedsDir: string, dataDir: string, timeoutMs = REINDEX_TIMEOUT_MS): EngineLoader {
  const here = indexLoader(seedsDir, dataDir);
  return async (force) => {
    if (!force) return here(false);
    const report = await rebuildIndex(seedsDir, dataDir, true, timeoutMs, true);
    if (!report.saved) return here(true);
    const loaded = await here(false);
    return { ...loaded, warnings: [...report.warnings, ...loaded.warnings] };
  };
}

/**
 * Holds the live engine. {@link reindex} builds a new one beside it and swaps
 * the reference in one assignment, so every question is answered by exactly
 * one whole index; on failure the old one stays.
 */
export class EngineHolder {
  private running: Promise<ReindexReport> | undefined;
  private liveSaved = true;

  constructor(private live: AnswerEngine, private readonly load: EngineLoader, private readonly now: () => number = () => performance.now()) {}

  /** Loads the first engine with `load` and holds it. */
  static async open(load: EngineLoader): Promise<{ holder: EngineHolder; warnings: string[] }> {
    const first = await load(false);
    const holder = new EngineHolder(first.engine, load);
    holder.liveSaved = first.saved;
    return { holder, warnings: first.warnings };
  }

  /** The engine answering now. */
  get engine(): AnswerEngine {
    return this.live;
  }

  /** False when the live index could not be written to the data folder: it answers from memory and is rebuilt at the next start. */
  get saved(): boolean {
    return this.liveSaved;
  }

  /** True while a reindex runs. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Replaces the live engine (tests, or a caller that built one itself). */
  swap(engine: AnswerEngine): void {
    this.live = engine;
  }

  /**
   * Rebuilds from the seeds and swaps. Returns undefined, starting nothing,
   * when a reindex is already running. `prepare` runs first (e.g. deferring the
   * reply, since a build blocks for about a second).
   */
  reindex(prepare?: () => Promise<unknown>): Promise<ReindexReport> | undefined {
    if (this.running) return undefined;
    const job = (async () => {
      await prepare?.();
      const started = this.now();
      const before = this.live.documents;
      const next = await this.load(true);
      const after = next.engine.documents;
      const diff = diffIndexes(before, after);
      this.live = next.engine;
      this.liveSaved = next.saved;
      return {
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
        sentencesBefore: diff.sentencesBefore,
        sentencesAfter: diff.sentencesAfter,
        documentsAfter: diff.documents,
        ms: Math.round(this.now() - started),
        warnings: next.warnings,
      };
    })();
    this.running = job.finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
