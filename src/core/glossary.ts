import { readFileSync } from 'node:fs';
import { firstIssue } from './schema-problem.js';
import { z } from 'zod';
import { escapeRegExp } from './terms.js';

const entitySchema = z.object({
  kind: z.string(),
  forms: z.array(z.string().min(1)).min(1),
  /** Forms matched on the exact token text only, for those that are also common words ("US" / "us"). */
  exactForms: z.array(z.string().min(1)).optional(),
  /** Forms of a country that name a city in it, its capital ("tokyo"): a place within the country, not the country. */
  cities: z.array(z.string().min(1)).optional(),
  /** Larger entities this one belongs to ("tajikistan" → "central-asia"): naming it names them too, but not the other way round. */
  partOf: z.array(z.string().min(1)).optional(),
  /** Whom an organisation acts for ("jasdf" → "japan"): "Japan scrambled jets" says what the JASDF did. Read by the answer checks only. */
  actsFor: z.array(z.string().min(1)).optional(),
  /** Added from the world list ({@link withWorldEntities}), not the corpus's own: the words of its longer forms ("world bank") are no name words. */
  general: z.boolean().optional(),
});

const glossarySchema = z.object({
  entities: z.record(z.string(), entitySchema).default({}),
  people: z.array(z.object({
    name: z.string().min(1),
    forms: z.array(z.string().min(1)),
    /** Entities the person speaks for ("Qin Gang" → china, foreign-ministry): what they say, these say. */
    speaksFor: z.array(z.string().min(1)).optional(),
    /** The country the person is of ("Jens Stoltenberg" → norway): "the Norwegian secretary-general" names him. Read by the answer checks only. */
    nationality: z.string().min(1).optional(),
  })).default([]),
  rewrites: z.array(z.object({ from: z.string().min(1), to: z.string(), why: z.string().optional() })).default([]),
}).superRefine((g, ctx) => {
  for (const [name, entity] of Object.entries(g.entities)) {
    for (const city of entity.cities ?? []) if (!entity.forms.includes(city)) ctx.addIssue({ code: 'custom', message: `entity "${name}" lists the city "${city}", which is not one of its forms`, path: ['entities', name, 'cities'] });
    for (const whole of entity.partOf ?? []) if (!(whole in g.entities)) ctx.addIssue({ code: 'custom', message: `entity "${name}" is part of "${whole}", which is not an entity`, path: ['entities', name, 'partOf'] });
    for (const whom of entity.actsFor ?? []) if (!(whom in g.entities)) ctx.addIssue({ code: 'custom', message: `entity "${name}" acts for "${whom}", which is not an entity`, path: ['entities', name, 'actsFor'] });
  }
  g.people.forEach((person, i) => {
    for (const whom of person.speaksFor ?? []) if (!(whom in g.entities)) ctx.addIssue({ code: 'custom', message: `"${person.name}" speaks for "${whom}", which is not an entity`, path: ['people', i, 'speaksFor'] });
    if (person.nationality !== undefined && g.entities[person.nationality]?.kind !== 'country') ctx.addIssue({ code: 'custom', message: `"${person.name}" is of "${person.nationality}", which is not a country entity`, path: ['people', i, 'nationality'] });
  });
});

/** Curated corpus knowledge: entity aliases, people, and the corpus's own oddities. */
export type Glossary = z.infer<typeof glossarySchema>;

/** The glossary to use when a corpus has none. */
export const emptyGlossary: Glossary = { entities: {}, people: [], rewrites: [] };

/**
 * Reads and validates a glossary file.
 * @throws Error prefixed `glossary:` when the file is not valid.
 */
export function readGlossary(path: string): Glossary {
  const parsed = glossarySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  // Its first issue, not the path: that is SEEDS_DIR's value.
  if (!parsed.success) throw new Error(firstIssue(parsed.error));
  return parsed.data;
}

/** The shipped list of countries (names and demonyms, no capitals) and international organisations: general knowledge, data. */
export const WORLD_ENTITIES_FILE = new URL('./world-entities.json', import.meta.url);
/** The world list as read once: its entities, its areas (lower case) for {@link isLargeArea}, its cities (lower case, with their country) and those by first word for {@link worldCitiesNamed}. */
let world: { entities: Record<string, z.infer<typeof entitySchema>>; areas: Set<string>; cities: Array<[string, string]>; citiesByFirstWord: Map<string, Array<[string, string]>> } | undefined;

