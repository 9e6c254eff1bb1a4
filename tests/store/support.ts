/**
 * Helpers of the index-store tests. Each `loadIndex` call creates a wink-nlp
 * instance; wink-eng-lite-web-model re-stringifies a module-level model on every
 * instance (see tests/core/nlp.test.ts), so a test file must stay well under
 * ~16 calls or it slows down exponentially and then throws. The store tests are
 * therefore split over two files.
 */
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexData } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { INDEX_FILE, type LoadedIndex } from '../../src/store/index-store.js';
import { tempDir, tinyCopy } from '../core/support.js';

export const isRoot = process.getuid?.() === 0;
export const QUESTIONS = [
  'How much did the ferry terminal cost?',
  'When did varroa mites kill the hives?',
  'What did the NOS replace at the observatory?',
  'what time does the football match start',
];

/** What an engine over a loaded index answers, in a comparable form. */
export function answersOf(loaded: LoadedIndex) {
  const engine = new Engine(loaded.data, loaded.nlp);
  return QUESTIONS.map((q) => {
    const a = engine.ask(q);
    return { kind: a.kind, hits: (a.kind === 'answered' ? a.hits : a.nearMisses).map((h) => [h.sentence.doc, h.sentence.start, h.sentence.end, h.score]) };
  });
}

/** A temporary copy of the tiny corpus and a temporary data folder (not yet created). */
export function storeDirs(label: string) {
  const seeds = tinyCopy(`${label}-seeds`);
  const data = tempDir(`${label}-data`);
  const dataDir = join(data.path, 'data');
  return {
    seedsDir: seeds.path,
    root: data.path,
    dataDir,
    indexPath: join(dataDir, INDEX_FILE),
    stored: () => JSON.parse(readFileSync(join(dataDir, INDEX_FILE), 'utf8')) as IndexData,
    cleanup: () => {
      try {
        chmodSync(dataDir, 0o755);
      } catch {
        // never made read-only
      }
      seeds.cleanup();
      data.cleanup();
    },
  };
}
