import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Low } from 'lowdb';
import type { Logger } from 'pino';
import { z } from 'zod';
import { openJsonFile } from '../store/json-file.js';

/** File name of the bot's own data inside the data folder. */
export const BOT_FILE = 'bot.json';
/** Questions kept; older ones are dropped (enough for weeks of a busy server, and the file stays well under a megabyte per 5k). */
const MAX_QUESTIONS = 5000;
/** Threads remembered for follow-ups; the least recently used are forgotten. */
const MAX_THREADS = 2000;

/** One question asked, through /ask or a mention. */
export interface QuestionRecord {
  /** Interaction or message id: the key buttons carry. */
  id: string;
  userId: string;
  /** What the user typed. */
  question: string;
  /** What was asked of the engine (with a follow-up's earlier question prepended). */
  asked: string;
  answered: boolean;
  at: string;
  /** False when Discord did not take the answer (an error, an expired interaction): /stats counts these apart. */
  delivered?: false;
}

/** 👍/👎 on one page of one answer. */
export interface FeedbackRecord {
  questionId: string;
  offset: number;
  userId: string;
  vote: 'up' | 'down';
  at: string;
}

/** One question in a thread, for follow-ups. */
export interface ThreadTurn {
  question: string;
  asked: string;
  followUp: boolean;
  /** The user's message that asked it (mentions): an edit of the message replaces the turn. */
  messageId?: string;
}

/** The whole bot.json. */
export interface BotData {
  version: 1;
  questions: QuestionRecord[];
  feedback: FeedbackRecord[];
  threads: Record<string, ThreadTurn[]>;
}

/** A value now, or later: a store in another process answers over IPC. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * What the bot needs of its data: {@link BotStore} (bot.json in this process),
 * or a shard's proxy to the sharding manager's store (src/shard/ipc-store.ts).
 * Writes return at once and are never lost while the process lives; reads may
 * take a round trip, so callers await them.
 */
export interface QuestionStore {
  /** Records a question and whether it was answered; a record with the id of a kept one replaces it (an edited question, an answer not delivered). */
  recordQuestion(record: QuestionRecord): void;
  /** The question stored under `id`. */
  question(id: string): MaybePromise<QuestionRecord | undefined>;
  /** Records a vote; a user's later vote on the same page replaces the earlier one. */
  recordFeedback(record: FeedbackRecord): void;
  /** A thread's recent questions, oldest first. */
  threadTurns(threadId: string): MaybePromise<readonly ThreadTurn[]>;
  /** Adds a question to a thread's history; a turn with the message id of one there replaces it (an edited question). */
  pushThreadTurn(threadId: string, turn: ThreadTurn): void;
  /** All the data (read only), for /stats. */
  readonly data: MaybePromise<Readonly<BotData>>;
  /** Resolves when every change made so far is on disk (or has failed to get there); never rejects. */
  flush(): Promise<void>;
  /**
   * What admins should know about the store's file, one line each (/stats and /reindex show them):
   * it cannot be written, or a damaged one was moved aside. Empty when all is well. A shard's store
   * asks the sharding manager, which owns the file.
   */
  storageWarnings(): MaybePromise<string[]>;
}

const empty = (): BotData => ({ version: 1, questions: [], feedback: [], threads: {} });
const isBotData = (d: unknown): d is BotData => {
  const x = d as Partial<BotData> | null;
  // The outline only: a damaged threads value is a damaged record (see dropDamagedRecords), not a damaged file.
  return typeof x === 'object' && x !== null && x.version === 1 && Array.isArray(x.questions) && Array.isArray(x.feedback) && 'threads' in x;
};

const questionRecord = z.object({ id: z.string(), userId: z.string(), question: z.string(), asked: z.string(), answered: z.boolean(), at: z.string(), delivered: z.literal(false).optional() });
const feedbackRecord = z.object({ questionId: z.string(), offset: z.number().int().min(0), userId: z.string(), vote: z.enum(['up', 'down']), at: z.string() });
const threadTurn = z.object({ question: z.string(), asked: z.string(), followUp: z.boolean(), messageId: z.string().optional() });

/**
 * The records of a bot.json whose outline is right, each checked: a hand-edited or half-migrated file can hold a
 * `null` or a record missing a field, which /stats, "More" and votes would trip over for as long as it stays.
 * Returns how many were dropped.
 */
