/**
 * Child process of the bot benchmarks (`bench:bot`, `bench:load`): runs the Discord
 * double on its own event loop, so that its work (HTTP parsing, gateway frames,
 * recording) does not share the bot's, as it would not in production.
 *
 * It speaks to the parent over IPC (see {@link RunnerRequest} / {@link RunnerReply}):
 * the parent asks for a run of N /ask interactions (a burst, or a steady stream at
 * a given rate); the child dispatches them, watches the REST calls the bot makes,
 * and reports per interaction what it received. Every time is measured here, on
 * the double's clock: from just before INTERACTION_CREATE is written to the socket
 * to the moment the double has read the callback / the PATCH of @original.
 *
 * Started by `tests/bench/remote-double.ts`; not meant to be run by hand.
 */
import type { Server } from 'node:http';
import { startDiscordDouble, type RecordedCall } from '../discord/double.js';

/** What the parent asks. */
export type RunnerRequest =
  | {
      type: 'run';
      id: number;
      /** How many /ask interactions. */
      n: number;
      /** Distinct users the interactions come from, round-robin. */
      users: number;
      /** 0: all at once (a burst); else interactions per second, evenly spaced. */
      ratePerSecond: number;
      questions: string[];
      /** Give up waiting this long after the last dispatch (the missing ones are reported lost). */
      timeoutMs: number;
      /** Forget recorded calls, messages and interactions afterwards (long runs). */
      prune?: boolean;
    }
  | { type: 'close' };

/** What happened to one interaction. */
export interface InteractionOutcome {
  /** Index of its user, 0 … users-1. */
  user: number;
  /** Callbacks received for it (any status). */
  callbacks: number;
  /** Callbacks answered 2xx. */
  callbacksOk: number;
  /** `type` of its first callback (5 defer, 4 message). */
  callbackType: number | undefined;
  /** Flags of the first callback's data (64: ephemeral). */
  callbackFlags: number;
  /** PATCHes of @original received (any status). */
  edits: number;
  /** ms from dispatch to the first callback. */
  firstMs: number | undefined;
  /** ms from dispatch to the final answer: the PATCH of @original after a defer, else the callback itself. */
  finalMs: number | undefined;
  /** The callback text (type 4) or edit content, first 200 characters. */
  text: string;
}

/** What the child answers. */
export type RunnerReply =
  | { type: 'ready'; apiUrl: string; pid: number }
  | { type: 'result'; id: number; wallMs: number; outcomes: InteractionOutcome[]; calls: number; unhandled: number; failed: number }
  | { type: 'error'; message: string };

interface Pending {
  outcome: InteractionOutcome;
  sentAt: number;
  done: boolean;
}

const send = (reply: RunnerReply): void => void process.send?.(reply);

const double = await startDiscordDouble();
// The double's HTTP server keeps idle connections 1 s (`keep-alive: timeout=1`), which undici
// (threshold 2 s) takes as "do not reuse": every REST call would open a new TCP connection.
// Discord keeps them longer; so does the double here, unless KEEPALIVE_MS=1000 asks for the default.
const keepAliveMs = Number(process.env.KEEPALIVE_MS ?? 60_000);
(double as unknown as { server: Server }).server.keepAliveTimeout = keepAliveMs;
const app = double.state.applicationId;
const users = Array.from({ length: 1000 }, (_, i) => ({ id: String(100_000_000_000_000_000n + BigInt(i)), username: `user${i}` }));

/** Where the next unread call is in the double's log. */
let cursor = 0;

function interactionToken(call: RecordedCall): { token: string; kind: 'callback' | 'edit' | 'other' } | undefined {
  const parts = call.path.split('/');
  if (parts[1] === 'interactions' && parts[4] === 'callback' && parts[3]) return { token: parts[3], kind: 'callback' };
  if (parts[1] === 'webhooks' && parts[2] === app && parts[3]) {
    return { token: parts[3], kind: call.method === 'PATCH' && parts[4] === 'messages' && parts[5] === '@original' ? 'edit' : 'other' };
  }
  return undefined;
}

