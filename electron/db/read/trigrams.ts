// The trigram index keeps no positions (detail=none, migration 013): it answers "which chunks hold every trigram of
// this substring", and the caller verifies the substring against the chunk's text. These build its MATCH expressions.

/** Trigrams of one needle searched at most: the rest only narrow a set the text check narrows anyway. */
const MAX_TRIGRAMS = 24;

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The distinct lower-case trigrams of a needle, by code point as FTS5's trigram tokenizer splits; none under 3. */
export function trigramsOf(needle: string): string[] {
  const chars = Array.from(needle.toLowerCase());
  const all = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) all.add(chars.slice(i, i + 3).join(''));
  const list = [...all];
  if (list.length <= MAX_TRIGRAMS) return list;
  // Evenly spread, first and last kept: both ends of the needle still have to be there.
  return Array.from({ length: MAX_TRIGRAMS }, (_, k) => list[Math.round((k * (list.length - 1)) / (MAX_TRIGRAMS - 1))] ?? '');
}

/** Whether the index can look a needle up (3 code points or more). */
export function isIndexable(needle: string): boolean {
  return Array.from(needle).length >= 3;
}

/** `"par" AND "ars" AND …` for one needle (≥ 3 code points), parenthesised when it has more than one trigram. */
export function needleExpression(needle: string): string {
  const grams = trigramsOf(needle).map(quote);
  return grams.length === 1 ? (grams[0] ?? '') : `(${grams.join(' AND ')})`;
}

const andOf = (grams: readonly string[]): string => (grams.length === 1 ? quote(grams[0] ?? '') : `(${grams.map(quote).join(' AND ')})`);

/**
 * An OR of ANDs of needles (each ≥ 3 code points) as one MATCH expression; null when a branch has no needle. Each
 * branch is the AND of its needles' trigrams, so trigrams every branch holds are looked up once, outside the OR: an
 * identifier's spellings (newclient, new_client) share most of theirs, and FTS5 walked each shared doclist per spelling.
 */
export function literalsExpression(branches: readonly (readonly string[])[]): string | null {
  const sets = branches.map((needles) => new Set(needles.filter(isIndexable).flatMap(trigramsOf)));
  if (sets.length === 0 || sets.some((set) => set.size === 0)) return null;
  if (sets.length === 1) return andOf([...(sets[0] ?? [])]);
  const common = [...(sets[0] ?? [])].filter((gram) => sets.every((set) => set.has(gram)));
  const rests = sets.map((set) => [...set].filter((gram) => !common.includes(gram)));
  // A branch holding only shared trigrams matches wherever they all are: the OR adds nothing then.
  if (rests.some((rest) => rest.length === 0)) return andOf(common);
  const either = `(${rests.map(andOf).join(' OR ')})`;
  return common.length === 0 ? either : `(${common.map(quote).join(' AND ')} AND ${either})`;
}
