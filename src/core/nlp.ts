import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { personSlug, type Glossary } from './glossary.js';

/** wink-nlp with the glossary's entities and people taught as custom entities. */
export interface Nlp {
  readonly nlp: ReturnType<typeof winkNLP>;
  readonly its: ReturnType<typeof winkNLP>['its'];
  readonly glossary: Glossary;
  /** Porter2 stemmer of the model, the one `its.stem` uses. */
  readonly stem: (word: string) => string;
  /** Exact token text → entity name, for forms that are also common words. */
  readonly exactForms: ReadonlyMap<string, string>;
  /** A person's slug (their entity name, see personSlug) → their glossary forms ("james brown", "james d.j. brown"…). */
  readonly personForms: ReadonlyMap<string, readonly string[]>;
}

/**
 * wink-eng-lite-web-model's `metaCER()` re-stringifies a module-level variable on
 * every call, so each new wink instance gets a doubly escaped custom-entity model:
 * patterns stop matching from the second instance and the 21st throws. The first
 * result is the right one; every instance gets it.
 */
const cerModel = model as unknown as { metaCER: () => unknown };
const firstMetaCER = cerModel.metaCER();
cerModel.metaCER = () => firstMetaCER;

/** Prefix of custom entity types that name a person. */
export const PERSON_TYPE = 'person:';

/**
 * Loads the wink model and teaches it the glossary. Takes ~150 ms: create one per
 * process and pass it around (corpus and questions must share it).
 */
export function createNlp(glossary: Glossary): Nlp {
  const nlp = winkNLP(model);
  const examples: Array<{ name: string; patterns: string[] }> = [];
  // A form with an apostrophe ("russia's ground forces") is found typed with either mark.
  const bothMarks = (forms: readonly string[]) => [...new Set(forms.flatMap((f) => [f, f.replace(/'/g, '’'), f.replace(/’/g, "'")]))];
  for (const [name, entity] of Object.entries(glossary.entities)) examples.push({ name, patterns: bothMarks(entity.forms) });
  const personForms = new Map<string, readonly string[]>();
  for (const person of glossary.people) {
    const slug = personSlug(person.name);
    personForms.set(slug, person.forms);
    examples.push({ name: PERSON_TYPE + slug, patterns: bothMarks([person.name.toLowerCase(), ...person.forms]) });
  }
  if (examples.length > 0) nlp.learnCustomEntities(examples, { matchValue: false, usePOS: false, useEntity: false });
  const exactForms = new Map<string, string>();
  for (const [name, entity] of Object.entries(glossary.entities)) for (const form of entity.exactForms ?? []) exactForms.set(form, name);
  const addons = (model as unknown as { addons: { stem: (w: string) => string } }).addons;
  return { nlp, its: nlp.its, glossary, stem: addons.stem, exactForms, personForms };
}
