import { spawn } from 'node:child_process';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordDouble, type DiscordDouble } from '../discord/double.js';
import { waitForAnswer } from './harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const TOKEN = 'any-long-token-0123456789abcdef';

/**
 * Runs `npx tsx src/main.ts` as an operator would; collects output and the exit code.
 * `direct` runs node_modules/.bin/tsx (what npx resolves to) without npm in
 * between: npm re-raises a SIGTERM on itself, hiding the bot's exit code.
 */
function run(env: Record<string, string>, stdin?: string, direct = false) {
  const [cmd, args] = direct ? ['node_modules/.bin/tsx', ['src/main.ts']] as const : ['npx', ['tsx', 'src/main.ts']] as const;
  const child = spawn(cmd, args, { env: { ...process.env, DISCORD_TOKEN: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (stdin !== undefined) child.stdin.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bot-main-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('npm start (src/main.ts)', () => {
  it('with a token: logs into Discord, answers /ask, and exits 0 on SIGTERM', async () => {
    const double: DiscordDouble = await startDiscordDouble();
    cleanups.push(() => double.close());
    const p = run({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: String(double.state.applicationId), DISCORD_API_URL: double.apiUrl, DATA_DIR: await tempDir(), LOG_LEVEL: 'info' }, undefined, true);
    cleanups.push(async () => void p.child.kill('SIGKILL'));
    await double.waitForGateway((f) => f.op === 2, 20_000, 'IDENTIFY');
    const { token } = double.sendInteraction({ name: 'ask', options: { question: 'until what year did japan control the kurils?' } });
    const edit = await waitForAnswer(double, token, 10_000);
    expect(JSON.stringify(edit.body)).toContain('1945');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.err()).toContain('"msg":"bot stopped"');
    expect(p.out() + p.err()).not.toContain(TOKEN);
  }, 40_000);

  it('SIGTERM while logging in (Discord not answering): a log line and exit 0, not 143', async () => {
    // A REST endpoint that accepts connections and never answers: the bot hangs in login.
    const sockets: Socket[] = [];
    const hung = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => hung.close(resolve));
    });
    const connected = new Promise((resolve) => hung.once('connection', resolve));
    const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/api`;
    const p = run({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: url, DATA_DIR: await tempDir(), LOG_LEVEL: 'info' }, undefined, true);
    cleanups.push(async () => void p.child.kill('SIGKILL'));
    await connected;
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.err()).toContain('"msg":"shutting down"');
    expect(p.out() + p.err()).not.toContain(TOKEN);
  }, 40_000);

  it('SIGTERM to `npm start` itself (what Docker or a process manager sends), while the bot builds the index: the bot logs it and exits', async () => {
    // npm passes the signal on to its script's process: the bot itself only when the script execs it. Before,
    // `sh -c` took the signal and left the bot running, orphaned and logged in; and tsx's CLI, as a relay, forwards
    // a signal, waits ~60 ms for its child and then kills it (143, nothing flushed) while the child builds the index.
    const child = spawn('npm', ['start'], { env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'http://127.0.0.1:9/api', DATA_DIR: await tempDir(), LOG_LEVEL: 'debug' }, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(async () => void child.kill('SIGKILL'));
    let stderr = '';
    const started = new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('"msg":"starting"')) resolve();
    }));
    // The pipe closes when every process holding it has exited: npm, and the bot it started.
    const closed = new Promise<void>((resolve) => child.stderr.on('close', () => resolve()));
    await started;
    // An empty data folder: the index is being built (about a second of synchronous work) when the signal comes.
    child.kill('SIGTERM');
    await closed;
    expect(stderr).toContain('"msg":"shutting down"');
  }, 40_000);

  it('without a token: a console that answers questions from stdin and exits at EOF', async () => {
    const p = run({ DATA_DIR: await tempDir() }, 'who is the japanese ambassador to the us\n/sources\n');
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('Koji Tomita');
    expect(p.out()).toMatch(/kB, \d+ sentences/);
  }, 40_000);

  it('a config error: one line naming the variable, exit 1, token never printed', async () => {
    const p = run({ DISCORD_TOKEN: 'has spaces in it but is long enough', COOLDOWN_BURST: '3' });
    expect(await p.exited).toBe(1);
    const lines = p.err().split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
    expect(lines).toEqual(['config: DISCORD_TOKEN must not contain spaces']);
    expect(p.err() + p.out()).not.toContain('has spaces');
  }, 40_000);

  it('npm run deploy-commands registers the commands in DISCORD_GUILD_ID via REST, with the settings in .env', async () => {
    const double: DiscordDouble = await startDiscordDouble();
    cleanups.push(() => double.close());
    const guildId = double.state.guilds[0]!.id;
    // As the README says: settings in a .env in the folder it runs from, none in the environment.
    const dir = await tempDir();
    await writeFile(join(dir, '.env'), `DISCORD_TOKEN=${TOKEN}\nDISCORD_CLIENT_ID=${double.state.applicationId}\nDISCORD_GUILD_ID=${guildId}\nDISCORD_API_URL=${double.apiUrl}\n`);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_')));
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/deploy-commands.ts')], { cwd: dir, env });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(double.state.commands.get(guildId)?.map((c) => c.name)).toEqual(['ask', 'sources', 'source', 'reindex', 'stats', 'help']);
  }, 40_000);
});
