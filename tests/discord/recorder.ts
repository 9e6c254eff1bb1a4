/** An append-only log that tests can wait on. */
import type { CallMatcher, RecordedCall } from './types.js';

interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
  timer: NodeJS.Timeout;
}

/** Items in arrival order plus `waitFor`, which also looks at items already recorded. */
export class Recorder<T> {
  /** Everything recorded so far, oldest first. */
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  /** @param summarize - one line per item, used in timeout messages. */
  constructor(private readonly summarize: (item: T) => string) {}

  /** Appends an item and wakes the waiters it satisfies. */
  push(item: T): void {
    this.items.push(item);
    for (const waiter of this.waiters) {
      if (!waiter.predicate(item)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(item);
    }
  }

  /**
   * Resolves with the first recorded item matching `predicate` (already recorded or future);
   * rejects after `timeoutMs` with `label` and the last recorded items in the message.
   */
  waitFor(predicate: (item: T) => boolean, timeoutMs: number, label: string): Promise<T> {
    const found = this.items.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const recent = this.items.slice(-12).map((item) => `  ${this.summarize(item)}`);
        const seen = recent.length > 0 ? `last recorded:\n${recent.join('\n')}` : 'nothing recorded';
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${label}; ${seen}`));
      }, timeoutMs);
      const waiter: Waiter<T> = { predicate, resolve, timer };
      this.waiters.add(waiter);
    });
  }
}

/** Turns a {@link CallMatcher} into a predicate. */
export function callPredicate(matcher: CallMatcher): (call: RecordedCall) => boolean {
  if (typeof matcher === 'function') return matcher;
  const { method, path } = matcher;
  return (call) =>
    (method === undefined || call.method === method.toUpperCase()) &&
    (path === undefined || (typeof path === 'string' ? call.path === path : path.test(call.path)));
}

/** Describes a matcher for error messages. */
export function describeMatcher(matcher: CallMatcher): string {
  if (typeof matcher === 'function') return `a call matching ${matcher.name || 'the predicate'}`;
  return `a call ${matcher.method ?? 'ANY'} ${String(matcher.path ?? '*')}`;
}

/** One line describing a recorded call. */
export function summarizeCall(call: RecordedCall): string {
  const flags = `${call.faulted ? ' (fault)' : ''}${call.unhandled ? ' (unhandled)' : ''}`;
  return `${call.method} ${call.path} -> ${call.status}${flags}`;
}
