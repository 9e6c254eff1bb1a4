import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, SCHEMA_VERSION, type IndexData } from '../core/build-index.js';
import { readSeeds, type SeedSet } from '../core/ingest.js';
import { createNlp, type Nlp } from '../core/nlp.js';
import { openJsonFile, writeJsonFile } from './json-file.js';
import { SeedsFolderError } from './seeds-folder-error.js';

/** File name of the stored index inside the data folder. */
export const INDEX_FILE = 'index.json';

/** What opening the stored index did. */
export interface LoadedIndex {
  data: IndexData;
  nlp: Nlp;
  /** Why it was rebuilt, or undefined when it was loaded as stored. */
  rebuilt?: 'missing' | 'corrupt' | 'unreadable' | 'schema' | 'seeds-changed' | 'forced';
  /** Warnings for the operator: skipped seeds, a corrupt file moved aside, a failed save. */
  warnings: string[];
  /** False when the rebuilt index could not be written (read-only or full disk): it still serves from memory. */
  saved: boolean;
  /** When it could not be written, why: the error's code ("EACCES", "ENOSPC") or its message. */
  saveError?: string;
}

export { SeedsFolderError };

/** Reads the seeds, or says in one line, naming SEEDS_DIR and not its value, why they give no corpus. */
function readSeedsFolder(seedsDir: string): SeedSet {
  let seeds: SeedSet;
  try {
    seeds = readSeeds(seedsDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SeedsFolderError(code === 'ENOENT' ? 'the seeds folder (SEEDS_DIR) does not exist' : code === 'ENOTDIR' ? 'SEEDS_DIR is not a folder' : `the seeds folder (SEEDS_DIR) cannot be read (${code ?? (err as Error).message})`);
  }
  if (seeds.files.length === 0) {
    // An empty or wrongly mounted folder would otherwise replace a whole corpus with none.
    const skipped = seeds.warnings.length > 0 ? ` (${seeds.warnings.join('; ')})` : '';
    throw new SeedsFolderError(`the seeds folder (SEEDS_DIR) has no .txt or .md file that can be read${skipped}; the stored index is left as it is`);
  }
  return seeds;
}

/** A minimal structural check: enough to refuse a truncated or foreign file without paying for a full schema parse. */
function looksLikeIndex(data: unknown): data is IndexData {
  const d = data as Partial<IndexData> | null;
  return typeof d === 'object' && d !== null && typeof d.schema === 'number' && typeof d.fingerprint === 'string' &&
    Array.isArray(d.documents) && Array.isArray(d.sentences) && Array.isArray(d.sentenceTerms) && Array.isArray(d.vocab) &&
    Array.isArray(d.sentenceFlags) && Array.isArray(d.headerTerms) && Array.isArray(d.sourceTerms) && d.sentences.length === d.sentenceTerms.length && typeof d.words === 'object';
}

/**
 * Loads the stored index when it matches the seeds and the schema, otherwise
 * builds it from the seeds and stores it. A corrupt file is moved aside first.
 */
export async function loadIndex(seedsDir: string, dataDir: string, options: { force?: boolean } = {}): Promise<LoadedIndex> {
  const seeds = readSeedsFolder(seedsDir);
  const nlp = createNlp(seeds.glossary);
  const path = join(dataDir, INDEX_FILE);
  const opened = await openJsonFile(path, looksLikeIndex);
  const warnings = [...seeds.warnings];
  if (!opened.ok && opened.problem === 'corrupt') warnings.push(`${INDEX_FILE} was unreadable${opened.movedTo ? `; moved aside to ${opened.movedTo}` : ''}; rebuilding`);
  if (!opened.ok && opened.problem === 'unreadable') warnings.push(`${INDEX_FILE} could not be read (${opened.code}); rebuilding`);
  let rebuilt: LoadedIndex['rebuilt'];
  if (options.force) rebuilt = 'forced';
  else if (!opened.ok) rebuilt = opened.problem;
  else if (opened.db.data.schema !== SCHEMA_VERSION) rebuilt = 'schema';
  else if (opened.db.data.fingerprint !== seeds.fingerprint) rebuilt = 'seeds-changed';
  if (!rebuilt && opened.ok) return { data: opened.db.data, nlp, warnings, saved: true };
  const data = buildIndex(seeds, nlp);
  const saveError = await saveIndex(dataDir, data, warnings);
  return { data, nlp, rebuilt, warnings, saved: saveError === undefined, ...(saveError !== undefined && { saveError }) };
}

/** Writes the index atomically; on failure adds a warning and returns why (the error's code or message; the caller serves from memory). */
export async function saveIndex(dataDir: string, data: IndexData, warnings: string[]): Promise<string | undefined> {
  try {
    mkdirSync(dataDir, { recursive: true });
    await writeJsonFile(join(dataDir, INDEX_FILE), data);
    return undefined;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    warnings.push(`could not save ${INDEX_FILE} (${why}); serving from memory`);
    return why;
  }
}
