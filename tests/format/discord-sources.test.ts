import { describe, expect, it } from 'vitest';
import type { IndexedDocument } from '../../src/core/build-index.js';
import { sourcesToPayload, sourceToPayload } from '../../src/format/discord-sources.js';
import { expectWithinLimits } from '../hardening/support.js';

const doc = (i: number, title: string, authors: string[] = []): IndexedDocument => ({
  id: `${String(i).padStart(3, '0')}_doc.txt`, meta: { title, authors, outlet: 'The Diplomat', date: '2023-05-04', urls: [] }, hash: 'h', bytes: 12_345, sentences: 100, comments: 3,
});

describe('sourcesToPayload', () => {
  it.each([
    ['40 documents with titles of 70 characters', Array.from({ length: 40 }, (_, i) => doc(i, `${'T'.repeat(66)} ${i}`))],
    ['25 documents with 146-character titles and three authors', Array.from({ length: 25 }, (_, i) => doc(i, 'x'.repeat(146), ['Ann Author', 'Bob Writer', 'Cy Scribe']))],
    ['300 short ones', Array.from({ length: 300 }, (_, i) => doc(i, `Doc ${i}`))],
  ])('%s: lists as many as fit, in order, then says how many more', (_label, docs) => {
    const payload = sourcesToPayload(docs);
    expectWithinLimits(payload);
    const embeds = payload.embeds ?? [];
    const listed = embeds.flatMap((e) => e.fields ?? []);
    expect(listed.length).toBeGreaterThan(0);
    expect(embeds[0]!.title).toBe(`${docs.length} indexed documents`);
    listed.forEach((f, i) => expect(f.value).toContain(docs[i]!.id));
    const more = docs.length - listed.length;
    if (more > 0) expect(embeds.at(-1)!.footer?.text).toContain(`…and ${more} more`);
    else expect(embeds.at(-1)!.footer).toBeUndefined();
  });

  it('cuts long titles, bylines and file names without splitting an emoji', () => {
    const d = { ...doc(1, `${'x'.repeat(255)}🗾 title`, [`${'a'.repeat(599)}🗾`]), id: `${'f'.repeat(199)}🗾.txt` };
    const field = sourcesToPayload([d]).embeds![0]!.fields![0]!;
    for (const text of [field.name, field.value]) expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('lists every document when they fit, with the file name as typed in a code span', () => {
    const docs = [doc(1, 'One'), { ...doc(2, 'Two'), id: 'a_b`c.txt' }];
    const fields = sourcesToPayload(docs).embeds![0]!.fields!;
    expect(fields).toHaveLength(2);
    expect(fields[0]!.value).toContain('`001_doc.txt`');
    expect(fields[1]!.value).toContain("`a_b'c.txt`");
  });
});

describe('sourceToPayload', () => {
  it("links the title to the article's own URL only, and lists the links it cites apart, without a preview", () => {
    const d = { ...doc(1, 'A title'), meta: { ...doc(1, 'A title').meta, urls: [], cited: ['https://nhk.example.jp/news/2021_10/', 'https://bad.example/*bold*'] } };
    const embed = sourceToPayload(d, []).embeds![0]!;
    expect(embed.url).toBeUndefined();
    expect(embed.description).toContain('\nCites: <https://nhk.example.jp/news/2021_10/>');
    expect(embed.description).not.toContain('bad.example');
    const own = { ...d, meta: { ...d.meta, urls: ['https://example.org/a'], cited: undefined } };
    expect(sourceToPayload(own, []).embeds![0]!.url).toBe('https://example.org/a');
  });
});
