import { escapeMarkdown } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, escapeText } from '../../src/format/discord-escape.js';

const OPTIONS = { heading: true, bulletedList: true, numberedList: true, maskedLink: true };
/** Characters that markdown reads, mixed with plain ones, so generated strings hit every pattern. */
const CHARS = ['a', 'b', ' ', ' ', '\n', '1', '2', '.', '#', '-', '*', '_', '~', '|', '`', '\\', '[', ']', '(', ')', '<', '>', ':', '/', 'h', 't', 'p', 's', '@'];
const markdownish = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(''));

describe('escapeMarkdownText: discord.js escapeMarkdown, skipped when it would change nothing', () => {
  it('agrees with escapeMarkdown on any text', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 80 })), (text) => {
          expect(escapeMarkdownText(text)).toBe(escapeMarkdown(text, OPTIONS));
        }),
      { numRuns: 5000 },
    );
  });

  it.each(['# heading', '  - item', '12. item', 'a *b* c', 'snake_case', 'a ~~b~~', '||spoiler||', '`code`', 'back\\slash', '[a](http://b)'])('escapes %j', (text) => {
    expect(escapeMarkdownText(text)).not.toBe(text);
  });

  it('leaves a plain corpus sentence as it is', () => {
    const sentence = 'Japan and India are set to hold their first bilateral air combat exercise from January 16 to 26.';
    expect(escapeMarkdownText(sentence)).toBe(sentence);
    expect(escapeText(`${sentence} @everyone`)).toBe(`${sentence} @\u200beveryone`);
  });
});
