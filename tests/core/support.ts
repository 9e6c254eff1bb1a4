/**
 * Shared helpers of the core, store and format tests: where the corpora are,
 * temporary folders, and the tiny fixture corpus's known sentences.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIndex, type IndexData } from '../../src/core/build-index.js';
import { Engine } from '../../src/core/engine.js';
import { readSeeds } from '../../src/core/ingest.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The real corpus. */
export const SEEDS_DIR = join(ROOT, 'seeds');
/** Three short articles with known answers, and a glossary with aliases. */
export const TINY_DIR = join(ROOT, 'tests/fixtures/tiny-corpus');

/** File name of the real seed whose name starts with `prefix` ("002" → "002_87ed….txt"). */
export function seedName(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((n) => n.startsWith(`${prefix}_`) && n.endsWith('.txt'));
  if (name === undefined) throw new Error(`no seed ${prefix}_*.txt in ${SEEDS_DIR}`);
  return name;
}

/** Text of a real seed, as `readSeeds` decodes it. */
export function seedText(prefix: string): string {
  return readFileSync(join(SEEDS_DIR, seedName(prefix)), 'utf8');
}

/** The real seed prefixes, in file order. */
export const SEED_PREFIXES = ['000', '001', '002', '003', '004'] as const;

/** A fresh temporary folder; `cleanup` removes it whatever it holds. */
export function tempDir(label: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `jrb-${label}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Copies the tiny corpus into a new temporary folder. */
export function tinyCopy(label: string): { path: string; cleanup: () => void } {
  const dir = tempDir(label);
  cpSync(TINY_DIR, dir.path, { recursive: true });
  return dir;
}

/** Reads and indexes a seeds folder with a given NLP instance. */
export function indexOf(dir: string, nlp: Nlp): IndexData {
  return buildIndex(readSeeds(dir), nlp);
}

/** An engine over a seeds folder. */
export function engineOf(dir: string, nlp: Nlp): Engine {
  return new Engine(indexOf(dir, nlp), nlp);
}

let seedsEngineOnce: Engine | undefined;
/** The engine over the shipped seeds and their own glossary, built on first use and shared by a test file's tests (a build takes about a second). */
export function seedsEngine(): Engine {
  if (seedsEngineOnce === undefined) {
    const seeds = readSeeds(SEEDS_DIR);
    const nlp = createNlp(seeds.glossary);
    seedsEngineOnce = new Engine(buildIndex(seeds, nlp), nlp);
  }
  return seedsEngineOnce;
}

/** Sentences of the tiny corpus, checked by reading tests/fixtures/tiny-corpus/*.txt. */
export const TINY = {
  ferryDoc: 'a_ferry.txt',
  beesDoc: 'b_bees.txt',
  observatoryDoc: 'c_observatory.txt',
  ferryTitle: 'Port Elwen opens its new ferry terminal',
  beesTitle: 'Valley beekeepers found a honey cooperative',
  observatoryTitle: 'Observatory reopens after telescope repair',
  opened: 'The town of Port Elwen opened its new ferry terminal on Monday after four years of construction.',
  cost: 'The terminal cost 42 million euros and can handle 3,000 passengers a day.',
  mayor: 'Mayor Ines Carvalho said the terminal would bring tourists back to the old harbour.',
  announced: 'The mayor announced that the Nordic Optical Society will build a small observatory near the terminal.',
  ferries: 'Ferries to the island of Skellig Mor will leave every two hours from June.',
  founded: 'Twelve beekeepers in the Alder Valley founded a honey cooperative in 2019.',
  market: 'The cooperative sells its honey in glass jars at the Saturday market in Lindholm.',
  mites: 'Varroa mites killed nearly a third of the hives during the winter of 2022.',
  losses: 'The losses alarmed the cooperative, which called for a ban on importing queens.',
  treat: 'The beekeepers now treat their colonies with oxalic acid every December.',
  harvest: 'The chairwoman of the cooperative, Greta Holm, expects the harvest to double next year.',
  kitchen: 'Holm sold the first jars from her own kitchen.',
  beesByline: 'by Anna Schmidt',
  reopened: 'The Kestrel Hill Observatory reopened to visitors on 14 May 2023.',
  telescope: 'Its main telescope, a reflector with a mirror of 1.2 metres, had been out of service since a lightning strike damaged the mirror motor.',
  director: 'Its director, speaking for the Kestrel Hill Observatory, said: “Port Elwen sends us most of our visitors.”',
  warned: 'Last spring the cooperative warned Port Elwen that the new ferries frighten the bees.',
  engineers: 'Engineers from the Nordic Optical Society replaced the motor and recalibrated the mirror.',
} as const;