function dropDamagedRecords(data: BotData): number {
  let dropped = 0;
  const keep = <T>(items: unknown[], schema: z.ZodType<T>): T[] => items.filter((x): x is T => schema.safeParse(x).success || (dropped++, false));
  data.questions = keep(data.questions, questionRecord);
  data.feedback = keep(data.feedback, feedbackRecord);
  if (typeof data.threads !== 'object' || data.threads === null || Array.isArray(data.threads)) {
    data.threads = {};
    dropped++;
  }
  for (const [id, turns] of Object.entries(data.threads)) {
    if (Array.isArray(turns)) data.threads[id] = keep(turns, threadTurn);
    else {
      delete data.threads[id];
      dropped++;
    }
  }
  return dropped;
}

/**
 * The bot's data (questions, feedback, thread history) in `dataDir/bot.json`.
 * Changes apply in memory at once; writes go through one queue and coalesce,
 * so none is lost and none interleaves. A failing disk is logged and the data
 * lives on in memory.
 */
/** How long a change waits for others before bot.json is written (shutdown flushes at once). */
export const WRITE_DELAY_MS = 500;

export class BotStore implements QuestionStore {
  private queue: Promise<void> = Promise.resolve();
  private writeWaiting = false;
  /** The timer of a write waiting for more changes to join it. */
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  /** Error code of the last failed write (or of the data folder that cannot be made); undefined once a write succeeds. */
  private writeError: string | undefined;
  /** Set when bot.json could not be read at start: it is never written over (it may hold everything), and data stays in memory. */
  private readError: string | undefined;
  /** Where a damaged bot.json was moved at open ('' when it could not be moved). */
  private movedAside: string | undefined;
  /** Damaged records left out at open, and where the file as it was is kept ('' when it could not be copied). */
  private damaged: { dropped: number; keptAs: string } | undefined;

  private constructor(
    private readonly db: Low<BotData>,
    private readonly log: Logger,
    private readonly threadHistory: number,
    private readonly writeDelayMs: number,
  ) {}

