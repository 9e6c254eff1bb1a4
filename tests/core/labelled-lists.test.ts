import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.js';
import { readGlossary } from '../../src/core/glossary.js';
import { labelledLists, mainClauseEntities } from '../../src/core/labelled-lists.js';
import { createNlp } from '../../src/core/nlp.js';
import type { Sentence } from '../../src/core/types.js';
import { engineOf, SEEDS_DIR, seedsEngine, tempDir } from './support.js';

const glossary = readGlossary(join(SEEDS_DIR, 'glossary.json'));
const sentence = (id: number, text: string, doc = 'a.txt'): Sentence => ({ id, doc, kind: 'comment', paragraph: id, position: 0, ordinal: id, start: 0, end: text.length, text });

describe('labelledLists', () => {
  it('finds a run of three or more lines whose labels name entities, each with its label\'s entities', () => {
    const lines = labelledLists(
      [
        sentence(0, 'The corridor would help everyone, I think.'),
        sentence(1, 'CHINA-Pakistan (CPEC) : Gets extra load of goods'),
        sentence(2, 'PAKISTAN: Gets more activity in Gwadar'),
        sentence(3, 'CHINA-JAPAN: A boost in mutual trade'),
        sentence(4, 'That is all.'),
      ],
      glossary,
    );
    expect([...lines.keys()]).toEqual([1, 2, 3]);
    expect([...lines.get(1)!.entities].sort()).toEqual(['china', 'cpec', 'pakistan']);
    expect([...lines.get(3)!.entities].sort()).toEqual(['china', 'japan']);
    expect(new Set([...lines.values()].map((l) => l.list))).toEqual(new Set([1]));
  });

  it('is no list: two lines, a sentence with a colon, a label naming nothing known, lines of two documents', () => {
    expect(labelledLists([sentence(0, 'CHINA: Gets revenue'), sentence(1, 'JAPAN: Gets tourists')], glossary).size).toBe(0);
    const said = ['Zakharova said: “Japan is rearming.”', 'NHK reports: Motegi met Wang Yi.', 'Kishida added: more talks with China.'];
    expect(labelledLists(said.map((t, i) => sentence(i, t)), glossary).size).toBe(0);
    const unknown = ['WEATHER: Sunny', 'TRAFFIC: Light', 'SPORT: None'];
    expect(labelledLists(unknown.map((t, i) => sentence(i, t)), glossary).size).toBe(0);
    const split = [sentence(0, 'CHINA: Gets revenue'), sentence(1, 'JAPAN: Gets tourists'), sentence(2, 'RUSSIA: Gets trade', 'b.txt')];
    expect(labelledLists(split, glossary).size).toBe(0);
  });
});

describe('mainClauseEntities', () => {
  it('leaves out a fronted phrase that says where to look and a condition', () => {
    expect([...mainClauseEntities('in that CPEC comment, what would Pakistan get if Japan joined?', glossary)]).toEqual(['pakistan']);
    expect([...mainClauseEntities('what would Pakistan get, if Japan joined CPEC?', glossary)]).toEqual(['pakistan']);
    expect([...mainClauseEntities('what do China and Japan get?', glossary)].sort()).toEqual(['china', 'japan']);
    // A lead-in set off by a dash, and who does what in "out of X joining", are no part of what is asked.
    expect([...mainClauseEntities('that CPEC breakdown in the comments — what does Pakistan get out of Japan joining?', glossary)]).toEqual(['pakistan']);
    // A sentence of context before the question, and a question that names the line before another clause.
    expect([...mainClauseEntities("the CPEC guy made a list of what everyone gets. what's the china-japan line, what do those two get together?", glossary)].sort()).toEqual(['china', 'japan']);
  });
});

describe('a labelled list in an article (the real engine over a corpus of one article)', () => {
  let dir: ReturnType<typeof tempDir>;
  let engine: Engine;
  beforeAll(() => {
    dir = tempDir('lists');
    cpSync(join(SEEDS_DIR, 'glossary.json'), join(dir.path, 'glossary.json'));
    writeFileSync(
      join(dir.path, 'a_corridor.txt'),
      [
        'Who gains from the rail corridor',
        'By Ann Writer',
        'Analysts in Islamabad and Beijing have spent the year weighing what a new rail corridor through the mountains would bring to the countries along its route.',
        'Their breakdown of the rail corridor gains, country by country:',
        'CHINA: Gets rail corridor revenue from freight and would join the rail corridor board.',
        'PAKISTAN: Gets port fees.',
        'CHINA-JAPAN: Rail corridor freight gains from the rail corridor deal.',
        'Nothing has been signed, and the analysts expect years of talks before the first train runs.',
      ].join('\n\n'),
    );
    const nlp = createNlp(readGlossary(join(dir.path, 'glossary.json')));
    engine = engineOf(dir.path, nlp);
  });
  afterAll(() => dir.cleanup());

  const first = (q: string) => {
    const a = engine.ask(q, { noAbstain: true });
    return a.kind === 'answered' ? a.hits[0]!.sentence.text : '';
  };

  it('the line labelled with what the question asks about goes first, though its siblings share more words', () => {
    expect(first('in the rail corridor breakdown, what would Pakistan get from the rail corridor if China joined?')).toBe('PAKISTAN: Gets port fees.');
    expect(first('in the rail corridor breakdown, what would China and Japan get from the rail corridor?')).toBe('CHINA-JAPAN: Rail corridor freight gains from the rail corridor deal.');
  });

  it('a question that names nothing of the list besides what it asks about is ranked as before', () => {
    // Pakistan is asked about, but the line that answers is China's: without a second name of the list, no line is pushed first.
    expect(first('does the breakdown say Pakistan would join the rail corridor board?')).toMatch(/^CHINA: /);
  });
});

describe('the labelled list in the seeds\' forum comments', () => {
  const first = (q: string) => {
    const a = seedsEngine().ask(q);
    return a.kind === 'answered' ? a.hits[0]!.sentence.text : a.reason;
  };

  it('answers with the line labelled with the country asked about', () => {
    expect(first('in that CPEC comment, what does Pakistan get out of it if Japan joins?')).toMatch(/^PAKISTAN: Gets more activity/);
    expect(first('in the CPEC list in the comments, what would China and Japan get together?')).toMatch(/^CHINA-JAPAN: A boost/);
    expect(first("in that forum thread the cpec guy made a list of what everyone gets. what's the china-japan line, what do those two get together?")).toMatch(/^CHINA-JAPAN: A boost/);
  });

  it('"who gets…" asks for the label: the names it gives are what the line is about, not its label', () => {
    expect(first('in the comments, who gets revenue from japan using its rail-network for goods going to gwadar?')).toMatch(/^CHINA: Gets revenue/);
  });

  it('a question about the comments that only shares Japan with a label is not sent to the list', () => {
    expect(first('did one of the commenters say where Japan ranks as an economy?')).not.toMatch(/^JAPAN ?:/);
  });

  it('a question whose only rarer word is in no sentence (a title word) still ranks the common ones', () => {
    expect(first('according to the comments what is in it for japan and russia?')).not.toBe('no-match');
  });
});
