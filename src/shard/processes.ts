/** Child processes of the sharding manager: how they run TypeScript, and the index rebuild. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SeedsFolderError } from '../store/seeds-folder-error.js';

/**
 * `execArgv` that makes a forked Node run .ts files: tsx's loader, resolved
 * from this project (not from the working directory).
 */
export function tsxExecArgv(): string[] {
  return ['--import', import.meta.resolve('tsx')];
}

/** The shard process's entry. */
export const SHARD_ENTRY = fileURLToPath(new URL('./shard-entry.ts', import.meta.url));
const REBUILD_ENTRY = fileURLToPath(new URL('./rebuild-index.ts', import.meta.url));

/** What the rebuild process reports. */
export type RebuildReport =
  | { ok: true; warnings: string[]; saved: boolean; rebuilt: string | null; documents: number; sentences: number }
  | { ok: false; error: string; seeds?: boolean };

/**
 * Loads DATA_DIR/index.json in a child process, rebuilding it when stale or
 * `force`d. Rejects when the build fails (a {@link SeedsFolderError} when the seeds
 * folder gives no corpus), times out, or the result could not be saved (shards read
 * the index from disk, so an unsaved one is no use; `allowUnsaved` reports it instead).
 */
export function rebuildIndex(seedsDir: string, dataDir: string, force: boolean, timeoutMs: number, allowUnsaved = false): Promise<Extract<RebuildReport, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const child = fork(REBUILD_ENTRY, [seedsDir, dataDir, ...(force ? ['--force'] : [])], { execArgv: tsxExecArgv(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let report: RebuildReport | undefined;
    const timer = setTimeout(() => {
      report = { ok: false, error: `the rebuild took over ${Math.round(timeoutMs / 1000)} s and was stopped` };
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (m) => (report ??= m as RebuildReport));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!report) return reject(new Error(`the rebuild exited with ${code ?? signal} and no report`));
      if (!report.ok) return reject(report.seeds ? new SeedsFolderError(report.error) : new Error(report.error));
      if (!report.saved && !allowUnsaved) return reject(new Error(`index.json could not be written (${report.warnings.at(-1) ?? 'unknown error'}); shards load it from disk`));
      resolve(report);
    });
  });
}
