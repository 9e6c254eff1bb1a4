import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyBlocks, isBylineLine, isChromeLine, parseDateLine, type Block } from '../../src/core/clean.js';
import { SEED_PREFIXES, seedText } from './support.js';

const blocksOf = (prefix: string) => classifyBlocks(seedText(prefix));
const kept = (blocks: Block[]) => blocks.filter((b) => b.kind !== 'chrome');
/** The lines of a text, trimmed, as a reader sees them. */
const fileLines = (text: string) => text.split(/\r?\n/).map((l) => l.trim());

/** The one block whose text contains `needle`; fails when there is none or several. */
function blockWith(blocks: Block[], needle: string): Block {
  const found = blocks.filter((b) => b.text.includes(needle));
  expect(found, `blocks containing ${JSON.stringify(needle)}`).toHaveLength(1);
  return found[0]!;
}

describe('classifyBlocks on the real seeds', () => {
  it.each(SEED_PREFIXES)('%s: every block is the exact slice of the file at its offsets, in file order', (prefix) => {
    const text = seedText(prefix);
    const blocks = classifyBlocks(text);
    expect(blocks.length).toBeGreaterThan(0);
    let last = 0;
    for (const b of blocks) {
      expect(text.slice(b.start, b.end)).toBe(b.text);
      expect(b.text).toBe(b.text.trim());
      expect(b.start).toBeGreaterThanOrEqual(last);
      last = b.end;
    }
    for (const b of kept(blocks)) expect(b.text).not.toBe('');
  });

  // Whole lines that are page chrome: nothing of the kept text may be one of them.
  it.each([
    ['002', "What's new"],
    ['002', 'Pakistan Defence Latest Posts'],
    ['002', 'Back'],
    ['002', 'Top Bottom'],
    ['004', 'Related news'],
    ['004', 'You may also like'],
    ['001', 'Source : Global Times'],
  ])('%s: the line %j is chrome', (prefix, line) => {
    const text = seedText(prefix);
    expect(fileLines(text), 'the seed has this line').toContain(line);
    const blocks = classifyBlocks(text);
    const same = blocks.filter((b) => b.text === line);
    expect(same.length).toBeGreaterThan(0);
    for (const b of same) expect(b.kind).toBe('chrome');
  });

  // Page furniture that answers questions about the page: a cited link, the hashtags, the category, a post's edit mark; page lines that say what they are.
  it.each([
    ['000', 'https://www3.nhk.or.jp/nhkworld/en/news/20210905_10/', 'link'],
    ['002', 'https://www.yahoo.com/news/third-party-2020-trump-not-000500188.html', 'link'],
    ['002', 'Security, Asia', 'category'],
    ['004', '#Japan #negotiates #open #NATO #office #Asia', 'tags'],
    ['002', 'Last edited:', 'edited'],
  ])('%s: the line %j is a page line, of page furniture %j', (prefix, line, meta) => {
    const blocks = classifyBlocks(seedText(prefix)).filter((b) => b.text === line);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect([b.kind, b.meta]).toEqual(['page', meta]);
  });

  // What the page says of its site or its poster: page information, one block of it, never article text or a comment.
  it.each([
    ['000', 'PLEASE JOIN ON TWITTER', 'PLEASE JOIN ON TWITTER\n\nhttps://twitter.com/MTT_News\u00a0Modern Tokyo Times'],
    ['000', 'PLEASE JOIN ON FACEBOOK', 'PLEASE JOIN ON FACEBOOK\n\nhttps://www.facebook.com/moderntokyotimes'],
    ['000', 'https://www.facebook.com/moderntokyotimes', 'PLEASE JOIN ON FACEBOOK\n\nhttps://www.facebook.com/moderntokyotimes'],
    ['000', 'Modern Tokyo News is part of the Modern Tokyo Times group', 'Modern Tokyo News is part of the Modern Tokyo Times group'],
    ['000', 'DONATIONS to SUPPORT MODERN TOKYO TIMES – please pay PayPal and DONATE to\u00a0sawakoart@gmail.com', 'DONATIONS to SUPPORT MODERN TOKYO TIMES – please pay PayPal and DONATE to\u00a0sawakoart@gmail.com'],
    ['000', 'http://moderntokyotimes.com\u00a0Modern Tokyo Times – International News and Japan News', 'http://moderntokyotimes.com\u00a0Modern Tokyo Times – International News and Japan News'],
    ...['haidian', 'BANNED', 'Joined', 'Dec 18, 2010', 'Messages', '4,888', 'Reaction score', 'Location'].map((line) => ['002', line, 'haidian\n\nBANNED\nJoined\nDec 18, 2010\nMessages\n4,888\nReaction score\n1\nCountry\nChina\nLocation\nChina']),
  ])('%s: the line %j is page information, in the block %j', (prefix, line, block) => {
    const text = seedText(prefix);
    expect(fileLines(text), 'the seed has this line').toContain(line);
    const blocks = classifyBlocks(text);
    const holding = blocks.filter((b) => b.text.split(/\n/).map((l) => l.trim()).includes(line));
    expect(holding.map((b) => [b.kind, b.text])).toEqual([['page', block]]);
  });

  // Promotion and social links, matched inside lines: no block of article text or comments may contain them.
  it.each([
    ['000', 'PayPal'],
    ['000', 'DONATE'],
    ['000', 'twitter.com'],
    ['000', 'facebook.com'],
    ['000', 'pinterest'],
    ['000', 'PINTEREST'],
    ['000', 'sawakoart'],
    ['000', 'moderntokyotimes.com'],
    ['003', 'is part of the Modern Tokyo Times group'],
    ['004', '#negotiates'],
  ])('%s: no kept block contains %j', (prefix, needle) => {
    const text = seedText(prefix);
    expect(text).toContain(needle);
    for (const b of kept(classifyBlocks(text))) if (b.kind !== 'page') expect(b.text).not.toContain(needle);
  });

  it('a few lower-case words alone on their line in the body are a section heading ("new alliances" in the translation)', () => {
    expect(blockWith(blocksOf('004'), 'new alliances').kind).toBe('heading');
    expect(blockWith(blocksOf('004'), 'Only geography separated Japan').kind).toBe('article');
    // Not a line of a hard-wrapped paragraph, nor one word alone.
    const text = `Title here\n\nBy Someone\n\n${'A long opening line of the body. '.repeat(5)}\n\nnew alliances\n\nMore of the body goes on here\ninvolvement in the region\nand ends here.\n\nlol\n\nLast line of the body.\n`;
    const kinds = Object.fromEntries(classifyBlocks(text).map((b) => [b.text, b.kind]));
    expect([kinds['new alliances'], kinds['involvement in the region'], kinds['lol']]).toEqual(['heading', 'article', 'article']);
  });

  it("the comment form's label is a page line (it tells that readers can comment), a 'you may also like' heading chrome", () => {
    const blocks = classifyBlocks('Ferry fares rise\nby harbour gazette\nThe ferry fares rose in June.\nYou may also like\nLeave a Comment\n');
    expect(blocks.find((b) => b.text === 'Leave a Comment')?.kind).toBe('page');
    expect(blocks.find((b) => b.text === 'You may also like')?.kind).toBe('chrome');
    const seed = classifyBlocks(seedText('004')).filter((b) => b.text === 'Leave a Comment');
    expect(seed.map((b) => b.kind)).toEqual(['page']);
  });

  it.each([
    ['000', 'Failed Japan mission in Afghanistan means help from China, Russia, and regionally'],
    ['002', "Japan Seeks to Neutralize the Threat of a China-Russia United Front—And It's Not Working"],
    ['003', 'NATO Liaison Office in Japan being Touted: China and Russia'],
  ])('%s: a title repeated in the page is kept once, as the title', (prefix, title) => {
    const text = seedText(prefix);
    expect(fileLines(text).filter((l) => l === title).length, 'the page repeats its title').toBeGreaterThan(1);
    const blocks = classifyBlocks(text);
    const withTitle = blocks.filter((b) => b.text === title);
    expect(withTitle.filter((b) => b.kind === 'title')).toHaveLength(1);
    expect(withTitle.filter((b) => b.kind !== 'title').every((b) => b.kind === 'chrome')).toBe(true);
    expect(blocks.filter((b) => b.kind === 'title')).toHaveLength(1);
  });

  it('004: the single title line is the title', () => {
    const titles = blocksOf('004').filter((b) => b.kind === 'title');
    expect(titles.map((b) => b.text)).toEqual(['Japan negotiates to open the first NATO office in Asia']);
  });

  it.each([
    ['000', 'Sawako Utsumi and Lee Jay Walker'],
    ['002', 'James D.J. Brown'],
    ['003', 'Kanako Mita, Sawako Utsumi, and Lee Jay Walker'],
  ])('%s: the byline %j is found', (prefix, byline) => {
    const bylines = blocksOf(prefix).filter((b) => b.kind === 'byline');
    expect(bylines.map((b) => b.text)).toEqual([byline]);
  });

  it('001 (a Global Times article without a byline) has no byline block', () => {
    expect(blocksOf('001').filter((b) => b.kind === 'byline')).toEqual([]);
  });

  describe('seed 002, a forum thread: the first post is the article, later posts are reader comments', () => {
    const blocks = blocksOf('002');

    it.each([
      'There isn\'t anything that little worm (Japan) can do to the big chicken.',
      'In the Far East neighborhood, Japan is surrounded by hostile countries, China, Russia, North Korea, South Korea, three of them are nuclear armed.',
      'Better relation with CHINA/Russia is in interest for Japanese economy in long run.',
      'Japan Joining CPEC is logical from my stand point',
    ])('the reader comment starting %j is a comment', (start) => {
      expect(blockWith(blocks, start).kind).toBe('comment');
    });

    it.each([
      'Tokyo wants to make sure a Russian-Chinese alliance never emerges to threaten Japan',
      'Between June 19 and 21, 2018, Russia conducted missile-firing drills on Iturup',
      'Overall, Japan’s casual attitude to the threat posed by Russia demonstrates',
    ])('the article paragraph starting %j is article', (start) => {
      expect(blockWith(blocks, start).kind).toBe('article');
    });

    it('no article block comes after the first comment', () => {
      const firstComment = blocks.findIndex((b) => b.kind === 'comment');
      expect(firstComment).toBeGreaterThan(0);
      expect(blocks.slice(firstComment).some((b) => b.kind === 'article' || b.kind === 'title' || b.kind === 'byline')).toBe(false);
    });
  });

  it.each(['000', '001', '003', '004'])('%s (not a forum page) has no reader comments', (prefix) => {
    expect(blocksOf(prefix).filter((b) => b.kind === 'comment')).toEqual([]);
  });

  it.each(SEED_PREFIXES)('%s: every prose paragraph of the file is kept whole, as article or comment', (prefix) => {
    const text = seedText(prefix);
    const blocks = classifyBlocks(text);
    // Long lines that end a sentence are prose, not navigation (checked by reading the seeds).
    const prose = fileLines(text).filter((l) => l.length > 100 && /[.!?”"]$/.test(l));
    expect(prose.length).toBeGreaterThan(3);
    for (const line of prose) {
      const block = blocks.find((b) => b.text === line);
      expect(block, line.slice(0, 60)).toBeDefined();
      expect(['article', 'comment']).toContain(block!.kind);
    }
  });

  it('000: the eight article paragraphs are exactly the article blocks', () => {
    const text = seedText('000');
    const articles = blocksOf('000').filter((b) => b.kind === 'article');
    expect(articles).toHaveLength(8);
    expect(articles[0]!.text.startsWith('The government of Japan, like other nations, was caught off guard')).toBe(true);
    expect(articles.at(-1)!.text.endsWith('because of the shoddy nature of the Japanese Foreign Ministry.')).toBe(true);
    for (const b of articles) expect(text.slice(b.start, b.end)).toBe(b.text);
  });

  it('header lines tell the date and the outlet', () => {
    expect(blocksOf('002').filter((b) => b.meta === 'date').map((b) => b.text)).toEqual(['July 9, 2018']);
    expect(blocksOf('004').filter((b) => b.meta === 'date').map((b) => b.text)).toEqual(['2023-05-10 16:36:13']);
    // Kept as a dateline, like the byline: it answers "when was it published?".
    expect(blocksOf('002').filter((b) => b.kind === 'dateline').map((b) => b.text)).toEqual(['July 9, 2018']);
    expect(blocksOf('001').filter((b) => b.meta === 'outlet').map((b) => b.text)).toEqual(['Source : Global Times']);
    for (const prefix of ['000', '003']) expect(blocksOf(prefix).find((b) => b.meta === 'outlet')?.text).toBe('Modern Tokyo Times');
  });
});

describe('classifyBlocks on any text', () => {
  const line = fc.oneof(
    fc.constantFrom('', ' ', '.', '\u00a0', 'Joined', 'Reaction score', 'Back', 'Top Bottom', 'PLEASE JOIN ON TWITTER', 'https://example.com/a', '#a #b', 'July 9, 2018', 'by someone', 'Jane Doe'),
    fc.string({ maxLength: 140 }),
    fc.array(fc.constantFrom('Japan', 'said', 'the', 'NATO', 'office', 'will', 'open', '.', ',', '“', '”', '\t'), { maxLength: 40 }).map((ws) => ws.join(' ')),
  );
  it('never throws, and its blocks are ordered exact slices', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\n\n'), (ls, eol) => {
        const text = ls.join(eol);
        const blocks = classifyBlocks(text);
        let last = 0;
        for (const b of blocks) {
          expect(text.slice(b.start, b.end)).toBe(b.text);
          expect(b.start).toBeGreaterThanOrEqual(last);
          last = b.end;
          if (b.kind !== 'chrome') expect(b.text.trim()).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('isChromeLine', () => {
  it.each([
    '',
    '   ',
    '.',
    '\u00a0\u00a0',
    'https://www.facebook.com/moderntokyotimes',
    'www.example.com',
    'http://moderntokyotimes.com Modern Tokyo Times – International News and Japan News',
    '#Japan #negotiates #open #NATO',
    "What's new",
    'You may also like',
    'Leave a Comment',
    'Leave a reply',
    'Related news',
    'Back',
    'Top Bottom',
    'Back to top',
    'Last edited:',
    'Last edited by haidian: Jul 10, 2018',
    'Click to expand...',
    'Pakistan Defence Latest Posts',
    'PLEASE JOIN ON TWITTER',
    'DONATIONS to SUPPORT MODERN TOKYO TIMES – please pay PayPal and DONATE to sawakoart@gmail.com',
    'Follow us on Twitter for more',
    'Modern Tokyo Times is now on PINTEREST',
    'Subscribe to our newsletter',
    'BANNED',
    '12 Comments',
  ])('%j is chrome', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'The government of Japan, like other nations, was caught off guard by the speed of the Taliban take over in Afghanistan.',
    'NATO should be kept out of East Asia.',
    'Back in 2016, Russia deployed new anti-ship missiles to Iturup.',
    'Japan scrambled jets 390 times to intercept approaching Russian aircraft.',
    'NHK reports, “He (Motegi) said it’s important to work with China and Russia.”',
    'The ministry published its report at https://example.com/report on Friday, and the full text of the statement is there too.',
    'NATO',
    'Top diplomats met in Tokyo.',
    'Implications for the United States',
    'Japan negotiates to open the first NATO office in Asia',
  ])('%j is not chrome', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

describe('isBylineLine', () => {
  it.each([
    'Sawako Utsumi and Lee Jay Walker',
    'Kanako Mita, Sawako Utsumi, and Lee Jay Walker',
    'James D.J. Brown',
    'by time news',
    'By Anna Schmidt',
    'Maria Lopez & Tom Baker',
    'Jonas Berg',
  ])('%j is a byline', (line) => {
    expect(isBylineLine(line)).toBe(true);
  });

  it.each([
    'NATO should be kept out of East Asia.',
    'The Japanese ambassador to America (Koji Tomita) said: “We are working in that direction”.',
    'Japan negotiates to open the first NATO office in Asia',
    'Security, Asia',
    'July 9, 2018',
    'haidian',
    'Japan',
    'Prime Minister Fumio Kishida of Japan is enabling the administration of President Joe Biden of America to increase divisions in Northeast Asia.',
    'by ' + 'far the largest increase in defence spending since the war, and nobody in the region expected it to come so soon',
  ])('%j is not a byline', (line) => {
    expect(isBylineLine(line)).toBe(false);
  });
});

describe('parseDateLine', () => {
  it.each([
    ['July 9, 2018', '2018-07-09'],
    ['Dec 18, 2010', '2010-12-18'],
    ['March 3, 2021', '2021-03-03'],
    ['14 May 2023', '2023-05-14'],
    ['2023-05-10 16:36:13', '2023-05-10'],
    ['2023-05-10', '2023-05-10'],
    ['  Sep 9, 2018  ', '2018-09-09'],
    ['December 31, 1999', '1999-12-31'],
    ['1 January 2000', '2000-01-01'],
  ])('%j → %s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it.each(['', 'yesterday', 'May 2023', '2018', 'The meeting was held on July 9, 2018.', 'July 9, 2018 in Tokyo', 'Japan 2023-05-10'])('%j gives no date', (line) => {
    expect(parseDateLine(line)).toBeUndefined();
  });

  const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const monthName = fc.constantFrom('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'January', 'February', 'September', 'December');
  const pad = (n: number) => String(n).padStart(2, '0');

  it('any real day in either header style gives that day (property)', () => {
    fc.assert(
      fc.property(monthName, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1990, max: 2030 }), fc.boolean(), (m, d, y, dayFirst) => {
        const line = dayFirst ? `${d} ${m} ${y}` : `${m} ${d}, ${y}`;
        const month = MONTHS.indexOf(m.slice(0, 3).toLowerCase()) + 1;
        expect(parseDateLine(line)).toBe(`${y}-${pad(month)}-${pad(d)}`);
      }),
      { numRuns: 300 },
    );
  });

  // BUG (reported): an impossible date is turned into another day (Feb 30 → Mar 1) or passed through as an invalid ISO date.
  it.each(['Feb 30, 2020', '31 Apr 2020', '2023-02-30', '2023-13-45'])('the impossible day %j gives no date', (line) => {
    expect(parseDateLine(line)).toBeUndefined();
  });
});
