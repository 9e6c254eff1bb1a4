import { entitySpans, type Glossary } from './glossary.js';
import type { Sentence } from './types.js';

/**
 * Labelled lists: runs of lines that each open with a short capitalised label naming who or what the line is
 * about, then a colon ("PAKISTAN: Gets more activity in Gwadar", "CHINA-JAPAN: A boost in mutual trade"), as
 * forum posters and briefings write a breakdown. The label is the line's subject: "what would Pakistan get" is
 * answered by the line labelled Pakistan, whatever words the other lines share with the question.
 */

/** A label: up to four capitalised words (hyphens joining names), an optional bracketed short form, then a colon and text. */
const LABEL = /^(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}(?:\s*\(\p{Lu}[\p{L}\s.-]*\))?)\s*:\s+\S/u;
/** True for a line that opens with a label (cheap: no glossary patterns, which take a while to build). */
export function hasLabel(text: string): boolean {
  return LABEL.test(text);
}

/** A list has at least this many labelled lines in a row. */
const MIN_LINES = 3;

export interface ListLine {
  /** The first sentence id of the line's list: lines with the same list are siblings. */
  list: number;
  /** The entities its label names. */
  entities: ReadonlySet<string>;
}

/** The labelled lines of the corpus by sentence id: runs of {@link MIN_LINES} or more, in one document and of one kind, each label naming an entity. */
export function labelledLists(sentences: readonly Sentence[], glossary: Glossary): Map<number, ListLine> {
  const out = new Map<number, ListLine>();
  let run: Array<[number, Set<string>]> = [];
  const close = () => {
    if (run.length >= MIN_LINES) for (const [id, entities] of run) out.set(id, { list: run[0]![0], entities });
    run = [];
  };
  for (const s of sentences) {
    const label = LABEL.exec(s.text)?.[1];
    const entities = label === undefined ? undefined : new Set(entitySpans(label, glossary).map((e) => e.entity));
    const last = run.length > 0 ? sentences[run[run.length - 1]![0]] : undefined;
    if (last !== undefined && (entities === undefined || entities.size === 0 || last.doc !== s.doc || last.kind !== s.kind || last.id !== s.id - 1)) close();
    if (entities !== undefined && entities.size > 0) run.push([s.id, entities]);
  }
  close();
  return out;
}

/** Words that open a question of their own, as an alternation. */
const QUESTION_WORDS = "what|whats|what's|who|which|how|why|where|when";
/** A fronted phrase before the question ("in that CPEC comment, what would…"), itself no question. */
const FRONTED_PHRASE = new RegExp(String.raw`^(?!\s*(?:${QUESTION_WORDS})\b)[^?]*?(?:,|\s[–—-])\s*(?=(?:${QUESTION_WORDS}|did|does|do|is|are|was|were|would|will|can|could)\b)`, 'i');

/**
 * What the question asks about, as entities: its words without sentences of context before it, without a fronted
 * phrase that says where to look ("in that CPEC comment, what would…") and without a condition ("…if Japan
 * joined?"). Entities of those parts may appear in a label, but do not choose it.
 */
export function mainClauseEntities(question: string, glossary: Glossary): Set<string> {
  const main = question
    // Sentences of context before the question ("the cpec guy made a list of what everyone gets. what's the…").
    .replace(/^(?:[^?.!]*[.!]\s+)+(?=[^?]*\?)/, '')
    // A fronted phrase, not a question of its own ("what's the china-japan line, what do those two get?" keeps it).
    .replace(FRONTED_PHRASE, '')
    .replace(/\b(?:if|unless|once|provided)\b[^,;?]*/gi, ' ')
    // "What does Pakistan get out of Japan joining?": who does the joining is no part of what is asked.
    .replace(/\b(?:out of|from|by|after|with)\s+[\p{L}’'-]+(?:\s+[\p{L}’'-]+)?\s+\p{L}+ing\b/giu, ' ');
  return new Set(entitySpans(main, glossary).map((e) => e.entity));
}

/**
 * The line of a labelled list that answers the question, when the list is among the first `depth` ranked
 * sentences and the question names something of the list besides what it asks about: the line whose label names every entity the question asks about and none the question does not name,
 * the shortest such label first, then the earlier line. Lines outside the ranking count too: a sibling may share no
 * rarer word with the question ("CHINA-JAPAN: A boost in mutual trade"). Undefined when no line fits.
 */
export function listLineFor(question: string, ranked: ReadonlyArray<{ sentence: number }>, lines: ReadonlyMap<number, ListLine>, glossary: Glossary, depth: number): { line: number; ranked: number } | undefined {
  const at = ranked.slice(0, depth).findIndex((r) => lines.has(r.sentence));
  if (at < 0) return undefined;
  const list = lines.get(ranked[at]!.sentence)!.list;
  const asked = mainClauseEntities(question, glossary);
  if (asked.size === 0) return undefined;
  const named = new Set(entitySpans(question, glossary).map((e) => e.entity));
  // The question points at the list: it names, besides what it asks about, something another label names ("in that
  // CPEC comment, what would Pakistan get…"). "Where does Japan rank as an economy" only shares Japan with a label.
  const labels = new Set<string>();
  for (let id = list; lines.get(id)?.list === list; id++) for (const e of lines.get(id)!.entities) labels.add(e);
  if (![...named].some((e) => !asked.has(e) && labels.has(e))) return undefined;
  let best: { sentence: number; size: number } | undefined;
  for (let id = list; lines.get(id)?.list === list; id++) {
    const line = lines.get(id)!;
    if (![...asked].every((e) => line.entities.has(e)) || ![...line.entities].every((e) => named.has(e))) continue;
    if (best === undefined || line.entities.size < best.size) best = { sentence: id, size: line.entities.size };
  }
  return best === undefined ? undefined : { line: best.sentence, ranked: at };
}
