import type { EngineHolder } from '../bot/engine-holder.js';
import { matchDocuments } from '../core/find-document.js';
import { answerToText } from '../format/answer-text.js';
import { sourcesToText, sourceToText } from '../format/sources-text.js';

/** Help of the local console. */
export const CONSOLE_HELP = [
  'Type a question, or:',
  '  /ask <question>     the same as typing the question; Discord\'s form works too:',
  '                      /ask question:<text> results:<1-5>',
  '  /sources            the indexed documents',
  '  /source <id|title>  one document and its most important sentences (or document:<id|title>)',
  '  /reindex            rebuild the index from the seeds',
  '  /help               this text',
].join('\n');

/** Option names of the slash commands, as people copy them from Discord ("question:why … results:5"). */
const OPTION = /(?:^|\s)(question|results|private|document):/gi;

/**
 * A command's text, with Discord-style options read when it starts with one
 * ("question:why is NATO … results:5"); anything else is the text itself.
 */
export function readOptions(rest: string): { text: string; options: Record<string, string> } {
  if (!/^(question|results|private|document):/i.test(rest)) return { text: rest, options: {} };
  // A later "results:" is an option only with a value it takes ("what were the election results: who won?" is text),
  // and each option is read once.
  const seen = new Set<string>();
  const found = [...rest.matchAll(OPTION)].filter((m, i) => {
    const name = m[1]!.toLowerCase();
    const after = rest.slice(m.index + m[0].length);
    // The whole value, up to the next option name or the end: "results: 2 parties got seats?" is text.
    const value = (pattern: string) => new RegExp(`^\\s*(?:${pattern})\\s*(?:$|\\s(?:question|results|private|document):)`, 'i').test(after);
    const takes = i === 0 || (name === 'results' ? value('\\d+') : name === 'private' ? value('true|false|yes|no') : true);
    if (!takes || seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  const options: Record<string, string> = {};
  found.forEach((m, i) => {
    options[m[1]!.toLowerCase()] = rest.slice(m.index + m[0].length, found[i + 1]?.index ?? rest.length).trim();
  });
  return { text: options.question ?? options.document ?? '', options };
}

/** Runs one console line and returns the text to print (empty for a blank line). */
export async function runConsoleLine(line: string, engines: EngineHolder): Promise<string> {
  const text = line.trim();
  if (!text) return '';
  const m = /^\/(\w+)\s*(.*)$/s.exec(text);
  const [command, typed] = m ? [m[1]!.toLowerCase(), m[2]!.trim()] : ['ask', text];
  const { text: rest, options } = m ? readOptions(typed) : { text: typed, options: {} as Record<string, string> };
  const engine = engines.engine;
  switch (command) {
    case 'ask': {
      const results = options.results?.trim() ? Number(options.results) : Number.NaN;
      const k = Number.isInteger(results) ? Math.max(1, Math.min(5, results)) : 3;
      return rest ? answerToText(engine.ask(rest, { k })) : 'usage: /ask <question>';
    }
    case 'sources':
      return sourcesToText(engine.documents);
    case 'source': {
      const doc = rest.trim() ? matchDocuments(engine.documents, rest)[0] : undefined;
      return doc ? sourceToText(doc, engine.summary(doc.id, 4)) : `No document matches "${rest}". Try /sources.`;
    }
    case 'reindex': {
      const r = await engines.reindex();
      if (!r) return 'A reindex is already running.';
      return [`Reindexed ${r.documentsAfter} documents in ${r.ms} ms; sentences ${r.sentencesBefore} → ${r.sentencesAfter}.`,
        `added: ${r.added.join(', ') || 'none'}; removed: ${r.removed.join(', ') || 'none'}; changed: ${r.changed.join(', ') || 'none'}`,
        ...r.warnings.map((w) => `warning: ${w}`)].join('\n');
    }
    case 'help':
      return CONSOLE_HELP;
    default:
      return `Unknown command /${command}.\n${CONSOLE_HELP}`;
  }
}
