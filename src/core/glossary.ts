import { readFileSync } from 'node:fs';
import { z } from 'zod';

const entitySchema = z.object({
  kind: z.string(),
  forms: z.array(z.string().min(1)).min(1),
  /** Forms matched on the exact token text only, for those that are also common words ("US" / "us"). */
  exactForms: z.array(z.string().min(1)).optional(),
  /** Larger entities this one belongs to ("tajikistan" → "central-asia"): naming it names them too, but not the other way round. */
  partOf: z.array(z.string().min(1)).optional(),
});

const glossarySchema = z.object({
  entities: z.record(z.string(), entitySchema).default({}),
  people: z.array(z.object({
    name: z.string().min(1),
    forms: z.array(z.string().min(1)),
    /** Entities the person speaks for ("Qin Gang" → china, foreign-ministry): what they say, these say. */
    speaksFor: z.array(z.string().min(1)).optional(),
  })).default([]),
  rewrites: z.array(z.object({ from: z.string().min(1), to: z.string(), why: z.string().optional() })).default([]),
}).superRefine((g, ctx) => {
  for (const [name, entity] of Object.entries(g.entities))
    for (const whole of entity.partOf ?? []) if (!(whole in g.entities)) ctx.addIssue({ code: 'custom', message: `entity "${name}" is part of "${whole}", which is not an entity`, path: ['entities', name, 'partOf'] });
  g.people.forEach((person, i) => {
    for (const whom of person.speaksFor ?? []) if (!(whom in g.entities)) ctx.addIssue({ code: 'custom', message: `"${person.name}" speaks for "${whom}", which is not an entity`, path: ['people', i, 'speaksFor'] });
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
  if (!parsed.success) throw new Error(`glossary: ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** The shipped list of countries (name, demonym, capital) and international organisations: general knowledge, data. */
export const WORLD_ENTITIES_FILE = new URL('./world-entities.json', import.meta.url);
let world: Record<string, z.infer<typeof entitySchema>> | undefined;

/** The lower-case words of some texts, for {@link withWorldEntities}. */
export function wordsOf(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const text of texts) for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) out.add(w);
  return out;
}

/**
 * The glossary with the countries and international organisations of {@link WORLD_ENTITIES_FILE} that the
 * corpus never mentions (no form of theirs has all its words among `corpusWords`) and the glossary does not
 * define. A question naming one ("what did Germany say about…") is then known to name something the corpus
 * lacks, and the answer check on names declines it. What the corpus mentions is left to its own glossary:
 * a country it names but the glossary lacks reads as before.
 */
export function withWorldEntities(glossary: Glossary, corpusWords: ReadonlySet<string>): Glossary {
  world ??= z.object({ entities: z.record(z.string(), entitySchema) }).parse(JSON.parse(readFileSync(WORLD_ENTITIES_FILE, 'utf8'))).entities;
  const taken = new Set<string>();
  for (const e of Object.values(glossary.entities)) for (const f of [...e.forms, ...(e.exactForms ?? [])]) taken.add(f.toLowerCase());
  for (const p of glossary.people) for (const f of p.forms) taken.add(f.toLowerCase());
  const mentioned = (form: string) => (form.toLowerCase().match(/\p{L}+/gu) ?? []).every((w) => corpusWords.has(w));
  const entities = { ...glossary.entities };
  for (const [slug, entity] of Object.entries(world)) {
    if (slug in entities || [...entity.forms, ...(entity.exactForms ?? [])].some(mentioned)) continue;
    const forms = entity.forms.filter((f) => !taken.has(f.toLowerCase()));
    const exactForms = (entity.exactForms ?? []).filter((f) => !taken.has(f.toLowerCase()));
    if (forms.length > 0) entities[slug] = { kind: entity.kind, forms, ...(exactForms.length > 0 && { exactForms }) };
  }
  return { ...glossary, entities };
}

/** The slug used in entity terms for a person's name: "Yoshimasa Hayashi" → "yoshimasa-hayashi". */
export const personSlug = (name: string): string =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
