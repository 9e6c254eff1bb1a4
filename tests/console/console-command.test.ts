import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineHolder } from '../../src/bot/engine-holder.js';
import { readGlossary } from '../../src/core/glossary.js';
import { createNlp } from '../../src/core/nlp.js';
import { readOptions, runConsoleLine } from '../../src/console/console-command.js';
import { engineOf, TINY, TINY_DIR } from '../core/support.js';

let engines: EngineHolder;

beforeAll(() => {
  const engine = engineOf(TINY_DIR, createNlp(readGlossary(join(TINY_DIR, 'glossary.json'))));
  engines = new EngineHolder(engine, async () => ({ engine, warnings: [], saved: true }));
});

/** Quoted sentences of a console answer, in order. */
const quotes = (out: string) => [...out.matchAll(/^\d+\. “(.*)”$/gm)].map((m) => m[1]);

describe('readOptions: Discord-style options typed into the console', () => {
  it.each([
    ['question:How much did the ferry terminal cost? results:2', 'How much did the ferry terminal cost?', { question: 'How much did the ferry terminal cost?', results: '2' }],
    ['results:1 question:why', 'why', { results: '1', question: 'why' }],
    ['document:bees', 'bees', { document: 'bees' }],
    ['How much is a question: with a colon?', 'How much is a question: with a colon?', {}],
    // Option names inside the question are text unless they take a value of their kind.
    ['question:what were the election results: who won?', 'what were the election results: who won?', { question: 'what were the election results: who won?' }],
    ['question:is it private: or public? private:true', 'is it private: or public?', { question: 'is it private: or public?', private: 'true' }],
    ['question:why question:again results:2', 'why question:again', { question: 'why question:again', results: '2' }],
    ['question: how many results: 2 parties got seats?', 'how many results: 2 parties got seats?', { question: 'how many results: 2 parties got seats?' }],
    ['question:how many results: 2 private:false', 'how many', { question: 'how many', results: '2', private: 'false' }],
  ])('%j', (typed, text, options) => expect(readOptions(typed)).toEqual({ text, options }));
});

describe('runConsoleLine: the local console', () => {
  it('/ask question:… answers the question, not "question:…"', async () => {
    const plain = await runConsoleLine('/ask How much did the ferry terminal cost?', engines);
    expect(await runConsoleLine('/ask question:How much did the ferry terminal cost?', engines)).toBe(plain);
    expect(quotes(plain)[0]).toBe(TINY.cost);
  });

  it('results:N sets how many sentences, 1 to 5', async () => {
    const q = 'what did the ferry terminal, the cooperative and the observatory do?';
    expect(quotes(await runConsoleLine(`/ask question:${q} results:1`, engines))).toHaveLength(1);
    expect(quotes(await runConsoleLine(`/ask question:${q}`, engines))).toHaveLength(3);
    expect(quotes(await runConsoleLine(`/ask question:${q} results:5`, engines))).toHaveLength(5);
    // An empty value is no value: the default, not one.
    expect(quotes(await runConsoleLine(`/ask question:${q} results:`, engines))).toHaveLength(3);
  });

  it('refuses an option value Discord would refuse, saying which and why', async () => {
    const q = 'what did the ferry terminal cost?';
    for (const value of ['0', '99', '2.5']) {
      expect(await runConsoleLine(`/ask question:${q} results:${value}`, engines)).toBe(`results: must be a whole number from 1 to 5 (you typed "${value}").`);
    }
    expect(await runConsoleLine(`/ask results:abc question:${q}`, engines)).toBe('results: must be a whole number from 1 to 5 (you typed "abc").');
    expect(await runConsoleLine(`/ask question:${q} private:maybe`, engines)).toBe('private: must be true or false (you typed "maybe").');
    // A word that is no value of the option's kind is text of the question.
    expect(readOptions('question:how were the election results: announced?', ['question', 'results', 'private']).options).toEqual({ question: 'how were the election results: announced?' });
    expect(readOptions('question:what is kept private: secret?', ['question', 'results', 'private']).options).toEqual({ question: 'what is kept private: secret?' });
    expect(quotes(await runConsoleLine(`/ask question:${q} private:true`, engines))[0]).toBe(TINY.cost);
  });

  it("another command's option name is text: /ask reads no document:, /source no question:", async () => {
    expect(readOptions('question:what does the key document: the report say?', ['question', 'results', 'private'])).toEqual({
      text: 'what does the key document: the report say?',
      options: { question: 'what does the key document: the report say?' },
    });
    expect(await runConsoleLine('/ask question:How much did the ferry document: terminal cost?', engines)).toContain(TINY.cost);
    expect(await runConsoleLine('/source document:bees question:why', engines)).toBe('No document matches "bees question:why". Try /sources.');
  });

  it('/source with nothing to look for shows its usage; several matches are named', async () => {
    expect(await runConsoleLine('/source', engines)).toMatch(/^usage: \/source /);
    expect(await runConsoleLine('/source document:', engines)).toMatch(/^usage: \/source /);
    const all = await runConsoleLine('/source txt', engines);
    expect(all).toMatch(/Also matching "txt": \S+\.txt \(/);
  });

  it('/stats says it is for Discord, not that it is unknown', async () => {
    expect(await runConsoleLine('/stats', engines)).toMatch(/^\/stats is for admins on Discord/);
  });

  it('a plain follow-up line leans on the question before it, as in a thread; /ask and a line without a session stand alone', async () => {
    const session = { turns: [], history: 5 };
    const first = await runConsoleLine('How much did the ferry terminal cost?', engines, session);
    expect(quotes(first)[0]).toBe(TINY.cost);
    const next = await runConsoleLine('and why?', engines, session);
    expect(next).toMatch(/^\(read with your earlier question: "How much did the ferry terminal cost\? and why\?"\)\n/);
    expect(session.turns).toHaveLength(2);
    expect(await runConsoleLine('and why?', engines)).not.toMatch(/^\(read with/);
    expect(await runConsoleLine('/ask and why?', engines, session)).not.toMatch(/^\(read with/);
  });

  it('THREAD_HISTORY=0 keeps no question, so no line is read as a follow-up, as in a Discord thread', async () => {
    const session = { turns: [], history: 0 };
    await runConsoleLine('How much did the ferry terminal cost?', engines, session);
    expect(await runConsoleLine('and why?', engines, session)).not.toMatch(/^\(read with/);
    expect(session.turns).toEqual([]);
  });

  it('small talk gets a line of its own and is no turn; a line over the question limit is refused, as on Discord', async () => {
    const session = { turns: [], history: 5 };
    await runConsoleLine('How much did the ferry terminal cost?', engines, session);
    expect(await runConsoleLine('thanks!', engines, session)).toBe('Glad to help. Ask another question about the articles any time.');
    expect(await runConsoleLine('?', engines, session)).toMatch(/^Ask me a question about the articles/);
    expect(await runConsoleLine('what documents do you have?', engines, session)).toMatch(/^I answer questions about 3 articles/);
    expect(session.turns).toHaveLength(1);
    expect(await runConsoleLine('x'.repeat(301), engines, session)).toBe('That question is 301 characters long; please keep it to 300 or fewer.');
    expect(await runConsoleLine('x'.repeat(41), engines, session, 40)).toBe('That question is 41 characters long; please keep it to 40 or fewer.');
  });

  it('/source document:… finds the document', async () => {
    expect(await runConsoleLine('/source document:bees', engines)).toBe(await runConsoleLine('/source bees', engines));
    expect(await runConsoleLine('/source document:bees', engines)).toContain(TINY.beesTitle);
  });
});