/**
 * The slugs of the world list that none of `texts` (the corpus) mentions: no form has all its words in it
 * (conservative for phrases: "united … nations" counts as the UN), exact forms matched as written.
 */
export function absentWorldEntities(texts: Iterable<string>): string[] {
  const entries = Object.entries(worldEntities());
  const wordsOf = (form: string) => form.match(/\p{L}+/gu) ?? [];
  const wanted = new Set(entries.flatMap(([, e]) => e.forms.flatMap(wordsOf)).map((w) => w.toLowerCase()));
  const wantedExact = new Set(entries.flatMap(([, e]) => (e.exactForms ?? []).flatMap(wordsOf)));
  const found = new Set<string>();
  const foundExact = new Set<string>();
  for (const text of texts) {
    for (const [w] of text.matchAll(/[A-Za-z]{2,}/g)) {
      const lower = w.toLowerCase();
      if (wanted.has(lower)) found.add(lower);
      if (lower !== w && wantedExact.has(w)) foundExact.add(w);
    }
  }
  const mentioned = (form: string, exact: boolean) => wordsOf(form).every((w) => (exact ? foundExact.has(w) : found.has(w.toLowerCase())));
  return entries.filter(([, e]) => !e.forms.some((f) => mentioned(f, false)) && !(e.exactForms ?? []).some((f) => mentioned(f, true))).map(([slug]) => slug);
}

/** Where a text names a glossary entity or person: its name (a person's by {@link personSlug}), kind ("person" for people) and character span. */
export interface EntitySpan {
  readonly entity: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  /** Named by a demonym ("Russian", "French"), as the world list gives them: an adjective, where "Russia" is a noun. */
  readonly demonym: boolean;
}

interface FormPattern {
  readonly re: RegExp;
  readonly entity: string;
  readonly kind: string;
  readonly demonym: boolean;
}
/** Per glossary: one pattern per form, compiled once (a follow-up is read against every form). */
const formPatterns = new WeakMap<Glossary, FormPattern[]>();

