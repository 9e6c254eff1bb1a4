/**
 * A burst of 200 /ask from 20 users at once through the double (in this process; the
 * full-size run with figures is `npm run bench:load`). Every interaction gets exactly
 * one callback, then either exactly one edit with the answer or, past the user's
 * cooldown, an ephemeral "try again"; the counts add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import type { RecordedCall, SentInteraction } from '../discord/double.js';
import { buildEngine, messageBody, messageCalls, startHarness, type Harness } from './harness.js';

const N = 200;
const USERS = 20;
const BURST = 3;
const QUESTIONS = [
  'until what year did japan control the kurils?',
  'why is NATO opening an office in Japan?',
  'who is the japanese ambassador to the us',
  'what time does the arsenal game kick off tonight?',
  'what missiles did russia deploy to iturup?',
];

let engine: Engine;
let h: Harness;

beforeAll(async () => {
  ({ engine } = await buildEngine());
  // A window long enough that no user's cooldown runs out during the test: exactly BURST answers per user.
  h = await startHarness({ engine, env: { COOLDOWN_BURST: String(BURST), COOLDOWN_SECONDS: '600', DISCORD_REST_GLOBAL_RPS: '1000' } });
});

afterAll(async () => {
  await h.close();
  expect(h.clientErrors).toEqual([]);
});

describe(`a burst of ${N} /ask from ${USERS} users`, () => {
  it('each gets one callback, the answer or an ephemeral cooldown message; nothing lost or doubled', async () => {
    expect(h.bot.client.rest.options.globalRequestsPerSecond).toBe(1000);
    const users = Array.from({ length: USERS }, (_, i) => ({ id: String(200_000_000_000_000_000n + BigInt(i)), username: `load${i}` }));
    const sent: (SentInteraction & { user: number })[] = [];
    for (let i = 0; i < N; i++) {
      const user = i % USERS;
      sent.push({ ...h.double.sendInteraction({ name: 'ask', user: users[user]!, options: { question: QUESTIONS[i % QUESTIONS.length]! } }), user });
    }

    // Done when every interaction has its final call: the edit after a defer, or the reply itself.
    const done = new Set<string>();
    const tokens = new Set(sent.map((s) => s.token));
    await h.double.waitForCall((c: RecordedCall) => {
      const token = c.path.split('/').find((p) => tokens.has(p));
      const type = (c.body as { type?: number } | null)?.type;
      if (token && ((c.method === 'PATCH' && c.path.endsWith('/@original')) || (c.path.endsWith('/callback') && type === 4))) done.add(token);
      return done.size === N;
    }, 15_000);
    await new Promise((r) => setTimeout(r, 200));

    let answered = 0;
    let cooledDown = 0;
    const perUser = new Map<number, number>();
    for (const s of sent) {
      const calls = h.double.callsFor(s.token);
      const callbacks = calls.filter((c) => c.path.endsWith('/callback'));
      const edits = calls.filter((c) => c.method === 'PATCH');
      expect(callbacks.map((c) => c.status), `callbacks of #${s.id}`).toEqual([204]);
      const body = callbacks[0]!.body as { type: number; data?: { flags?: number; content?: string } };
      const cooldown = body.type === 4 && body.data?.flags === 64;
      if (!cooldown) {
        // The answer is the reply itself, or (an interaction that reached the bot late) the edit after a defer.
        expect(edits.map((c) => c.status), `edits of #${s.id}`).toEqual(body.type === 5 ? [200] : []);
        expect(JSON.stringify(body.type === 5 ? edits[0]!.body : body.data)).toMatch(/doesn't say|> /);
        answered++;
        perUser.set(s.user, (perUser.get(s.user) ?? 0) + 1);
      } else {
        expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
        expect(body.data?.content).toMatch(/try again <t:\d+:R>/);
        expect(edits).toEqual([]);
        cooledDown++;
      }
      expect(calls.length).toBe(callbacks.length + edits.length);
    }
    expect({ answered, cooledDown }).toEqual({ answered: USERS * BURST, cooledDown: N - USERS * BURST });
    expect([...perUser.values()]).toEqual(Array(USERS).fill(BURST));
    expect(h.double.calls.filter((c) => c.unhandled || c.status >= 400)).toEqual([]);
    for (const call of messageCalls(h.double)) expect(messageBody(call).allowed_mentions).toMatchObject({ parse: [] });

    await h.bot.ctx.store.flush();
    expect((await h.bot.ctx.store.data).questions).toHaveLength(USERS * BURST);
  });
});
