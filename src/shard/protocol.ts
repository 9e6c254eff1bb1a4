/** What the sharding manager and its shards ask of each other over IPC (see rpc.ts). */
import type { BotData, FeedbackRecord, QuestionRecord, ThreadTurn } from '../bot/bot-store.js';

/** Served by the manager, which owns `bot.json` and rebuilds `index.json`. */
export type ManagerApi = {
  recordQuestion: (record: QuestionRecord) => void;
  recordFeedback: (record: FeedbackRecord) => void;
  pushThreadTurn: (a: { threadId: string; turn: ThreadTurn }) => void;
  question: (a: { id: string }) => QuestionRecord | undefined;
  threadTurns: (a: { threadId: string }) => readonly ThreadTurn[];
  data: (a: undefined) => Readonly<BotData>;
  /** What bot.json could not keep (an unwritable data folder, a file moved aside), for /stats and /reindex. */
  storageWarnings: (a: undefined) => string[];
  /** Resolves once every write received so far is on disk. */
  flush: (a: undefined) => Promise<void>;
  /** Rebuilds index.json (one at a time), has every other shard reload it, then answers with warnings. */
  reindex: (a: undefined) => Promise<{ warnings: string[] }>;
};

/** Served by each shard. */
export type ShardApi = {
  /** Loads index.json again and swaps the engine. */
  reload: (a: undefined) => Promise<{ documents: number }>;
  /** A reindex started or finished somewhere: /reindex is refused here meanwhile. */
  reindexing: (a: { busy: boolean }) => void;
  /** Stop taking work, flush, log out and exit 0. */
  stop: (a: undefined) => void;
};

/** Reads answer within this or fail (a button's interaction must be answered within 3 s). */
export const READ_TIMEOUT_MS = 2_500;
/** A flush waits this long for the manager's disk write. */
export const FLUSH_TIMEOUT_MS = 5_000;
/** A shard reloads the index within this. */
export const RELOAD_TIMEOUT_MS = 60_000;
/** A whole reindex (rebuild plus every shard's reload) finishes within this. */
export const REINDEX_TIMEOUT_MS = 15 * 60_000;
/** Error code of a reindex refused because another one runs. */
export const BUSY = 'busy';