  /**
   * Opens (or starts) the store; a corrupt file is moved aside, an unreadable folder leaves an in-memory store.
   * A change is written within `writeDelayMs`, together with every change made meanwhile: writing bot.json
   * (up to a few megabytes) after each of a burst of questions took the bot's event loop for 10-20 ms a time.
   */
  static async open(dataDir: string, log: Logger, threadHistory: number, writeDelayMs = WRITE_DELAY_MS): Promise<BotStore> {
    let folderError: string | undefined;
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (err) {
      folderError = (err as NodeJS.ErrnoException).code ?? 'error';
      log.warn({ err, dataDir }, 'bot store: cannot create the data folder; keeping data in memory');
    }
    const opened = await openJsonFile(join(dataDir, BOT_FILE), isBotData);
    if (!opened.ok && opened.problem === 'corrupt') log.warn({ movedTo: opened.movedTo }, `bot store: ${BOT_FILE} was unreadable; starting afresh`);
    // A file the disk would not give may be whole: it is neither moved nor written over, and this run keeps its data in memory.
    if (!opened.ok && opened.problem === 'unreadable') log.warn({ code: opened.code }, `bot store: cannot read ${BOT_FILE}; leaving it as it is and keeping data in memory`);
    if (!opened.ok) opened.db.data = empty();
    const dropped = opened.ok ? dropDamagedRecords(opened.db.data) : 0;
    let keptAs: string | undefined;
    if (dropped > 0) {
      // The file as it was is kept beside, as a corrupt one is: the next write leaves the damaged records out.
      keptAs = `${join(dataDir, BOT_FILE)}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        copyFileSync(join(dataDir, BOT_FILE), keptAs);
      } catch {
        keptAs = '';
      }
      log.warn({ dropped, keptAs }, `bot store: ${dropped} damaged records in ${BOT_FILE} were left out`);
    }
    const store = new BotStore(opened.db, log, threadHistory, writeDelayMs);
    store.writeError = folderError;
    if (!opened.ok && opened.problem === 'unreadable') store.readError = opened.code ?? 'error';
    if (!opened.ok && opened.problem === 'corrupt') store.movedAside = opened.movedTo ?? '';
    if (dropped > 0) {
      store.damaged = { dropped, keptAs: keptAs ?? '' };
      // Written back without them, so the next start neither finds them nor copies the file again.
      store.save();
    }
    return store;
  }

  /** What admins should know: bot.json cannot be written, or a damaged one was moved aside at start. */
  storageWarnings(): string[] {
    const out: string[] = [];
    if (this.readError !== undefined) out.push(`⚠ ${BOT_FILE} could not be read at start (${this.readError}): it is left as it is, and answers and stats are kept in memory only until a restart can read it.`);
    if (this.writeError !== undefined) out.push(`⚠ The data folder is not writable (${this.writeError}): answers and stats are kept in memory only and will be lost on restart.`);
    if (this.movedAside !== undefined) {
      out.push(this.movedAside
        ? `⚠ ${BOT_FILE} was unreadable at start and was moved aside to ${basename(this.movedAside)}; the statistics start afresh from then.`
        : `⚠ ${BOT_FILE} was unreadable at start and could not be moved aside; the statistics start afresh from then.`);
    }
    if (this.damaged !== undefined) {
      out.push(`⚠ ${this.damaged.dropped} damaged records in ${BOT_FILE} were left out at start${this.damaged.keptAs ? `; the file as it was is kept as ${basename(this.damaged.keptAs)}` : ''}.`);
    }
    return out;
  }

  /** The data as it is in memory (read only). */
  get data(): Readonly<BotData> {
    return this.db.data;
  }

  /**
   * Records a question and whether it was answered. A record with the id of a kept one replaces it: the same
   * question edited, or its answer found undelivered (a scan of at most MAX_QUESTIONS records, from the newest).
   */
  recordQuestion(record: QuestionRecord): void {
    const q = this.db.data.questions;
    const kept = q.findLastIndex((x) => x.id === record.id);
    if (kept >= 0) q[kept] = record;
    else {
      q.push(record);
      if (q.length > MAX_QUESTIONS) q.splice(0, q.length - MAX_QUESTIONS);
    }
    this.save();
  }

  /** The question stored under `id` (newest first search: buttons mostly press recent answers). */
  question(id: string): QuestionRecord | undefined {
    return this.db.data.questions.findLast((x) => x.id === id);
  }

  /** Records a vote; a user's later vote on the same page replaces the earlier one. */
  recordFeedback(record: FeedbackRecord): void {
    const f = this.db.data.feedback;
    const i = f.findIndex((x) => x.questionId === record.questionId && x.offset === record.offset && x.userId === record.userId);
    if (i >= 0) f.splice(i, 1);
    f.push(record);
    if (f.length > MAX_QUESTIONS) f.splice(0, f.length - MAX_QUESTIONS);
    this.save();
  }

  /** A thread's recent questions, oldest first. */
  threadTurns(threadId: string): readonly ThreadTurn[] {
    return this.db.data.threads[threadId] ?? [];
  }

  /**
   * Adds a question to a thread's history, keeping the last `threadHistory`. A turn with the message id of one
   * in the history takes its place (the message was edited), so later follow-ups lean on the question as it now reads.
   */
  pushThreadTurn(threadId: string, turn: ThreadTurn): void {
    if (this.threadHistory <= 0) return;
    const threads = this.db.data.threads;
    const earlier = threads[threadId] ?? [];
    const at = turn.messageId === undefined ? -1 : earlier.findIndex((t) => t.messageId === turn.messageId);
    const turns = (at >= 0 ? earlier.map((t, i) => (i === at ? turn : t)) : [...earlier, turn]).slice(-this.threadHistory);
    delete threads[threadId];
    threads[threadId] = turns;
    const ids = Object.keys(threads);
    for (const old of ids.slice(0, Math.max(0, ids.length - MAX_THREADS))) delete threads[old];
    this.save();
  }

  /** Resolves when every change made so far is on disk (or has failed to get there); a write still waiting starts now. */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.startWrite();
    return this.queue;
  }

  private save(): void {
    if (this.writeWaiting || this.readError !== undefined) return;
    this.writeWaiting = true;
    this.timer = setTimeout(() => this.startWrite(), this.writeDelayMs);
  }

  private startWrite(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = this.queue.then(async () => {
      this.writeWaiting = false;
      try {
        await this.db.write();
        if (this.failing) this.log.info('bot store: writing again');
        this.failing = false;
        this.writeError = undefined;
      } catch (err) {
        if (!this.failing) this.log.warn({ err }, `bot store: cannot write ${BOT_FILE}; keeping data in memory`);
        this.failing = true;
        this.writeError = (err as NodeJS.ErrnoException).code ?? 'error';
      }
    });
  }
}
