import { readdirSync, renameSync, unlinkSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Low, type Adapter } from 'lowdb';

/**
 * A lowdb adapter for one JSON file, written compact (a stored index is mostly
 * number arrays, which lowdb's two-space indentation makes two to three times
 * larger) and atomically: each write goes to a temporary file named after the
 * process, then is renamed over the old file. lowdb's own
 * writer (steno) uses one fixed temporary name, so two processes writing the same
 * file (the bot and `npm run reindex` on one data folder) could rename each
 * other's half-written file into place. Writes from one process go one at a time,
 * in order.
 */
class AtomicJsonFile<T> implements Adapter<T> {
  /** A write is on its way to disk. */
  private busy = false;
  /** The write waiting for it: its data (the latest asked for) and everyone waiting on it. */
  private pending: { data: T; waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> } | undefined;

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fsp.readFile(this.path, 'utf8');
    } catch (err) {
      // No file, or a file where a folder of its path should be (a DATA_DIR that is a file): nothing there to read.
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  /**
   * Writes `data` once the write under way is done. Writes asked for meanwhile are
   * one write, of the latest data (as lowdb's steno does): a burst of flushes costs
   * two serialisations, not one per flush.
   */
  write(data: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pending) {
        this.pending.data = data;
        this.pending.waiters.push({ resolve, reject });
      } else {
        this.pending = { data, waiters: [{ resolve, reject }] };
      }
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    while (this.pending) {
      const { data, waiters } = this.pending;
      this.pending = undefined;
      try {
        await this.replace(JSON.stringify(data));
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.busy = false;
  }

  private async replace(text: string): Promise<void> {
    // One temporary name per process is enough: this process's writes to the file go one at a time.
    const temp = join(dirname(this.path), `${tempPrefix(this.path)}${process.pid}.tmp`);
    try {
      await fsp.writeFile(temp, text);
      await fsp.rename(temp, this.path);
    } catch (err) {
      // A full disk: the half-written file would hold the space every later write (of any data file) needs.
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw err;
    }
  }
}

/** Temporary files of a data file start with this: `.index.json.<pid>.tmp`. */
const tempPrefix = (path: string) => `.${basename(path)}.`;

/** One adapter per path in this process, so that its writes queue behind each other. */
const files = new Map<string, AtomicJsonFile<unknown>>();

function fileAt<T>(path: string): AtomicJsonFile<T> {
  const key = resolve(path);
  let file = files.get(key);
  if (!file) files.set(key, (file = new AtomicJsonFile<unknown>(key)));
  return file as AtomicJsonFile<T>;
}

/** True when a process with this id is running (or cannot be signalled: then it is assumed running). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files that a killed process left beside a data file (never those of a running one). */
function removeOrphans(path: string): void {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      // Another process removed it first, or the folder is read-only: harmless.
    }
  }
}

/**
 * Why a data file could not be used as it was: none there; there but not a whole file of the expected shape
 * (moved aside; a folder in its place too); or there but the disk would not give it (permissions, an I/O
 * error: left as it is, since nothing says it is damaged).
 */
export type ReadProblem = 'missing' | 'corrupt' | 'unreadable';

/** What reading a lowdb file gave: its data, or the problem, where a corrupt file was moved, and the error code of an unreadable one. */
export type ReadResult<T> = { ok: true; db: Low<T> } | { ok: false; db: Low<T>; problem: ReadProblem; movedTo?: string; code?: string };

/**
 * Opens a lowdb JSON file on disk (never lowdb's in-memory test preset). A file
 * that does not parse, or that `isValid` rejects, is moved aside as
 * `<name>.corrupt-<time>` so nothing is lost and a fresh one can be written. One the
 * disk will not give (EACCES, EIO…) is left where it is, as 'unreadable'.
 * Writes go to a temporary file renamed over the old one, so a crash mid-write
 * leaves the previous file whole; temporary files that killed processes left are
 * removed here.
 */
export async function openJsonFile<T>(path: string, isValid: (data: unknown) => data is T, now: () => Date = () => new Date()): Promise<ReadResult<T>> {
  removeOrphans(path);
  const db = new Low<T>(fileAt<T>(path), null as T);
  try {
    await db.read();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A folder in the file's place holds no data of ours: moved aside like a corrupt file.
    if (typeof code === 'string' && code !== 'EISDIR') return { ok: false, db, problem: 'unreadable', code };
    return { ok: false, db, problem: 'corrupt', ...moveAside(path, now) };
  }
  if (db.data === null || db.data === undefined) return { ok: false, db, problem: 'missing' };
  if (!isValid(db.data)) {
    db.data = null as T;
    return { ok: false, db, problem: 'corrupt', ...moveAside(path, now) };
  }
  return { ok: true, db };
}

function moveAside(path: string, now: () => Date): { movedTo?: string } {
  const target = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, target);
    return { movedTo: target };
  } catch {
    return {};
  }
}

/** Writes a whole lowdb JSON file atomically (its own temporary file, then rename); writes to one path from this process go in order. */
export async function writeJsonFile<T>(path: string, data: T): Promise<void> {
  await fileAt<T>(path).write(data);
}
