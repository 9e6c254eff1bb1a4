import type { BlockKind } from './types.js';

/** One line-block of a seed file, classified. Offsets index the original text. */
export interface Block {
  kind: BlockKind;
  /**
   * What a header or footer line tells about the document: its date, its outlet; for a page line, what kind of page
   * furniture it is (a poster's profile, a bare link, a line of hashtags, the section the site files it under, a call to
   * follow the outlet with its account, the outlet's or a sister site's web site, a forum post's "Last edited" mark).
   */
  meta?: 'date' | 'outlet' | 'profile' | 'link' | 'tags' | 'category' | 'follow' | 'site' | 'edited';
  start: number;
  end: number;
  text: string;
}

const URL = /https?:\/\/\S+/;
const URL_ONLY = /^(https?:\/\/|www\.)\S+$/i;
/**
 * Chrome that tells about the site or the poster rather than the article: how to support, follow or reach the
 * outlet (donations, social accounts, its web site, its sister sites). Kept apart as `page` lines, which answer
 * only questions about the site ("how can I donate to MTT?", "what is their Twitter handle?").
 */
const PAGE_INFO = /\b(donat(e|ions?)|paypal|patreon|subscribe|newsletter|please (join|follow|like)|follow us|join (us )?on (twitter|facebook|telegram|instagram)|is now on (pinterest|twitter|facebook|instagram|telegram)|is part of the .* group|personal website)\b/i;
/** Lines that ask for money, follows or clicks: never article text. The site's own ({@link PAGE_INFO}), and sharing and copyright lines. */
const PROMO = new RegExp(String.raw`${PAGE_INFO.source}|\b(please share|share this|all rights reserved|copyright ©)\b`, 'i');
/** A link to an account on a social network, alone on its line. */
const SOCIAL_LINK = /^(https?:\/\/)?([a-z0-9-]+\.)?(twitter|x|facebook|pinterest|instagram|youtube|linkedin|tiktok|telegram|t)\.(com|me|co\.uk)\/\S+$/i;
/** Site navigation and widget lines, matched on the whole trimmed line. */
const NAV = /^(what'?s new|you may also like|leave a (comment|reply)|related (news|posts|articles)|read more|share|tweet|back|top|bottom|top bottom|back to top|reply|quote|report|like|menu|home|search|log ?in|register|latest posts|.* latest posts|advertisement|comments?|\d+ comments?|last edited:?|last edited by .*|click to expand\.*|source ?: .*)$/i;
/** The label of a page's comment form. */
const COMMENT_BOX = /^leave a (?:comment|reply)$/i;
/** Forum profile labels: the label line and the value line after it are chrome. */
const FORUM_LABEL = /^(joined|messages|reaction score|points|country|location|gender|posts|likes received|trophy points|member since)$/i;
const FORUM_STATUS = /^(banned|moderator|administrator|senior member|full member|member|new member|think tank analyst|elite member)$/i;
/** A forum post separator: a lone dot, or a line of only (non-breaking) spaces. */
const POST_SEPARATOR = /^[.\s\u00a0]*$/;
/** Words that make a short header line a publication's name rather than a person's. */
export const OUTLET = /\b(times|news|post|journal|daily|herald|tribune|press|media|agency|gazette|magazine|review|interest|diplomat|monitor|observer|telegraph|guardian)\b/i;
/** A footer naming the outlet ("Source : Global Times"). */
export const SOURCE_LINE = /^source ?: ?(.+)$/i;
const HASHTAGS = /^(#\S+\s*){2,}$/;
const DATE_LINE = /^(\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}, \d{4}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})$/i;

/** A URL with at most a short site description after it ("http://x.com Site – News"), or alone. */
function isSiteLink(t: string): boolean {
  return URL.test(t) && t.replace(URL, '').trim().split(/\s+/).length <= 12 && !/[.!?]["”’]?$/.test(t);
}

/** True for a chrome line that tells about the site: support, accounts, its own web site (see {@link PAGE_INFO}). */
export function isPageInfoLine(line: string): boolean {
  const t = line.trim();
  if (PAGE_INFO.test(t) || SOCIAL_LINK.test(t)) return true;
  // The comment box's label: it tells that readers can comment on the page ("does it have a comments section?").
  if (COMMENT_BOX.test(t)) return true;
  // A site's link with its description (a bare link is only a social account's), or a call to follow it ("PLEASE JOIN ON TWITTER").
  if (isSiteLink(t) && !URL_ONLY.test(t)) return true;
  return t === t.toUpperCase() && /\b(JOIN|FOLLOW|SUBSCRIBE|DONATE|SUPPORT)\b/.test(t);
}

/** True for a line that is page chrome whatever its place in the page. */
export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t === '' || POST_SEPARATOR.test(t)) return true;
  if (URL_ONLY.test(t) || HASHTAGS.test(t) || NAV.test(t) || FORUM_STATUS.test(t)) return true;
  if (PROMO.test(t)) return true;
  if (isSiteLink(t)) return true;
  // Shouting calls to action ("PLEASE JOIN ON TWITTER").
  return t.length < 60 && t === t.toUpperCase() && /[A-Z]{3}/.test(t) && !/[.!?]$/.test(t) && t.split(/\s+/).length >= 3;
}

