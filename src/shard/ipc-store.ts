import type { Logger } from 'pino';
import type { BotData, FeedbackRecord, QuestionRecord, QuestionStore, ThreadTurn } from '../bot/bot-store.js';
import { FLUSH_TIMEOUT_MS, READ_TIMEOUT_MS, type ManagerApi, type ShardApi } from './protocol.js';
import type { RpcEndpoint } from './rpc.js';

/**
 * A shard's {@link QuestionStore}: writes go to the manager's store as IPC
 * notifications (in order, nothing waits), reads are requests with a timeout.
 * The shard never opens bot.json: lowdb is a single-process file store.
 */
export class IpcStore implements QuestionStore {
  constructor(private readonly rpc: RpcEndpoint<ShardApi, ManagerApi>, private readonly log: Logger, private readonly readTimeoutMs = READ_TIMEOUT_MS, private readonly flushTimeoutMs = FLUSH_TIMEOUT_MS) {}

  recordQuestion(record: QuestionRecord): void {
    this.rpc.notify('recordQuestion', record);
  }

  recordFeedback(record: FeedbackRecord): void {
    this.rpc.notify('recordFeedback', record);
  }

  pushThreadTurn(threadId: string, turn: ThreadTurn): void {
    this.rpc.notify('pushThreadTurn', { threadId, turn });
  }

  /** Rejects when the manager does not answer in time (the handler's error boundary apologises). */
  question(id: string): Promise<QuestionRecord | undefined> {
    return this.rpc.request('question', { id }, this.readTimeoutMs);
  }

  /** Without an answer in time, a follow-up is answered as a new question (logged). */
  async threadTurns(threadId: string): Promise<readonly ThreadTurn[]> {
    try {
      return (await this.rpc.request('threadTurns', { threadId }, this.readTimeoutMs)) ?? [];
    } catch (err) {
      this.log.warn({ err, threadId }, 'ipc store: no thread history from the manager; answering without it');
      return [];
    }
  }

  /** The manager's whole data (for /stats); rejects when it does not answer in time. */
  get data(): Promise<Readonly<BotData>> {
    return this.rpc.request('data', undefined, this.readTimeoutMs);
  }

  /** The manager's storage warnings; without an answer in time, a warning saying so (an admin asked for them). */
  async storageWarnings(): Promise<string[]> {
    try {
      return await this.rpc.request('storageWarnings', undefined, this.readTimeoutMs);
    } catch (err) {
      this.log.warn({ err }, 'ipc store: no storage warnings from the manager');
      return ['⚠ The sharding manager did not say whether the data folder is writable (it did not answer in time).'];
    }
  }

  /** A round trip behind every write sent so far, answered once the manager has them on disk; never rejects. */
  async flush(): Promise<void> {
    try {
      await this.rpc.request('flush', undefined, this.flushTimeoutMs);
    } catch (err) {
      this.log.warn({ err }, 'ipc store: the manager did not confirm the flush');
    }
  }
}
