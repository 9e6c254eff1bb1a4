import { z } from 'zod';
import { OUTLET, parseDateLine, SOURCE_LINE, type Block } from './clean.js';
import type { DocumentMeta } from './types.js';

/** Hosts whose links are the outlet's social accounts, not sources. */
const SOCIAL = /(^|\.)(twitter|x|facebook|pinterest|instagram|youtube|t|linkedin|tiktok|telegram)\.(com|co\.uk|me|org)$/i;

const overrideSchema = z.object({
  title: z.string().min(1).optional(),
  authors: z.array(z.string().min(1)).optional(),
  outlet: z.string().min(1).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  urls: z.array(z.string().url()).optional(),
  cited: z.array(z.string().url()).optional(),
  machineTranslated: z.boolean().optional(),
});

/** `metadata.json` beside the seeds: file name → fields that override what the text gives. */
export const metadataFileSchema = z.record(z.string(), overrideSchema);
export type MetadataOverrides = z.infer<typeof metadataFileSchema>;

/** Every link of a text that parses as a URL, with where it starts (trailing punctuation taken off). */
function* linksIn(text: string): Generator<{ raw: string; url: URL; at: number }> {
  for (const m of text.matchAll(/https?:\/\/[^\s<>"”)]+/g)) {
    const raw = m[0].replace(/[.,;:]+$/, '');
    try {
      yield { raw, url: new URL(raw), at: m.index };
    } catch {
      // not a URL: nothing to learn from it
    }
  }
}

/** A site's bare home page ("http://moderntokyotimes.com"): no path. */
const isHomePage = (url: URL) => url.pathname.replace(/\/+$/, '') === '';
/** A URL's host without "www.". */
const hostOf = (url: URL) => url.hostname.replace(/^www\./, '');

/** Source links of a text, each once with where it first stands: social accounts and bare home pages left out. */
function sourceLinks(text: string): Array<{ raw: string; url: URL; at: number }> {
  const out = new Map<string, { raw: string; url: URL; at: number }>();
  for (const link of linksIn(text)) if (!SOCIAL.test(link.url.hostname) && !isHomePage(link.url) && !out.has(link.raw)) out.set(link.raw, link);
  return [...out.values()];
}

/** Source links found in a text: article links kept, social accounts and bare home pages dropped. */
export function findSourceUrls(text: string): string[] {
  return sourceLinks(text).map((l) => l.raw);
}

/**
 * The article's own links and the links it cites. A link inside a reader's comment is neither. When the page
 * names its outlet's site by a bare home page whose host spells the outlet ("http://moderntokyotimes.com" for Modern
 * Tokyo Times), a link to another site (its subdomains are the site's) is one the article cites ("https://www3.nhk.or.jp/…"
 * under "NHK reports…"), not where the article lives; with no home page named, every link counts as its own, as
 * nothing tells them apart.
 */
function ownAndCitedUrls(text: string, blocks: Block[], outlet: string | undefined): { own: string[]; cited: string[] } {
  const inComment = (at: number) => blocks.some((b) => b.kind === 'comment' && at >= b.start && at < b.end);
  const links = sourceLinks(text).filter((l) => !inComment(l.at));
  // The outlet's own home page: its host's name is the outlet's name ("moderntokyotimes.com", Modern Tokyo Times).
  const homes = new Set<string>();
  for (const { url, at } of linksIn(text)) if (isHomePage(url) && !inComment(at) && sameName(hostOf(url).split('.')[0]!, outlet)) homes.add(hostOf(url));
  if (homes.size === 0) return { own: links.map((l) => l.raw), cited: [] };
  const onSite = (url: URL) => [...homes].some((h) => hostOf(url) === h || hostOf(url).endsWith(`.${h}`));
  return { own: links.filter((l) => onSite(l.url)).map((l) => l.raw), cited: links.filter((l) => !onSite(l.url)).map((l) => l.raw) };
}

/** A host name that spells the outlet's name, letters and digits only ("moderntokyotimes" for "Modern Tokyo Times"). */
function sameName(label: string, outlet: string | undefined): boolean {
  const letters = (t: string) => t.toLowerCase().replace(/[^a-z0-9]/g, '');
  return outlet !== undefined && letters(outlet).length > 0 && letters(label) === letters(outlet);
}

/** What the blocks of a file tell about its title, authors, outlet and date, with overrides applied last. */
export function inferMetadata(text: string, blocks: Block[], override: MetadataOverrides[string] = {}): DocumentMeta {
  const title = blocks.find((b) => b.kind === 'title')?.text ?? firstWords(blocks.find((b) => b.kind === 'article')?.text ?? '');
  const bylines = blocks.filter((b) => b.kind === 'byline').flatMap((b) => splitNames(b.text));
  // "by time news" names a publication, not a person.
  const authors = bylines.filter((name) => !OUTLET.test(name));
  const outletBlock = blocks.find((b) => b.meta === 'outlet');
  const outlet = outletBlock ? outletBlock.text.replace(SOURCE_LINE, '$1').trim() : bylines.find((name) => OUTLET.test(name));
  const dateBlock = blocks.find((b) => b.meta === 'date');
  const date = dateBlock ? parseDateLine(dateBlock.text) : undefined;
  const { own, cited } = ownAndCitedUrls(text, blocks, override.outlet ?? outlet);
  const meta: DocumentMeta = { title, authors, urls: own, ...(cited.length > 0 && { cited }) };
  if (outlet) meta.outlet = outlet;
  if (date) meta.date = date;
  return { ...meta, ...override };
}

/** "Kanako Mita, Sawako Utsumi, and Lee Jay Walker" → three names; "by time news" → ["time news"]. */
export function splitNames(line: string): string[] {
  return line.replace(/^by\s+/i, '').split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/).map((s) => s.trim()).filter(Boolean);
}

function firstWords(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(' ')) + '…';
}
