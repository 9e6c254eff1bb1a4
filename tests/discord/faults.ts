/** Fault injection: answers that replace the normal route for the next matching calls. */
import { callPredicate } from './recorder.js';
import type { CallMatcher, FaultSpec, RecordedCall } from './types.js';

/** A live view of an injected fault. */
export interface FaultHandle {
  /** How many more matching calls will fail. */
  readonly remaining: number;
}

interface Fault {
  predicate: (call: RecordedCall) => boolean;
  spec: FaultSpec;
  remaining: number;
}

/** The answer a fault gives. */
export interface FaultAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** The route runs before the fault is answered ({@link FaultSpec.processed}). */
  processed: boolean;
}

/** Pending faults, consumed first-in first-out. */
export class FaultTable {
  private readonly faults: Fault[] = [];

  /** Adds a fault for the next `spec.times ?? 1` calls matching `matcher`. */
  add(matcher: CallMatcher, spec: FaultSpec): FaultHandle {
    const fault: Fault = { predicate: callPredicate(matcher), spec, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return {
      get remaining() {
        return fault.remaining;
      },
    };
  }

  /** Consumes the first fault matching `call` (whose `status` is still 0) and returns its answer. */
  take(call: RecordedCall): FaultAnswer | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && f.predicate(call));
    if (!fault) return undefined;
    fault.remaining -= 1;
    const { status } = fault.spec;
    const headers = { ...fault.spec.headers };
    let body = fault.spec.body;
    if (status === 429) {
      const header = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
      const seconds = Number(header ?? (body as { retry_after?: number } | undefined)?.retry_after ?? 1);
      if (header === undefined) headers['retry-after'] = String(seconds);
      body ??= { message: 'You are being rate limited.', retry_after: seconds, global: false };
    }
    body ??= { message: `Injected fault ${status}`, code: 0 };
    return { status, body, headers, processed: fault.spec.processed === true };
  }
}

/** A 429 as Discord sends it: `retry-after` header (seconds) and `{message, retry_after, global}`. */
export function rateLimited(retryAfterSeconds = 0.1, options: { global?: boolean; times?: number } = {}): FaultSpec {
  const global = options.global ?? false;
  return {
    status: 429,
    times: options.times ?? 1,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': global ? 'global' : 'user', ...(global ? { 'x-ratelimit-global': 'true' } : {}) },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
  };
}

/** A 404 code 10062 "Unknown interaction" (an expired or foreign token). */
export function unknownInteraction(times = 1): FaultSpec {
  return { status: 404, times, body: { message: 'Unknown interaction', code: 10062 } };
}

/** A 502 answered after the request was carried out: the response lost on its way back (the client retries). */
export function responseLost(times = 1): FaultSpec {
  return { status: 502, times, processed: true, body: { message: '502 Bad Gateway', code: 0 } };
}

/** A 5xx (default 500) with a Discord-like body. */
export function serverError(status = 500, times = 1): FaultSpec {
  return { status, times, body: { message: status === 503 ? 'Service Unavailable' : 'Internal Server Error', code: 0 } };
}
