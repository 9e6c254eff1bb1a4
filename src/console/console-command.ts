import type { EngineHolder } from '../bot/engine-holder.js';
import { answerToText } from '../format/answer-text.js';
import { sourcesToText, sourceToText } from '../format/sources-text.js';

/** Help of the local console. */
export const CONSOLE_HELP = [
  'Type a question, or:',
  '  /ask <question>     the same as typing the question',
  '  /sources            the indexed documents',
  '  /source <id|title>  one document and its most important sentences',
  '  /reindex            rebuild the index from the seeds',
  '  /help               this text',
].join('\n');

/** Runs one console line and returns the text to print (empty for a blank line). */
export async function runConsoleLine(line: string, engines: EngineHolder): Promise<string> {
  const text = line.trim();
  if (!text) return '';
  const m = /^\/(\w+)\s*(.*)$/s.exec(text);
  const [command, rest] = m ? [m[1]!.toLowerCase(), m[2]!.trim()] : ['ask', text];
  const engine = engines.engine;
  switch (command) {
    case 'ask':
      return rest ? answerToText(engine.ask(rest)) : 'usage: /ask <question>';
    case 'sources':
      return sourcesToText(engine.documents);
    case 'source': {
      const wanted = rest.toLowerCase();
      const doc = engine.documents.find((d) => d.id.toLowerCase() === wanted) ?? engine.documents.find((d) => wanted && (d.id.toLowerCase().includes(wanted) || d.meta.title.toLowerCase().includes(wanted)));
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
