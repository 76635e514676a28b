// The ways code spells a few words as one identifier: "parse config" → parseConfig, ParseConfig, parse_config,
// PARSE_CONFIG, parse-config, parseconfig. Keyword search can look for these as whole names.

const cap = (w: string): string => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

/** Identifier spellings of consecutive words (2 to `maxWords`), lower-case words in; de-duplicated, in a fixed order. */
export function identifierSpellings(words: readonly string[], maxWords = 3): string[] {
  const out = new Set<string>();
  const clean = words.map((w) => w.toLowerCase()).filter((w) => /^[a-z0-9]+$/.test(w));
  for (let n = Math.min(maxWords, clean.length); n >= 2; n--) {
    for (let i = 0; i + n <= clean.length; i++) {
      const run = clean.slice(i, i + n);
      out.add(run[0]! + run.slice(1).map(cap).join(''));
      out.add(run.map(cap).join(''));
      out.add(run.join('_'));
      out.add(run.join('_').toUpperCase());
      out.add(run.join('-'));
      out.add(run.join(''));
    }
  }
  return [...out];
}
