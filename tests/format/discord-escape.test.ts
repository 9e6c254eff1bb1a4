import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, escapeText } from '../../src/format/discord-escape.js';

/** Characters that markdown reads, mixed with plain ones, so generated strings hit every pattern. */
const CHARS = ['a', 'b', ' ', ' ', '\n', '1', '2', '.', '#', '-', '*', '_', '~', '|', '`', '\\', '[', ']', '(', ')', '<', '>', ':', '/', 'h', 't', 'p', 's', '@'];
const markdownish = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(''));

/** The markdown marks Discord would still read in escaped text: a mark not preceded by an odd number of backslashes, or a line opening as a heading or list. */
function liveMarks(escaped: string): string[] {
  const live: string[] = [];
  let backslashes = 0;
  for (const c of escaped) {
    if ('*_~|`'.includes(c) && backslashes % 2 === 0) live.push(c);
    backslashes = c === '\\' ? backslashes + 1 : 0;
  }
  for (const m of escaped.matchAll(/^ *(?:#|-|\d+\.)/gm)) live.push(m[0]);
  return live;
}

describe('escapeMarkdownText: every mark escaped', () => {
  it('leaves no live mark in any text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 80 })), (text) => {
        expect(liveMarks(escapeMarkdownText(text))).toEqual([]);
        expect(liveMarks(escapeText(text))).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['# heading', '  - item', '12. item', 'a *b* c', 'snake_case', 'a ~~b~~', '||spoiler||', '`code`', 'back\\slash'])('escapes %j', (text) => {
    expect(escapeMarkdownText(text)).not.toBe(text);
  });

  // discord.js's escapeMarkdown, used before, paired the marks it escaped: runs of four or more kept live pairs.
  it.each(['_'.repeat(300), '****x****', '````x````', '~~~~x~~~~', '||||x||||'])('escapes a run of marks: %j', (text) => {
    expect(liveMarks(escapeText(text))).toEqual([]);
  });

  it('shows a backslash the user typed as typed', () => {
    expect(escapeMarkdownText('a \\* b')).toBe('a \\\\\\* b');
  });

  it('leaves a plain corpus sentence as it is', () => {
    const sentence = 'Japan and India are set to hold their first bilateral air combat exercise from January 16 to 26.';
    expect(escapeMarkdownText(sentence)).toBe(sentence);
    expect(escapeText(`${sentence} @everyone`)).toBe(`${sentence} @\u200beveryone`);
  });

  it('takes linear time: a 2,000-character line of marks in well under a second', () => {
    const text = '*_'.repeat(1000);
    const start = performance.now();
    for (let i = 0; i < 100; i++) escapeText(text);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

/** The masked links (`[text](url)`) Discord would render in escaped text: an unescaped `[`, text, an unescaped `]`, then `(`. */
function liveMaskedLinks(escaped: string): string[] {
  const unescaped = (i: number) => {
    let n = 0;
    for (let j = i - 1; j >= 0 && escaped[j] === '\\'; j--) n++;
    return n % 2 === 0;
  };
  const links: string[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] !== '[' || !unescaped(i)) continue;
    for (let j = i + 1; j < escaped.length && escaped[j] !== '\n'; j++) if (escaped[j] === ']' && unescaped(j) && escaped[j + 1] === '(') links.push(escaped.slice(i, j + 2));
  }
  return links;
}

describe('escapeText: links, quotes and tags', () => {
  it.each([
    '[a](http://x.com) [click me](https://evil.example)',
    'see [one](https://a.example), then [two](https://b.example) and [three](<https://c.example>)',
    '\\[a](x) \\\\[b](https://evil.example)',
  ])('leaves no live masked link in %j', (text) => {
    expect(liveMaskedLinks(text).length).toBeGreaterThan(0);
    expect(liveMaskedLinks(escapeText(text))).toEqual([]);
  });

  it('leaves no live masked link in any text (property)', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        expect(liveMaskedLinks(escapeText(text))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('escapes underscores after a "<:" too, and shows emoji, timestamps and command mentions as typed', () => {
    expect(escapeText('<: __underlined__ and _italic_')).not.toMatch(/(?<!\\)_/);
    for (const tag of ['<:blob:123>', '<a:blob:123>', '<t:0:R>', '</ask:123>', '<id:browse>']) expect(escapeText(tag)).toBe(tag.replace('<', '<\u200b'));
  });

  it('a line that would open a quote or small text does not', () => {
    expect(escapeText('> quoted')).toBe('\\> quoted');
    expect(escapeText('first\n>>> all quoted')).toBe('first\n\\>>> all quoted');
    expect(escapeText('-# tiny')).toBe('\\-# tiny');
    expect(escapeText('a > b')).toBe('a > b');
  });
});
