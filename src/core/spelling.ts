/**
 * British → American spelling, applied to a lower-case word before stemming so that
 * "defence" and "defense", "characterise" and "characterize" give one term.
 * Applied alike to corpus and questions, so a rule that also rewrites an unrelated
 * word ("exercise" → "exercize") is harmless.
 */
const rules: Array<[RegExp, string]> = [
  [/^(.{3,})is(e|ed|es|ing|ation|ations)$/, '$1iz$2'],
  [/^(.{2,})ys(e|ed|es|ing)$/, '$1yz$2'],
  [/^(def|off|lic|pret)enc(e|es)$/, '$1ens$2'],
  [/^(col|fav|behavi|hon|lab|neighb|rum|harb|hum|vig|rig|endeav|arm|sav|flav)our(s|ed|ing|ite|ites|able|hood)?$/, '$1or$2'],
  [/^(cent|theat|met|lit|fib|calib|spect)re(s|d)?$/, '$1er$2'],
  [/^programme(s)?$/, 'program$1'],
  [/^travell(ed|ing|er|ers)$/, 'travel$1'],
];

/** Maps a lower-case British spelling to its American form; other words come back unchanged. */
export function americanise(word: string): string {
  for (const [pattern, replacement] of rules) if (pattern.test(word)) return word.replace(pattern, replacement);
  return word;
}