function patternsOf(glossary: Glossary): FormPattern[] {
  let patterns = formPatterns.get(glossary);
  if (patterns) return patterns;
  const demonyms = new Set(Object.values(worldEntities()).flatMap((e) => e.forms.slice(1).filter((f) => f.length > 3 && !f.includes(' '))));
  const pattern = (form: string, entity: string, kind: string, exact: boolean): FormPattern => ({
    // An apostrophe matches either mark: "russia's" and "russia’s".
    re: new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(form).replace(/['’]/g, "['’]")}(?![\p{L}\p{N}])`, exact ? 'gu' : 'giu'),
    entity,
    kind,
    demonym: demonyms.has(form.toLowerCase()),
  });
  patterns = [
    ...Object.entries(glossary.entities).flatMap(([name, e]) => [...e.forms.map((f) => pattern(f, name, e.kind, false)), ...(e.exactForms ?? []).map((f) => pattern(f, name, e.kind, true))]),
    ...glossary.people.flatMap((p) => [p.name, ...p.forms].map((f) => pattern(f, personSlug(p.name), 'person', false))),
  ];
  formPatterns.set(glossary, patterns);
  return patterns;
}

/**
 * The glossary entities and people a text names, by their forms as whole words (exact forms as written), in text
 * order; where forms overlap, the longer one ("South Korea", not "Korea").
 */
export function entitySpans(text: string, glossary: Glossary): EntitySpan[] {
  const found: EntitySpan[] = [];
  for (const { re, entity, kind, demonym } of patternsOf(glossary)) for (const m of text.matchAll(re)) found.push({ entity, kind, start: m.index, end: m.index + m[0].length, demonym });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: EntitySpan[] = [];
  for (const s of found) if (!spans.some((t) => s.start < t.end && t.start < s.end)) spans.push(s);
  return spans;
}

/** The text's words, one space between each and one at each end, so that ` ${form} ` finds a whole form in it (an apostrophe typed either way: forms are written with a straight one). */
export function spacedWords(text: string): string {
  return ` ${text.replace(/’/g, "'").replace(/[^\p{L}\p{N}.'-]+/gu, ' ')} `;
}

/**
 * The world list's entities a text names by one of their forms (whole words; exact forms as written), with those
 * forms: "what did Australia say…" names Australia even when the glossary does not define it.
 */
export function worldEntitiesNamed(text: string): Array<{ slug: string; kind: string; forms: string[] }> {
  const lower = spacedWords(text.toLowerCase());
  const spaced = spacedWords(text);
  return Object.entries(worldEntities())
    .filter(([, e]) => e.forms.some((f) => lower.includes(` ${f} `)) || (e.exactForms ?? []).some((f) => spaced.includes(` ${f} `)))
    .map(([slug, e]) => ({ slug, kind: e.kind, forms: [...e.forms, ...(e.exactForms ?? [])] }));
}

/**
 * The capitalised name ("Pacific", "Northeast Asia") is an area larger than a country, from the world list's
 * `areas`: a continent, an ocean or a sea, a compass region. For the place checks only; such areas are no entities.
 */
export function isLargeArea(name: string): boolean {
  return worldList().areas.has(name.toLowerCase().replace(/\s+/g, ' ').trim());
}

/**
 * The country (a world-list slug) of a city of the world list's `cities` that the name holds as whole words
 * ("in Madrid" → "spain"), or undefined. For the place checks only: a city is no entity and adds no terms.
 */
export function worldCityCountry(name: string): string | undefined {
  const spaced = spacedWords(name.toLowerCase());
  return worldList().cities.find(([city]) => spaced.includes(` ${city} `))?.[1];
}

/**
 * Each city of the world list's `cities` that the text holds as whole words, with its country's slug and the
 * country's first form ("baghdad" → iraq, "iraq"). For the question's terms: a city the corpus never names stands
 * for its country.
 */
export function worldCitiesNamed(text: string): Array<{ city: string; country: string; name: string }> {
  const spaced = spacedWords(text.toLowerCase());
  // Looked up by the text's words (every question is read so), not by scanning the whole list.
  const byFirstWord = worldList().citiesByFirstWord;
  const found = new Set(spaced.split(' ').flatMap((w) => byFirstWord.get(w) ?? []).filter(([city]) => spaced.includes(` ${city} `)));
  return [...found].map(([city, country]) => ({ city, country, name: worldEntities()[country]?.forms[0] ?? country }));
}

function worldList(): NonNullable<typeof world> {
  if (!world) {
    const read = z
      .object({ entities: z.record(z.string(), entitySchema), areas: z.array(z.string()), cities: z.record(z.string(), z.array(z.string().min(1))) })
      .parse(JSON.parse(readFileSync(WORLD_ENTITIES_FILE, 'utf8')));
    const cities = Object.entries(read.cities).flatMap(([country, names]) => names.map((c): [string, string] => [c.toLowerCase(), country]));
    const citiesByFirstWord = new Map<string, Array<[string, string]>>();
    for (const entry of cities) {
      const first = entry[0].split(' ')[0]!;
      citiesByFirstWord.set(first, [...(citiesByFirstWord.get(first) ?? []), entry]);
    }
    world = { entities: read.entities, areas: new Set(read.areas), cities, citiesByFirstWord };
  }
  return world;
}

function worldEntities(): Record<string, z.infer<typeof entitySchema>> {
  return worldList().entities;
}

/**
 * The glossary with the countries and international organisations of {@link WORLD_ENTITIES_FILE} named in
 * `slugs` (at build time {@link absentWorldEntities}: those the corpus never mentions; a shard reads the list the
 * index was built with) that the glossary does not define. A question naming one ("what did Germany say about…")
 * is then known to name something the corpus lacks, and the answer check on names declines it. What the corpus
 * mentions is left to its own glossary: a country it names but the glossary lacks reads as before. A form the
 * glossary already gives an entity or a person is not added.
 */
export function withWorldEntities(glossary: Glossary, slugs: readonly string[]): Glossary {
  const all = worldEntities();
  const taken = new Set<string>();
  for (const e of Object.values(glossary.entities)) for (const f of [...e.forms, ...(e.exactForms ?? [])]) taken.add(f.toLowerCase());
  for (const p of glossary.people) for (const f of p.forms) taken.add(f.toLowerCase());
  const entities = { ...glossary.entities };
  for (const slug of slugs) {
    const entity = all[slug];
    if (entity === undefined || slug in entities) continue;
    const forms = entity.forms.filter((f) => !taken.has(f.toLowerCase()));
    const exactForms = (entity.exactForms ?? []).filter((f) => !taken.has(f.toLowerCase()));
    if (forms.length > 0) entities[slug] = { kind: entity.kind, forms, ...(exactForms.length > 0 && { exactForms }), general: true };
  }
  return { ...glossary, entities };
}

/** The slug used in entity terms for a person's name: "Yoshimasa Hayashi" → "yoshimasa-hayashi". */
export const personSlug = (name: string): string =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
