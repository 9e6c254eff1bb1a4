import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/build-index.js';
import { classifyBlocks } from '../../src/core/clean.js';
import { readSeeds } from '../../src/core/ingest.js';
import { findSourceUrls, inferMetadata, splitNames } from '../../src/core/metadata.js';
import { createNlp, type Nlp } from '../../src/core/nlp.js';
import type { DocumentMeta } from '../../src/core/types.js';
import { SEED_PREFIXES, seedText, TINY, tinyCopy } from './support.js';

const metaOf = (prefix: string): DocumentMeta => {
  const text = seedText(prefix);
  return inferMetadata(text, classifyBlocks(text));
};
const SOCIAL_HOST = /(^|\.)(twitter|x|facebook|pinterest|instagram|youtube|t|linkedin|tiktok|telegram)\.[a-z.]+$/i;

describe('inferMetadata on the real seeds', () => {
  it.each([
    ['000', 'Failed Japan mission in Afghanistan means help from China, Russia, and regionally'],
    ['002', "Japan Seeks to Neutralize the Threat of a China-Russia United Front—And It's Not Working"],
    ['003', 'NATO Liaison Office in Japan being Touted: China and Russia'],
    ['004', 'Japan negotiates to open the first NATO office in Asia'],
  ])('%s: the title is %j', (prefix, title) => {
    expect(metaOf(prefix).title).toBe(title);
  });

  it('001 has no title line: its title is a short cut of the lead, never empty', () => {
    const { title } = metaOf('001');
    const lead = seedText('001').split('\n')[0]!;
    expect(title.length).toBeGreaterThan(20);
    expect(title.length).toBeLessThanOrEqual(100);
    expect(lead.startsWith(title.replace(/…$/, ''))).toBe(true);
  });

  it.each([
    ['000', ['Sawako Utsumi', 'Lee Jay Walker']],
    ['002', ['James D.J. Brown']],
    ['003', ['Kanako Mita', 'Sawako Utsumi', 'Lee Jay Walker']],
    ['001', []],
  ])('%s: the authors are %j', (prefix, authors) => {
    expect(metaOf(prefix).authors).toEqual(authors);
  });

  it('002: the date is the article date 2018-07-09, not the forum join date (Dec 18, 2010)', () => {
    expect(metaOf('002').date).toBe('2018-07-09');
  });

  it('004: the date comes from the "2023-05-10 16:36:13" header', () => {
    expect(metaOf('004').date).toBe('2023-05-10');
  });

  it.each(SEED_PREFIXES)('%s: a date, when given, is ISO YYYY-MM-DD', (prefix) => {
    const { date } = metaOf(prefix);
    if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    ['001', 'Global Times'],
    ['000', 'Modern Tokyo Times'],
    ['003', 'Modern Tokyo Times'],
  ])('%s: the outlet is %j', (prefix, outlet) => {
    expect(metaOf(prefix).outlet).toBe(outlet);
  });

  it("000: the NHK link is one the article cites, not the article's own (the page names its site, moderntokyotimes.com); home pages and social accounts are dropped", () => {
    expect(metaOf('000').urls).toEqual([]);
    expect(metaOf('000').cited).toEqual(['https://www3.nhk.or.jp/nhkworld/en/news/20210905_10/']);
  });

  it("a link on the page's own site is the article's; one in a reader's comment is nobody's; with no site named, every link is the article's", () => {
    const page = 'A title\n\nBy Ann Lee\n\nThe article says what NHK reports.\n\nhttps://news.example.org/2021/the-article\n\nhttps://nhk.example.jp/report/1\n\nhttp://annleeart.com\n\nhttp://example.org Example News\n';
    const meta = inferMetadata(page, classifyBlocks(page), { outlet: 'Example' });
    // A home page that is not the outlet's (the author's art site) decides nothing.
    expect(inferMetadata(page, classifyBlocks(page), { outlet: 'Other Paper' }).urls).toHaveLength(2);
    expect(meta.urls).toEqual(['https://news.example.org/2021/the-article']);
    expect(meta.cited).toEqual(['https://nhk.example.jp/report/1']);
    const bare = 'A title\n\nThe article says what NHK reports.\n\nhttps://nhk.example.jp/report/1\n';
    expect(inferMetadata(bare, classifyBlocks(bare))).toMatchObject({ urls: ['https://nhk.example.jp/report/1'] });
    expect(inferMetadata(bare, classifyBlocks(bare)).cited).toBeUndefined();
  });

  it.each(SEED_PREFIXES)('%s: no source URL is a social account', (prefix) => {
    for (const url of metaOf(prefix).urls) {
      expect(url).toMatch(/^https?:\/\//);
      expect(new URL(url).hostname).not.toMatch(SOCIAL_HOST);
    }
  });

  // "by time news" (004) names a publication: credited without its "by".
  it('004: the "by time news" header credits "time news", without the "by"', () => {
    const meta = metaOf('004');
    const credits = [...meta.authors, meta.outlet ?? ''].map((c) => c.toLowerCase());
    expect(credits).toContain('time news');
    for (const c of credits) expect(c).not.toMatch(/^by\s/);
  });
});

describe('overrides', () => {
  const text = seedText('000');
  const blocks = classifyBlocks(text);

  it('every field of an override wins over what the text says', () => {
    const override = {
      title: 'A corrected title',
      authors: ['Someone Else'],
      outlet: 'Another Outlet',
      date: '2021-09-05',
      urls: ['https://example.org/original'],
      cited: ['https://example.org/cited'],
      machineTranslated: true,
    };
    expect(inferMetadata(text, blocks, override)).toEqual(override);
  });

  it('a partial override keeps the rest of what the text says', () => {
    const meta = inferMetadata(text, blocks, { date: '2021-09-05' });
    expect(meta.date).toBe('2021-09-05');
    expect(meta.title).toBe(metaOf('000').title);
    expect(meta.authors).toEqual(['Sawako Utsumi', 'Lee Jay Walker']);
  });

  describe('from metadata.json beside the seeds', () => {
    let nlp: Nlp;
    let dir: { path: string; cleanup: () => void };
    beforeAll(() => {
      nlp = createNlp({ entities: {}, people: [], rewrites: [] });
      dir = tinyCopy('metadata');
    });
    afterAll(() => dir.cleanup());

    it('reaches the indexed documents', () => {
      writeFileSync(join(dir.path, 'metadata.json'), JSON.stringify({ [TINY.beesDoc]: { date: '2023-04-01', machineTranslated: true } }));
      const seeds = readSeeds(dir.path);
      expect(seeds.warnings).toEqual([]);
      const docs = buildIndex(seeds, nlp).documents;
      const bees = docs.find((d) => d.id === TINY.beesDoc)!;
      expect(bees.meta.date).toBe('2023-04-01');
      expect(bees.meta.machineTranslated).toBe(true);
      expect(bees.meta.title).toBe(TINY.beesTitle);
      expect(docs.find((d) => d.id === TINY.ferryDoc)!.meta.machineTranslated).toBeUndefined();
    });

    it('an invalid metadata.json is ignored with a warning naming it', () => {
      writeFileSync(join(dir.path, 'metadata.json'), JSON.stringify({ [TINY.beesDoc]: { date: 'last Tuesday' } }));
      const seeds = readSeeds(dir.path);
      expect(seeds.overrides).toEqual({});
      expect(seeds.warnings.some((w) => w.startsWith('metadata.json'))).toBe(true);
    });
  });
});

describe('findSourceUrls', () => {
  it.each([
    ['See https://example.com/a/b.html.', ['https://example.com/a/b.html']],
    ['(https://example.com/x), then https://example.com/x; again', ['https://example.com/x']],
    ['https://twitter.com/MTT_News https://www.facebook.com/page https://www.pinterest.co.uk/page/ https://t.me/chan https://x.com/someone', []],
    ['http://moderntokyotimes.com Modern Tokyo Times and https://moderntokyonews.com/', []],
    ['first https://a.example/1 then https://b.example/2', ['https://a.example/1', 'https://b.example/2']],
    ['no links here', []],
    ['broken http:// link', []],
  ])('%j → %j', (text, urls) => {
    expect(findSourceUrls(text)).toEqual(urls);
  });
});

describe('splitNames', () => {
  it.each([
    ['Kanako Mita, Sawako Utsumi, and Lee Jay Walker', ['Kanako Mita', 'Sawako Utsumi', 'Lee Jay Walker']],
    ['Sawako Utsumi and Lee Jay Walker', ['Sawako Utsumi', 'Lee Jay Walker']],
    ['Maria Lopez & Tom Baker', ['Maria Lopez', 'Tom Baker']],
    ['by time news', ['time news']],
    ['By Anna Schmidt', ['Anna Schmidt']],
    ['James D.J. Brown', ['James D.J. Brown']],
  ])('%j → %j', (line, names) => {
    expect(splitNames(line)).toEqual(names);
  });
});
