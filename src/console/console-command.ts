import type { EngineHolder } from '../bot/engine-holder.js';
import type { ThreadTurn } from '../bot/bot-store.js';
import { combineFollowUp } from '../bot/follow-up.js';
import { QUESTION_OPTION_MAX } from '../config.js';
import { matchDocuments } from '../core/find-document.js';
import { answerToText } from '../format/answer-text.js';
import { questionTooLong } from '../format/no-answer.js';
import { smallTalk, smallTalkReply } from '../format/small-talk.js';
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
  'A short plain follow-up ("and Russia?", "who wrote it?") leans on your earlier plain question, as in a Discord thread (/ask lines stand alone).',
].join('\n');

/** Every option name of the slash commands, as people copy them from Discord ("question:why … results:5"). */
const ALL_OPTIONS = ['question', 'results', 'private', 'document'];
/** The options each command takes: another command's option name is text ("what does the key document: …"). */
const COMMAND_OPTIONS: Record<string, string[]> = { ask: ['question', 'results', 'private'], source: ['document'] };
/** What the console remembers between lines: the earlier questions a follow-up leans on. */
export interface ConsoleSession {
  turns: ThreadTurn[];
  /** How many questions are kept for follow-ups, as a Discord thread keeps them (THREAD_HISTORY; 0: none, no follow-ups). */
  history: number;
}

/**
 * A command's text, with Discord-style options read when it starts with one of `names`
 * ("question:why is NATO … results:5"); anything else is the text itself. A later option is read
 * when it is one of `names` and takes a value of its kind: a number after "results:", a bare word after "private:".
 */
export function readOptions(rest: string, names: readonly string[] = ALL_OPTIONS): { text: string; options: Record<string, string> } {
  const alternation = names.join('|');
  if (!new RegExp(`^(?:${alternation}):`, 'i').test(rest)) return { text: rest, options: {} };
  // A later "results:" is an option only with a number after it, "private:" with a bare word ("what were the election
  // results: who won?", "how were the results: announced?" and "what is kept private: secret?" are text),
  // and each option is read once.
  const seen = new Set<string>();
  const found = [...rest.matchAll(new RegExp(`(?:^|\\s)(${alternation}):`, 'gi'))].filter((m, i) => {
    const name = m[1]!.toLowerCase();
    const after = rest.slice(m.index + m[0].length);
    // The whole value, up to the next option name or the end: "results: 2 parties got seats?" is text.
    // A value of the option's kind: a number for "results:" (0 and 99 too, to be refused), a bare word for "private:".
    const value = (pattern: string) => new RegExp(`^\\s*(?:${pattern})\\s*(?:$|\\s(?:${alternation}):)`, 'i').test(after);
    const takes = i === 0 || (name === 'results' ? value('-?\\d+(?:[.,]\\d+)?') : name === 'private' ? value('[a-z]+') : true);
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

/** Why an option's value is refused, as Discord refuses it before sending; undefined when fine. */
function badOption(options: Record<string, string>): string | undefined {
  const results = options.results?.trim();
  if (results && !(/^\d+$/.test(results) && Number(results) >= 1 && Number(results) <= 5)) return `results: must be a whole number from 1 to 5 (you typed "${results}").`;
  const priv = options.private?.trim();
  if (priv && !/^(?:true|false|yes|no)$/i.test(priv)) return `private: must be true or false (you typed "${priv}").`;
  return undefined;
}

/** Runs one console line and returns the text to print (empty for a blank line). `session` keeps the questions a follow-up leans on. */
export async function runConsoleLine(line: string, engines: EngineHolder, session?: ConsoleSession, maxQuestionLength = QUESTION_OPTION_MAX): Promise<string> {
  const text = line.trim();
  if (!text) return '';
  const m = /^\/(\w+)\s*(.*)$/s.exec(text);
  const [command, typed] = m ? [m[1]!.toLowerCase(), m[2]!.trim()] : ['ask', text];
  const { text: rest, options } = m ? readOptions(typed, COMMAND_OPTIONS[command] ?? []) : { text: typed, options: {} as Record<string, string> };
  const engine = engines.engine;
  switch (command) {
    case 'ask': {
      const bad = badOption(options);
      if (bad) return bad;
      const k = options.results?.trim() ? Number(options.results) : 3;
      if (!rest) return 'usage: /ask <question>';
      // As on Discord, where the option's length is declared and checked: a long line is refused before it is read.
      const tooLong = questionTooLong(rest, maxQuestionLength);
      if (tooLong) return tooLong;
      const talk = m ? undefined : smallTalk(rest);
      if (talk) return smallTalkReply(talk, engine.documents.length);
      // A plain line is a message in a thread: a short follow-up leans on the questions before it.
      if (m || !session) return answerToText(engine.ask(rest, { k }));
      const { asked, followUp } = combineFollowUp(rest, session.turns, (t) => engine.namesIn(t));
      session.turns = session.history > 0 ? [...session.turns, { question: rest, asked, followUp }].slice(-session.history) : [];
      const answer = answerToText(engine.ask(asked, { k }));
      return followUp ? `(read with your earlier question: "${asked}")\n${answer}` : answer;
    }
    case 'sources':
      return sourcesToText(engine.documents);
    case 'source': {
      if (!rest.trim()) return 'usage: /source <file name, title, author or outlet> (/sources lists them)';
      const [doc, ...others] = matchDocuments(engine.documents, rest);
      if (!doc) return `No document matches "${rest}". Try /sources.`;
      const also = others.length > 0 ? `\n\nAlso matching "${rest}": ${others.map((d) => `${d.id} (${d.meta.title})`).join('; ')}.` : '';
      return sourceToText(doc, engine.summary(doc.id, 4)) + also;
    }
    case 'reindex': {
      const r = await engines.reindex();
      if (!r) return 'A reindex is already running.';
      return [`Reindexed ${r.documentsAfter} documents in ${r.ms} ms; sentences ${r.sentencesBefore} → ${r.sentencesAfter}.`,
        `added: ${r.added.join(', ') || 'none'}; removed: ${r.removed.join(', ') || 'none'}; changed: ${r.changed.join(', ') || 'none'}`,
        ...r.warnings.map((w) => `warning: ${w}`)].join('\n');
    }
    case 'stats':
      return '/stats is for admins on Discord: it counts the questions and votes the bot records, and the console records none.';
    case 'help':
      return CONSOLE_HELP;
    default:
      return `Unknown command /${command}.\n${CONSOLE_HELP}`;
  }
}
