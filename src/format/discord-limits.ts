/** Discord's hard limits on a message payload (characters unless named otherwise). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of every title, description, field name and value, footer and author name of all embeds. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  url: 2048,
} as const;

/**
 * Cuts `text` to at most `max` characters (UTF-16 units), ending with "…" when cut.
 * Never leaves a lone trailing backslash or half a surrogate pair, so a cut
 * cannot escape the ellipsis or break a character.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\\+$/, (s) => (s.length % 2 === 0 ? s : s.slice(0, -1)));
  return `${cut}…`;
}
