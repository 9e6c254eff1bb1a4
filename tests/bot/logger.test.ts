import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/bot/logger.js';

const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQtdG9rZW4';
const BOT_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';

function capture() {
  const lines: string[] = [];
  const log = createLogger({ logLevel: 'info' }, { write: (s: string) => void lines.push(s) });
  return { log, text: () => lines.join('') };
}

describe('logger', () => {
  it.each([
    [`/api/v10/interactions/123456789012345678/${INTERACTION_TOKEN}/callback`, '/api/v10/interactions/123456789012345678/[token]/callback'],
    [`/api/v10/webhooks/123456789012345678/${INTERACTION_TOKEN}/messages/@original`, '/api/v10/webhooks/123456789012345678/[token]/messages/@original'],
    [`Bot ${BOT_TOKEN}`, 'Bot [token]'],
    ['no secret here', 'no secret here'],
  ])('scrubs %s', (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });

  it('never writes an interaction token from an error URL, nor a bot token from a message or a field', () => {
    const { log, text } = capture();
    const err = Object.assign(new Error(`Unknown interaction on /interactions/1/${INTERACTION_TOKEN}/callback`), { url: `https://discord.com/api/v10/webhooks/123456789012345678/${INTERACTION_TOKEN}/messages/%40original` });
    log.error({ err, token: BOT_TOKEN, config: { discordToken: BOT_TOKEN } }, `login with ${BOT_TOKEN} failed`);
    const out = text();
    expect(out).toContain('Unknown interaction');
    expect(out).not.toContain(INTERACTION_TOKEN);
    expect(out).not.toContain(BOT_TOKEN);
  });
});
