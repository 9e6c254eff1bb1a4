import { describe, expect, it } from 'vitest';
import { matchDocuments } from '../../src/core/find-document.js';

const doc = (id: string, title: string, authors: string[] = [], outlet?: string) => ({ id, meta: { title, authors, urls: [], ...(outlet === undefined ? {} : { outlet }) } });
const DOCS = [
  doc('000_a.txt', 'Failed Japan mission in Afghanistan', ['Sawako Utsumi'], 'Modern Tokyo Times'),
  doc('002_b.txt', 'Japan Seeks to Neutralize the Threat', ['James D.J. Brown']),
  doc('we`ird\\name.txt', 'Odd file'),
];
const ids = (typed: string) => matchDocuments(DOCS, typed).map((d) => d.id);

describe('matchDocuments', () => {
  it('finds by file name or title exactly first, then by a part of the file name, title, an author or the outlet', () => {
    expect(ids('000_a.txt')).toEqual(['000_a.txt']);
    expect(ids('brown')).toEqual(['002_b.txt']);
    expect(ids('modern tokyo')).toEqual(['000_a.txt']);
    expect(ids('japan')).toEqual(['000_a.txt', '002_b.txt']);
  });

  it('finds a file name as /sources shows it (backtick as a quote) or as escaped text shows it (with backslashes)', () => {
    expect(ids("we'ird\\name.txt")).toEqual(['we`ird\\name.txt']);
    expect(ids('we`ird\\\\name.txt')).toEqual(['we`ird\\name.txt']);
    expect(ids('000\\_a.txt')).toEqual(['000_a.txt']);
  });

  it('nothing to look for matches nothing', () => {
    for (const typed of ['', '   ', '\\', '\u200b']) expect(ids(typed)).toEqual([]);
  });
});
