import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backgroundIndexLoader } from '../../src/bot/engine-holder.js';
import { MEMBER_PERMISSIONS, serverError, unknownInteraction } from '../discord/double.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
import { SEEDS_DIR, useHarnesses, waitForAnswer, waitForCallback, waitForEdit } from './harness.js';

/** Member permissions plus Manage Server (bit 5). */
const MANAGER = String(BigInt(MEMBER_PERMISSIONS) | (1n << 5n));
const ADMIN_ROLE = '223456789012345678';

/** Each harness's reindex writes to its own folder, removed when the file is done. */
const reindexDirs: string[] = [];
async function reindexDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bot-reindex-'));
  reindexDirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of reindexDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

// The loader the bot runs with: a reindex builds in a child process, then loads what it wrote.
const { engine, harness } = useHarnesses({ defaults: async () => ({ loader: backgroundIndexLoader(SEEDS_DIR, await reindexDir()) }) });

describe('/reindex', () => {
  it('is refused for a member without permission', async () => {
    const h = await harness();
    const r = h.double.sendInteraction({ name: 'reindex' });
    const callback = await waitForCallback(h.double, r.id, r.token);
    expect(callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(callback.body)).toContain('Only server admins');
  });

  it.each([
    ['Manage Server', {}, { permissions: MANAGER }],
    ['ADMIN_ROLE_IDS', { ADMIN_ROLE_IDS: ADMIN_ROLE }, { roles: [ADMIN_ROLE] }],
  ])('is allowed for an admin (%s): reports what changed, swaps the engine', async (_label, env, input) => {
    const h = await harness({ env, double: { guilds: [{ roles: [{ id: ADMIN_ROLE, name: 'bot admins' }] }] } });
    const before = h.bot.ctx.engines.engine;
    const r = h.double.sendInteraction({ name: 'reindex', ...input });
    expect((await waitForCallback(h.double, r.id, r.token)).body).toMatchObject({ type: 5, data: { flags: 64 } });
    const edit = await waitForEdit(h.double, r.token, 10_000);
    const content = (edit.body as { content: string }).content;
    expect(content).toMatch(new RegExp(`^Reindexed ${engine().documents.length} documents in \\d+ ms\\.`));
    expect(content).toContain('Added: none');
    expect(content).toMatch(/Sentences: \d+ → \d+\./);
    expect(h.bot.ctx.engines.engine).not.toBe(before);
  });

  it('ADMIN_USER_IDS makes a user an admin', async () => {
    const h = await harness({ env: { ADMIN_USER_IDS: '323456789012345678' }, double: { defaultUser: { id: '323456789012345678' } } });
    const r = h.double.sendInteraction({ name: 'reindex' });
    expect((await waitForCallback(h.double, r.id, r.token)).body).toMatchObject({ type: 5 });
    await waitForEdit(h.double, r.token, 10_000);
  });

  it('two at once: the second is refused politely, the first completes', async () => {
    const h = await harness();
    const first = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    const second = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    const refused = await waitForCallback(h.double, second.id, second.token);
    expect(refused.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(JSON.stringify(refused.body)).toContain('already running');
    expect(JSON.stringify((await waitForEdit(h.double, first.token, 10_000)).body)).toContain('Reindexed');
  });

  it('a failing rebuild keeps the old index answering; an internal error is named by its id in the log, not by its text', async () => {
    const h = await harness({ loader: async () => { throw new TypeError("Cannot read properties of undefined (reading 'engine')"); } });
    const before = h.bot.ctx.engines.engine;
    const r = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    const edit = await waitForEdit(h.double, r.token);
    const content = (edit.body as { content: string }).content;
    expect(content).toContain('old index is still answering');
    expect(content).not.toContain('Cannot read');
    const errorId = /an internal error, id `([0-9a-f]{8})` in the log/.exec(content)?.[1];
    expect(h.logs.find((l) => l.msg === 'reindex failed; keeping the old index')).toMatchObject({ errorId });
    expect(h.bot.ctx.engines.engine).toBe(before);
    expect(h.bot.ctx.engines.busy).toBe(false);
  });

  it('a seeds folder that gives no corpus is named in the reply: the admin can act on it', async () => {
    const h = await harness({ loader: backgroundIndexLoader(join(tmpdir(), 'no-such-seeds-folder'), await reindexDir()) });
    const r = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    const content = (((await waitForEdit(h.double, r.token)).body) as { content: string }).content;
    expect(content).toMatch(/The reindex failed \(the seeds folder \(SEEDS\\_DIR\) does not exist\); the old index is still answering/);
  });

  it('a data folder the rebuild cannot write: built in the bot instead, it answers from memory, and the admin is told', async () => {
    const file = join(await reindexDir(), 'a-file');
    await writeFile(file, 'not a folder');
    const h = await harness({ loader: backgroundIndexLoader(SEEDS_DIR, join(file, 'data')) });
    const before = h.bot.ctx.engines.engine;
    const r = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    const content = (((await waitForEdit(h.double, r.token, 20_000)).body) as { content: string }).content;
    expect(content).toContain('Reindexed 5 documents');
    expect(content).toContain('⚠ The index could not be saved to the data folder: it answers from memory and is rebuilt at the next start.');
    expect(h.bot.ctx.engines.engine).not.toBe(before);
    expect(h.bot.ctx.engines.engine.ask('until what year did japan control the kurils?').kind).toBe('answered');
  }, 30_000);

  it('an acknowledgement that fails runs no rebuild and logs none: an expired token gets no call after it, a 500 an apology', async () => {
    const h = await harness();
    const expired = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    h.double.failNext((c) => c.path.split('/').includes(expired.token), unknownInteraction(10));
    await h.double.waitForCall((c) => c.path.includes(expired.token));
    await sleep(300);
    expect(h.double.callsFor(expired.token)).toHaveLength(1);
    expect(h.logs.find((l) => l.msg === 'interaction expired before it was answered')).toMatchObject({ handler: '/reindex' });

    const failing = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    h.double.failNext((c) => c.path.split('/').includes(failing.token), serverError(500));
    await h.double.waitForCall((c) => c.path.includes(failing.token) && c.status === 204);
    const apology = h.double.callsFor(failing.token).find((c) => c.status === 204)!;
    expect(JSON.stringify(apology.body)).toContain('Sorry, something went wrong');
    expect(h.logs.some((l) => l.msg === 'reindex failed; keeping the old index')).toBe(false);
    expect(h.bot.ctx.engines.busy).toBe(false);
  });
});

describe('Context after a reindex', () => {
  it('still shows the sentence it quoted when a new seed renumbered the sentences', async () => {
    const seeds = await reindexDir();
    await cp(SEEDS_DIR, seeds, { recursive: true });
    const h = await harness({ loader: backgroundIndexLoader(seeds, await reindexDir()) });
    const asked = h.double.sendInteraction({ name: 'ask', options: { question: 'until what year did japan control the kurils?' } });
    await waitForAnswer(h.double, asked.token);
    const messageId = h.double.interaction(asked.token)!.originalId!;
    const original = h.double.state.messages.get(messageId) as { components: { components: { custom_id: string }[] }[] };
    const context = original.components[0]!.components[1]!.custom_id;

    // A file that sorts first: every sentence id of the old index now names another sentence.
    await writeFile(join(seeds, '0000_first.txt'), 'A new first article. It has three sentences of its own. They push every later sentence along.\n');
    const r = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    await waitForEdit(h.double, r.token, 10_000);

    const c = h.double.sendInteraction({ type: 3, customId: context, messageId });
    expect(JSON.stringify((await waitForCallback(h.double, c.id, c.token)).body)).toContain('**Russia’s military presence');

    // Gone from the seeds: said so, not some other passage.
    await rm(join(seeds, '002_87ed16cc0efeee3f.txt'));
    const r2 = h.double.sendInteraction({ name: 'reindex', permissions: MANAGER });
    await waitForEdit(h.double, r2.token, 10_000);
    const c2 = h.double.sendInteraction({ type: 3, customId: context, messageId });
    expect(JSON.stringify((await waitForCallback(h.double, c2.id, c2.token)).body)).toContain('no longer in the index');
  });
});

describe('/stats', () => {
  it('shows admins questions, share answered, top unanswered and feedback', async () => {
    const h = await harness();
    for (const q of ['until what year did japan control the kurils?', 'what time does the arsenal game kick off tonight?', 'what time does the arsenal game kick off tonight?']) {
      await waitForAnswer(h.double, h.double.sendInteraction({ name: 'ask', options: { question: q } }).token);
    }
    const s = h.double.sendInteraction({ name: 'stats', permissions: MANAGER });
    const text = (await waitForCallback(h.double, s.id, s.token)).body as { data: { content: string; flags: number } };
    expect(text.data.flags).toBe(64);
    expect(text.data.content).toContain('Questions asked: 3');
    expect(text.data.content).toContain('Answered: 1 (33%)');
    expect(text.data.content).toContain('what time does the arsenal game kick off tonight? (2)');
    expect(text.data.content).not.toContain('Not delivered');
    const denied = h.double.sendInteraction({ name: 'stats' });
    expect(JSON.stringify((await waitForCallback(h.double, denied.id, denied.token)).body)).toContain('Only server admins');
  });

  it.each([
    ['the reply that carries it', false],
    ['the edit that carries it, after a defer', true],
  ])('counts apart the answers Discord did not take (a 500 on %s), in bot.json too', async (_what, late) => {
    const h = await harness();
    h.double.failNext(late ? { method: 'PATCH', path: /\/messages\/@original$/ } : { method: 'POST', path: /\/callback$/ }, serverError(500));
    const lost = h.double.sendInteraction({ name: 'ask', ageMs: late ? 1800 : 0, options: { question: 'until what year did japan control the kurils?' } });
    // The lost answer's apology (a private reply, or a follow-up after the defer) comes after the failure is recorded.
    const apology = await h.double.waitForCall((c) => c.method === 'POST' && c.path.includes(lost.token) && c.status < 300 && /error id/.test(JSON.stringify(c.body)));
    expect(apology.body).toMatchObject(late ? { flags: 64 } : { type: 4, data: { flags: 64 } });
    await waitForAnswer(h.double, h.double.sendInteraction({ name: 'ask', options: { question: 'who wrote the brown article?' } }).token);
    const s = h.double.sendInteraction({ name: 'stats', permissions: MANAGER });
    const text = ((await waitForCallback(h.double, s.id, s.token)).body as { data: { content: string } }).data.content;
    expect(text).toContain('Questions asked: 2');
    expect(text).toContain('Not delivered: 1 (Discord did not take the reply');
    await h.bot.ctx.store.flush();
    const stored = JSON.parse(await readFile(join(h.dataDir, 'bot.json'), 'utf8')) as { questions: { id: string; delivered?: boolean }[] };
    expect(stored.questions.map((q) => [q.id, q.delivered])).toEqual([[lost.id, false], [expect.any(String), undefined]]);
  });
});
