import { renameSync } from 'node:fs';
import { resolve } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';

/**
 * lowdb's JSONFile, without its two-space indentation: a stored index is mostly
 * number arrays, which indentation makes two to three times larger and slower to write.
 */
const compactJsonFile = <T>(path: string) => new DataFile<T>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) });

/** Why a data file could not be used as it was. */
export type ReadProblem = 'missing' | 'corrupt';

/** What reading a lowdb file gave: its data, or the problem and where the bad file was moved. */
export type ReadResult<T> = { ok: true; db: Low<T> } | { ok: false; db: Low<T>; problem: ReadProblem; movedTo?: string };

/**
 * Opens a lowdb JSON file on disk (never lowdb's in-memory test preset). A file
 * that does not parse, or that `isValid` rejects, is moved aside as
 * `<name>.corrupt-<time>` so nothing is lost and a fresh one can be written.
 * lowdb writes through steno: a temporary file renamed over the old one, so a
 * crash mid-write leaves the previous file whole.
 */
export async function openJsonFile<T>(path: string, isValid: (data: unknown) => data is T, now: () => Date = () => new Date()): Promise<ReadResult<T>> {
  const db = new Low<T>(compactJsonFile<T>(path), null as T);
  try {
    await db.read();
  } catch {
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

/**
 * One lowdb file per path. Its steno writer queues writes to the file (the latest
 * waiting one wins); separate writers would share the one temporary file and race:
 * two saves at once failed with ENOENT, or renamed a half-written file into place.
 */
const files = new Map<string, DataFile<unknown>>();

/** Writes a whole lowdb JSON file atomically (temporary file, then rename); writes to one path queue behind each other. */
export async function writeJsonFile<T>(path: string, data: T): Promise<void> {
  const key = resolve(path);
  let file = files.get(key);
  if (!file) files.set(key, (file = compactJsonFile<unknown>(key)));
  await file.write(data);
}