/** Splits a text into its non-blank lines with their offsets. */
function lines(text: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '' && !POST_SEPARATOR.test(raw)) continue;
    out.push({ start: m.index + lead, end: m.index + lead + trimmed.length, text: trimmed });
  }
  return out;
}

/**
 * Classifies every line of a seed file: title, byline, article text, reader
 * comment, page information (about the site or the poster) or chrome. On a forum page the first post is the article and later
 * posts (after a separator line) are reader comments.
 */
export function classifyBlocks(text: string): Block[] {
  const ls = lines(text);
  const forum = ls.some((l) => FORUM_LABEL.test(l.text)) && ls.some((l) => /^reaction score$|^joined$/i.test(l.text));
  const blocks: Block[] = [];
  let title: string | undefined;
  let sawBody = false;
  let inComments = false;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const prev = ls[i - 1]?.text ?? '';
    const next = ls[i + 1]?.text ?? '';
    let kind: BlockKind;
    if (forum && sawBody && POST_SEPARATOR.test(l.text) && l.text.includes('.')) inComments = true;
    const source = SOURCE_LINE.test(l.text);
    if (source) {
      blocks.push({ kind: 'chrome', meta: 'outlet', ...l });
      continue;
    }
    // The opening poster's profile (name, status, "Joined", its date, "Messages", the count…): one page block.
    // (Before the article's body only: the forum rules below take what a profile line is later, in the comments.)
    const profile = forum && !sawBody && (FORUM_STATUS.test(l.text) || FORUM_LABEL.test(l.text) || FORUM_LABEL.test(prev) || ((FORUM_STATUS.test(next) || FORUM_LABEL.test(next)) && l.text.split(/\s+/).length <= 3));
    const last = blocks[blocks.length - 1];
    // The last block, grown to end with this line: the file's text between them included.
    const extended = (b: Block): Block => ({ ...b, end: l.end, text: text.slice(b.start, l.end) });
    if (profile) {
      if (last?.meta === 'profile') blocks[blocks.length - 1] = extended(last);
      else blocks.push({ kind: 'page', meta: 'profile', ...l });
      continue;
    }
    const furniture = pageFurniture(l.text, sawBody);
    if (furniture !== undefined) {
      blocks.push({ kind: 'page', meta: furniture, ...l });
      continue;
    }
    if (l.text === '' || isChromeLine(l.text)) kind = isPageInfoLine(l.text) ? 'page' : 'chrome';
    else if (forum && (FORUM_LABEL.test(l.text) || FORUM_LABEL.test(prev))) kind = 'chrome';
    else if (title !== undefined && l.text === title) kind = 'chrome';
    else if (inComments) kind = 'comment';
    else if (!sawBody && OUTLET.test(l.text) && l.text.length <= 60 && !/^by\s/i.test(l.text)) {
      blocks.push({ kind: 'chrome', meta: 'outlet', ...l });
      continue;
    } else if (!sawBody && title === undefined && l.text.length <= 200 && !/[.!?]["”]?$/.test(l.text)) {
      kind = 'title';
      title = l.text;
    } else if (!sawBody && title !== undefined && isBylineLine(l.text)) kind = 'byline';
    else if (!sawBody && DATE_LINE.test(l.text)) {
      blocks.push({ kind: 'dateline', meta: 'date', ...l });
      continue;
    }
    else kind = sawBody && isHeading(l.text, standsAlone(text, ls[i - 1]?.end ?? 0, l, ls[i + 1]?.start ?? text.length)) ? 'heading' : 'article';
    if (kind === 'article' && l.text.length > 100) sawBody = true;
    // A call to follow and the link under it are one piece ("PLEASE JOIN ON TWITTER", then the account's link).
    if (kind === 'page' && URL.test(l.text) && last?.kind === 'page' && last.meta === 'follow' && !URL.test(last.text) && last.text === last.text.toUpperCase() && last.end === ls[i - 1]?.end) {
      blocks[blocks.length - 1] = extended(last);
      continue;
    }
    const about = kind === 'page' ? pageInfoKind(l.text) : undefined;
    blocks.push({ kind, ...(about !== undefined && { meta: about }), ...l });
  }
  return blocks;
}

