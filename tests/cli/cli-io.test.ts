import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cli-io-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Runs a TypeScript entry point as npm does (tsx), with stdin; `onFirstOutput` may close the reader's end early. */
function run(script: string, args: string[], stdin: string, onFirstOutput?: (child: ReturnType<typeof spawn>) => void, env: Record<string, string> = {}) {
  const child = spawn('node_modules/.bin/tsx', [script, ...args], { env: { ...process.env, DISCORD_TOKEN: '', DATA_DIR: dataDir, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    if (!stdout && onFirstOutput) onFirstOutput(child);
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { exited, out: () => stdout, err: () => stderr };
}

describe('npm run ask -- --jsonl: a bad line is skipped with a warning naming it, the others are answered', () => {
  it('reads every good line, warns once per bad one, and exits 0', async () => {
    const lines = [
      '\uFEFF{"id":"first","question":"who is the japanese ambassador to the us?"}',
      'null',
      '[1, 2]',
      '{"question":"no id"}',
      '{"id":{"x":1},"question":"an object id"}',
      '{"id":"n","question":5}',
      'not json at all',
      '{"id":7,"question":"how many times did japan scramble jets?"}',
      '',
      '{"id":"last","question":"what did zakharova say?"}',
    ];
    const p = run('src/cli/ask.ts', ['--jsonl'], lines.join('\n') + '\n');
    expect(await p.exited).toBe(0);
    const answers = p.out().trim().split('\n').map((l) => JSON.parse(l) as { id: string; answers: Array<{ text: string }> });
    expect(answers.map((a) => a.id)).toEqual(['first', '7', 'last']);
    expect(answers[0]!.answers[0]!.text).toContain('Koji Tomita');
    const warnings = p.err().split('\n').filter((l) => l.startsWith('warning: line'));
    expect(warnings.map((w) => /^warning: line (\d+) skipped/.exec(w)?.[1])).toEqual(['2', '3', '4', '5', '6', '7']);
    expect(p.err()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('an unknown option, -k without its value, or --json with --jsonl: what is wrong, then the usage, exit 2', async () => {
    for (const [args, message] of [[['-k'], "ask: Option '-k, --results <value>' argument missing"], [['--bogus', 'x'], "ask: Unknown option '--bogus'"], [['--json', '--jsonl'], 'ask: --json (one question) and --jsonl (questions on stdin) do not go together']] as const) {
      const p = run('src/cli/ask.ts', [...args], '');
      expect(await p.exited, args.join(' ')).toBe(2);
      expect(p.err(), args.join(' ')).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\nusage:`, 'm'));
    }
  }, 60_000);

  it('refuses a --results that is not 1 to 10, with the usage', async () => {
    const p = run('src/cli/ask.ts', ['-k', 'abc', 'why is nato opening an office in japan?'], '');
    expect(await p.exited).toBe(2);
    expect(p.err()).toMatch(/^ask: --results must be a whole number from 1 to 10 \(got "abc"\)\nusage:/m);
  }, 60_000);
});

describe('a seeds folder that gives no corpus: one line naming SEEDS_DIR, exit 1, the stored index left as it is', () => {
  it('npm run reindex with an emptied seeds folder, and npm start with a missing one', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'cli-empty-seeds-'));
    try {
      // A whole stored index, built from the shipped seeds.
      expect(await run('src/cli/reindex.ts', [], '').exited).toBe(0);
      const stored = await readFile(join(dataDir, 'index.json'), 'utf8');
      const reindex = run('src/cli/reindex.ts', [], '', undefined, { SEEDS_DIR: empty });
      expect(await reindex.exited).toBe(1);
      expect(reindex.err().trim()).toBe('reindex: the seeds folder (SEEDS_DIR) has no .txt or .md file that can be read; the stored index is left as it is');
      expect(await readFile(join(dataDir, 'index.json'), 'utf8')).toBe(stored);
      const start = run('src/main.ts', [], '', undefined, { SEEDS_DIR: join(empty, 'not-there') });
      expect(await start.exited).toBe(1);
      expect(start.err().trim()).toBe('start: the seeds folder (SEEDS_DIR) does not exist');
      expect(start.err()).not.toContain(empty);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('npm run reindex and the data folder', () => {
  it('a data folder it cannot write: one line naming DATA_DIR, exit 1 (saving is its whole job)', async () => {
    const reindex = run('src/cli/reindex.ts', [], '', undefined, { DATA_DIR: join(process.cwd(), 'package.json') });
    expect(await reindex.exited).toBe(1);
    expect(reindex.err().trim()).toBe('reindex: index.json could not be written to the data folder (DATA_DIR): it is not a folder; the stored index is left as it is');
  }, 60_000);

  it('a damaged index.json it reads for its report is moved aside, and it says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-damaged-'));
    try {
      await writeFile(join(dir, 'index.json'), 'garbage');
      const reindex = run('src/cli/reindex.ts', [], '', undefined, { DATA_DIR: dir });
      expect(await reindex.exited).toBe(0);
      expect(reindex.err()).toMatch(/^warning: index\.json was unreadable; moved aside to .*index\.json\.corrupt-\S+$/m);
      expect(reindex.out()).toMatch(/^5 documents, 205 sentences \(was 0\)$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a reader that closes the pipe early ends the program quietly', () => {
  it.each([
    ['the console (npm start)', 'src/main.ts', [] as string[], 'what did zakharova say?\n'],
    ['npm run ask -- --jsonl', 'src/cli/ask.ts', ['--jsonl'], '{"id":"a","question":"what did zakharova say?"}\n'],
  ])('%s: exit 0, no stack trace', async (_name, script, args, line) => {
    const p = run(script, args, line.repeat(3000), (child) => child.stdout!.destroy());
    expect(await p.exited).toBe(0);
    expect(p.err()).not.toMatch(/EPIPE|\n\s+at /);
  }, 60_000);
});