const textOf = (body: unknown): string => {
  const b = (body ?? {}) as { content?: string; embeds?: { description?: string }[] };
  return `${b.content ?? ''} ${b.embeds?.[0]?.description ?? ''}`.trim().slice(0, 200);
};

/** Reads the calls recorded since the last look and updates the pending interactions. */
function consume(pending: Map<string, Pending>): { unhandled: number; failed: number } {
  let unhandled = 0;
  let failed = 0;
  const calls = double.calls;
  for (; cursor < calls.length; cursor++) {
    const call = calls[cursor]!;
    if (call.unhandled) unhandled++;
    if (call.status >= 400) failed++;
    const found = interactionToken(call);
    const p = found && pending.get(found.token);
    if (!p) continue;
    const o = p.outcome;
    if (found.kind === 'callback') {
      o.callbacks++;
      if (call.status >= 200 && call.status < 300) o.callbacksOk++;
      if (o.callbacks === 1) {
        const body = (call.body ?? {}) as { type?: number; data?: { flags?: number } };
        o.callbackType = body.type;
        o.callbackFlags = Number(body.data?.flags ?? 0);
        o.firstMs = call.at - p.sentAt;
        if (body.type !== 5) {
          o.finalMs = o.firstMs;
          o.text = textOf(body.data);
          p.done = true;
        }
      }
    } else if (found.kind === 'edit') {
      o.edits++;
      if (o.edits === 1) {
        o.finalMs = call.at - p.sentAt;
        o.text = textOf(call.body);
        p.done = true;
      }
    }
  }
  return { unhandled, failed };
}

async function run(req: Extract<RunnerRequest, { type: 'run' }>): Promise<void> {
  const pending = new Map<string, Pending>();
  const order: Pending[] = [];
  const dispatch = (i: number) => {
    const user = i % req.users;
    const sentAt = performance.now();
    const { token } = double.sendInteraction({ name: 'ask', user: users[user % users.length]!, options: { question: req.questions[i % req.questions.length]! } });
    const p: Pending = {
      sentAt, done: false,
      outcome: { user, callbacks: 0, callbacksOk: 0, callbackType: undefined, callbackFlags: 0, edits: 0, firstMs: undefined, finalMs: undefined, text: '' },
    };
    pending.set(token, p);
    order.push(p);
  };
  let unhandled = 0;
  let failed = 0;
  const tally = () => {
    const r = consume(pending);
    unhandled += r.unhandled;
    failed += r.failed;
  };
  const firstCall = cursor;
  const started = performance.now();
  if (req.ratePerSecond <= 0) {
    for (let i = 0; i < req.n; i++) dispatch(i);
  } else {
    // Evenly spaced on the clock (not setInterval, which drifts): sleep until each one is due.
    const gap = 1000 / req.ratePerSecond;
    for (let i = 0; i < req.n; i++) {
      const due = started + i * gap;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      dispatch(i);
      tally();
    }
  }
  const deadline = performance.now() + req.timeoutMs;
  while (order.some((p) => !p.done) && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2));
    tally();
  }
  const wallMs = Math.max(0, ...order.map((p) => (p.outcome.finalMs === undefined ? 0 : p.sentAt + p.outcome.finalMs - started)));
  // A short grace period to catch a second callback or edit for the same interaction.
  await new Promise((r) => setTimeout(r, 150));
  tally();
  const calls = cursor - firstCall;
  if (req.prune) {
    // Long runs: the double keeps every call, message and interaction; forget them between runs.
    (double.calls as RecordedCall[]).length = 0;
    cursor = 0;
    double.state.messages.clear();
    double.state.interactions.clear();
  }
  send({ type: 'result', id: req.id, wallMs, outcomes: order.map((p) => p.outcome), calls, unhandled, failed });
}

process.on('message', (req: RunnerRequest) => {
  if (req.type === 'close') {
    void double.close().then(() => process.exit(0));
    return;
  }
  run(req).catch((err: unknown) => send({ type: 'error', message: String(err) }));
});
process.on('disconnect', () => void double.close().then(() => process.exit(0)));
send({ type: 'ready', apiUrl: double.apiUrl, pid: process.pid });