/**
 * Page furniture that answers a question about the page, not about the news: a bare link (a cited source,
 * "https://www3.nhk.or.jp/…", not a social account, which is the site's), a line of hashtags, a post's "Last edited" mark, and before the
 * article's body the section the site files it under ("Security, Asia"). Undefined for any other line.
 */
function pageFurniture(line: string, sawBody: boolean): Block['meta'] {
  // A forum post's "Last edited:" mark: the post above it was edited ("were any of the replies edited?").
  if (/^last edited\b/i.test(line)) return 'edited';
  if (URL_ONLY.test(line) && !SOCIAL_LINK.test(line)) return 'link';
  if (HASHTAGS.test(line)) return 'tags';
  if (!sawBody && line.length < 40 && /^[A-Z][\w ]+(, [A-Z][\w ]+)+$/.test(line)) return 'category';
  return undefined;
}

/**
 * What a page information line is for: following the outlet (a social account, "PLEASE JOIN ON TWITTER", "… is now on
 * PINTEREST") or reaching its web site, or a sister site (a link with the site's description; not a person's own site,
 * "… personal website"). Undefined for the rest (a donation line, "… is part of the … group").
 */
function pageInfoKind(line: string): Block['meta'] {
  const t = line.trim();
  if (SOCIAL_LINK.test(t.split(/\s+/)[0]!) || /\b(?:join|follow)\b[^.]{0,30}\b(?:on|us)\b|\bis now on\b/i.test(t)) return 'follow';
  if (isSiteLink(t) && !URL_ONLY.test(t) && !/\bpersonal\b/i.test(t)) return 'site';
  return undefined;
}

/** A short line of personal names ("Sawako Utsumi and Lee Jay Walker", "by time news", "James D.J. Brown"). */
export function isBylineLine(line: string): boolean {
  const t = line.trim();
  if (/^by\s+\S/i.test(t) && t.length <= 80) return true;
  if (t.length > 90 || /[.!?:]$/.test(t) && !/\b[A-Z]\.$/.test(t)) return false;
  const names = t.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/).filter(Boolean);
  return names.length > 0 && names.every((n) => /^([A-Z][a-z’'-]+|[A-Z]\.(?:[A-Z]\.)*)(\s+([A-Z][a-z’'-]+|[A-Z]\.(?:[A-Z]\.)*)){1,3}$/.test(n));
}

/** The date a header line gives, as YYYY-MM-DD, or undefined. */
export function parseDateLine(line: string): string | undefined {
  const t = line.trim();
  if (!DATE_LINE.test(t)) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  const d = iso ? new Date(Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!, 12)) : new Date(`${t.replace(/,/g, '')} 12:00 UTC`);
  if (Number.isNaN(d.getTime())) return undefined;
  // Date rolls impossible days over (Feb 30 → Mar 1): only a date that reads back with the same day is real.
  const day = iso ? +iso[3]! : Number(/\b(\d{1,2})\b/.exec(t)?.[1]);
  const month = iso ? +iso[2]! - 1 : undefined;
  if (d.getUTCDate() !== day || (month !== undefined && d.getUTCMonth() !== month)) return undefined;
  return d.toISOString().slice(0, 10);
}

/** A line with a blank line before it and after it (or the file's start or end): a paragraph of its own. */
function standsAlone(text: string, before: number, line: { start: number; end: number }, after: number): boolean {
  const blank = (gap: string) => /\n[^\S\n]*\r?\n/.test(gap);
  return (before === 0 || blank(text.slice(before, line.start))) && (after === text.length || blank(text.slice(line.end, after)));
}

/**
 * A section heading inside an article ("Implications for the United States"): short, capitalised, no sentence ending;
 * or, `standalone` (blank lines either side), two to four lower-case words ("new alliances", as a machine translation
 * renders one; not a line of a hard-wrapped paragraph, nor a one-word "lol").
 */
export function isHeading(line: string, standalone = false): boolean {
  const t = line.trim();
  return (t.length <= 80 && t.split(/\s+/).length <= 10 && /^[A-Z]/.test(t) && !/[.!?:;,]["”’]?$/.test(t)) || (standalone && /^[a-z]+(?: [a-z]+){1,3}$/.test(t));
}
