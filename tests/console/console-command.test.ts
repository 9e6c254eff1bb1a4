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
    expect(quotes(await runConsoleLine(`/ask question:${q} results:99`, engines))).toHaveLength(5);
    // An empty value is no value: the default, not one.
    expect(quotes(await runConsoleLine(`/ask question:${q} results:`, engines))).toHaveLength(3);
  });

  it('/source document:… finds the document', async () => {
    expect(await runConsoleLine('/source document:bees', engines)).toBe(await runConsoleLine('/source bees', engines));
    expect(await runConsoleLine('/source document:bees', engines)).toContain(TINY.beesTitle);
  });
});
