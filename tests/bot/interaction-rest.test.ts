import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESTEvents, Routes, type RateLimitData } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/bot/client.js';
import { InteractionAwareREST } from '../../src/bot/interaction-rest.js';

let server: Server;
let api: string;
const seen: Array<{ method: string; url: string; auth: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization });
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A REST manager with a client-side global limit of one request a second, recording when that limit makes it wait. */
function restWithGlobalLimitOfOne(): { rest: InteractionAwareREST; globalWaits: RateLimitData[] } {
  const rest = new InteractionAwareREST({ api, version: '10', globalRequestsPerSecond: 1 }).setToken('bot-token');
  const globalWaits: RateLimitData[] = [];
  rest.on(RESTEvents.RateLimited, (d) => void (d.global && globalWaits.push(d)));
  return { rest, globalWaits };
}

describe('InteractionAwareREST: interaction edits are not held by the client-side global limit', () => {
  it('sends ten interaction-token edits at once, none waiting for the global bucket, without the bot token', async () => {
    const { rest, globalWaits } = restWithGlobalLimitOfOne();
    const before = seen.length;
    await Promise.all(Array.from({ length: 10 }, (_, i) => rest.patch(Routes.webhookMessage('123456789012345678', `interaction-token-${i}`, '@original'), { body: { content: 'hi' }, auth: false })));
    expect(globalWaits).toEqual([]);
    const sent = seen.slice(before);
    expect(sent).toHaveLength(10);
    expect(sent.every((r) => r.method === 'PATCH' && r.auth === undefined)).toBe(true);
    rest.clearHandlerSweeper();
    rest.clearHashSweeper();
  });

  it('still holds requests made with the bot token to the global limit (the control)', async () => {
    const { rest, globalWaits } = restWithGlobalLimitOfOne();
    await Promise.all(Array.from({ length: 2 }, (_, i) => rest.post(Routes.channelMessages(`11111111111111111${i}`), { body: { content: 'hi' } })));
    expect(globalWaits.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.auth).toBe('Bot bot-token');
    rest.clearHandlerSweeper();
    rest.clearHashSweeper();
  });

  it('is the REST manager of the client the bot creates', () => {
    const client = createClient({ apiUrl: api });
    expect(client.rest).toBeInstanceOf(InteractionAwareREST);
    void client.destroy();
  });
});
