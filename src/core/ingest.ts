import { createHash } from 'node:crypto';
import { ZodError } from 'zod';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { absentWorldEntities, emptyGlossary, readGlossary, withWorldEntities, type Glossary } from './glossary.js';
import { metadataFileSchema, type MetadataOverrides } from './metadata.js';
import { firstIssue } from './schema-problem.js';
import { readThesaurus } from './synonyms.js';

/** A seed file read from disk, not yet cleaned. */
export interface SeedFile {
  id: string;
  text: string;
  hash: string;
  bytes: number;
}

/** Everything the seeds folder holds, and what could not be read. */
export interface SeedSet {
  files: SeedFile[];
  glossary: Glossary;
  /** The world list's countries and organisations the corpus never mentions, added to the glossary (stored in the index for shards). */
  worldEntities: string[];
  overrides: MetadataOverrides;
  /** One line per file skipped or setting ignored, for the operator. */
  warnings: string[];
  /** Hash of every input of the index: files, glossary, metadata. */
  fingerprint: string;
}

/** Options of {@link readSeeds}. */
export interface ReadSeedsOptions {
  /** Files larger than this are skipped with a warning. Default 20 MiB: far above an article, far below memory trouble. */
  maxFileBytes?: number;
}

const SEED_FILE = /\.(txt|md)$/i;
export const GLOSSARY_FILE = 'glossary.json';
export const METADATA_FILE = 'metadata.json';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * Reads every `.txt` and `.md` file of a folder, in name order: UTF-8, or UTF-16
 * with a byte-order mark. Unreadable, binary, empty or otherwise encoded files are
 * skipped with a warning: it never stops halfway.
 */
export function readSeeds(dir: string, options: ReadSeedsOptions = {}): SeedSet {
  const maxBytes = options.maxFileBytes ?? 20 * 1024 * 1024;
  const warnings: string[] = [];
  const files: SeedFile[] = [];
  const names = readdirSync(dir).filter((n) => SEED_FILE.test(n)).sort();
  for (const name of names) {
    const file = readSeedFile(join(dir, name), name, maxBytes);
    if (typeof file === 'string') warnings.push(`${name}: skipped, ${file}`);
    else files.push(file);
  }
  const worldEntities = absentWorldEntities(files.map((f) => f.text));
  const glossary = withWorldEntities(readOptionalJson(dir, GLOSSARY_FILE, warnings, readGlossary) ?? emptyGlossary, worldEntities);
  const overrides = readOptionalJson(dir, METADATA_FILE, warnings, (p) => metadataFileSchema.parse(JSON.parse(readFileSync(p, 'utf8')))) ?? {};
  // The shipped thesaurus shapes the index too: a new one rebuilds it like a changed seed.
  const fingerprint = sha256(JSON.stringify([files.map((f) => [f.id, f.hash]), glossary, overrides, readThesaurus()]));
  return { files, glossary, worldEntities, overrides, warnings, fingerprint };
}

/** Reads one file, or says in a few words why it cannot be used. */
function readSeedFile(path: string, id: string, maxBytes: number): SeedFile | string {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'not a regular file';
    if (stat.size > maxBytes) return `${stat.size} bytes is over the ${maxBytes}-byte limit`;
    bytes = readFileSync(path);
  } catch (err) {
    return `unreadable (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (bytes.length === 0) return 'empty';
  // UTF-16 with a byte-order mark (Windows Notepad's "Unicode") is text, though every ASCII letter comes with a NUL byte.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!utf16 && bytes.includes(0)) return 'binary (contains NUL bytes)';
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return utf16 ? 'not valid UTF-16' : 'not valid UTF-8';
  }
  if (text.includes('\0')) return 'binary (contains NUL characters)';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return 'empty';
  return { id, text, hash: sha256(bytes), bytes: bytes.length };
}

/** A file's first problem in one line: its first schema issue, or the error's first line (bad JSON). */
function firstProblem(err: unknown): string {
  return err instanceof ZodError ? firstIssue(err) : ((err as Error).message.split('\n')[0] ?? 'unreadable');
}

function readOptionalJson<T>(dir: string, name: string, warnings: string[], read: (path: string) => T): T | undefined {
  const path = join(dir, name);
  if (!existsSync(path)) return undefined;
  try {
    return read(path);
  } catch (err) {
    warnings.push(`${name}: ignored, ${firstProblem(err)}`);
    return undefined;
  }
}
