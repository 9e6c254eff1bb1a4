import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, QUESTION_OPTION_MAX, readEnvironment } from '../../src/config.js';

const fails = (env: Record<string, string>, message: RegExp) => expect(() => loadConfig(env)).toThrow(message);

describe('loadConfig', () => {
  it('a blank setting takes its default, not 0 or the project folder', () => {
    const c = loadConfig({ COOLDOWN_SECONDS: '', COOLDOWN_BURST: ' ', THREAD_HISTORY: '', MAX_QUESTION_LENGTH: '', SEEDS_DIR: '', DATA_DIR: '  ', LOG_LEVEL: '', MENTION_REPLY_MODE: '', DISCORD_REST_GLOBAL_RPS: '' });
    expect(c).toMatchObject({ cooldownSeconds: 5, cooldownBurst: 3, threadHistory: 6, maxQuestionLength: QUESTION_OPTION_MAX, seedsDir: resolve('seeds'), dataDir: resolve('data'), logLevel: 'info', mentionReplyMode: 'thread', restGlobalRps: 50 });
  });

  it.each(['0x10', '1e3', '5.5', '-1', 'ten', '12abc'])('COOLDOWN_SECONDS=%j is refused, naming the variable', (v) => {
    fails({ COOLDOWN_SECONDS: v }, /^config: COOLDOWN_SECONDS must be a whole number from 0 to 3600$/);
  });

  it.each(['ftp://x/api', 'javascript:alert(1)', 'discord.com/api'])('DISCORD_API_URL=%j is refused: http or https only', (v) => {
    fails({ DISCORD_API_URL: v }, /^config: DISCORD_API_URL must be /);
    expect(loadConfig({ DISCORD_API_URL: 'http://127.0.0.1:1234/api' }).apiUrl).toBe('http://127.0.0.1:1234/api');
  });

  it('numbers out of bounds are refused with the bound', () => {
    fails({ COOLDOWN_BURST: '0' }, /COOLDOWN_BURST must be a whole number from 1 to 100$/);
    fails({ THREAD_HISTORY: '51' }, /THREAD_HISTORY must be a whole number from 0 to 50$/);
    fails({ COOLDOWN_BURST: '99999999999999999999' }, /COOLDOWN_BURST must be a whole number from 1 to 100$/);
  });

  it('MAX_QUESTION_LENGTH can only lower the limit /ask declares to Discord', () => {
    expect(loadConfig({ MAX_QUESTION_LENGTH: '120' }).maxQuestionLength).toBe(120);
    fails({ MAX_QUESTION_LENGTH: String(QUESTION_OPTION_MAX + 1) }, new RegExp(`MAX_QUESTION_LENGTH must be a whole number from 20 to ${QUESTION_OPTION_MAX}`));
  });

  it('0 is a value, not a blank: COOLDOWN_SECONDS=0 turns the cooldown off', () => {
    expect(loadConfig({ COOLDOWN_SECONDS: '0', THREAD_HISTORY: ' 0 ' })).toMatchObject({ cooldownSeconds: 0, threadHistory: 0 });
  });

  it('errors are ConfigErrors that never carry the value', () => {
    try {
      loadConfig({ COOLDOWN_SECONDS: 'secret-looking-value' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).not.toContain('secret-looking-value');
    }
  });
});

describe('readEnvironment', () => {
  it('adds a .env file\'s settings to the environment, without overriding what is set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'config-env-'));
    try {
      const file = join(dir, '.env');
      await writeFile(file, 'CONFIG_TEST_FROM_FILE=file\nCONFIG_TEST_SET=file\n');
      process.env.CONFIG_TEST_SET = 'process';
      const env = readEnvironment(file);
      expect([env.CONFIG_TEST_FROM_FILE, env.CONFIG_TEST_SET]).toEqual(['file', 'process']);
      expect(readEnvironment(join(dir, 'missing.env'))).toBe(process.env);
    } finally {
      delete process.env.CONFIG_TEST_FROM_FILE;
      delete process.env.CONFIG_TEST_SET;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
