// Ranking metrics for the relevance benchmark: file-level NDCG@k and recall@k, symbol recall, percentiles.

/** Files in first-seen order, each once. */
export function rankedFiles(paths: readonly string[]): string[] {
  return [...new Set(paths)];
}

/** Graded relevance per expected file: `grades[i]` or 1 (binary) for each of `files`. */
export function relevanceOf(files: readonly string[], grades?: readonly number[]): Map<string, number> {
  return new Map(files.map((f, i) => [f, grades?.[i] ?? 1]));
}

/** NDCG@k with gain 2^rel − 1 and discount log2(rank + 1); 0 when nothing relevant is ranked. */
export function ndcgAt(ranked: readonly string[], relevance: ReadonlyMap<string, number>, k = 10): number {
  const dcg = (gains: number[]): number => gains.slice(0, k).reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...relevance.values()].sort((a, b) => b - a));
  if (ideal === 0) return 0;
  return dcg(rankedFiles(ranked).map((f) => relevance.get(f) ?? 0)) / ideal;
}

/** Share of the expected files found among the first k ranked files. */
export function recallAt(ranked: readonly string[], expected: readonly string[], k = 10): number {
  if (expected.length === 0) return 0;
  const top = new Set(rankedFiles(ranked).slice(0, k));
  return expected.filter((f) => top.has(f)).length / expected.length;
}

/** Name segments of a symbol: `Rack::Utils#secure_compare`, `gin.(*Context).Bind`, `a.b#2` → last parts, decorations dropped. */
export function symbolSegments(symbol: string): string[] {
  return symbol
    .replace(/\(([^()]*)\)$/, '') // C++-style parameter lists
    .replace(/#\d+$/, '') // duplicate-name suffixes
    .split(/::|->|[.#\\/:]/)
    .map((s) => s.replace(/[()*&\s]/g, ''))
    .filter((s) => s.length > 0);
}

/** True when `actual` names `expected`: same last part, and the expected owner parts appear in order before it. */
export function symbolMatches(actual: string, expected: string): boolean {
  const a = symbolSegments(actual);
  const e = symbolSegments(expected);
  if (a.length === 0 || e.length === 0 || a[a.length - 1] !== e[e.length - 1]) return false;
  let at = 0;
  for (const owner of e.slice(0, -1)) {
    const found = a.indexOf(owner, at);
    if (found < 0 || found >= a.length - 1) return false;
    at = found + 1;
  }
  return true;
}

/** 1 when one of the first k hits, inside one of the expected files, names one of the expected symbols
 *  (an import or a same-named symbol elsewhere does not count), else 0. */
export function symbolRecallAt(hits: ReadonlyArray<{ path: string; symbol: string | null }>, expected: readonly string[], files: readonly string[], k = 10): number {
  const inFiles = new Set(files);
  return hits.slice(0, k).some((h) => h.symbol !== null && inFiles.has(h.path) && expected.some((e) => symbolMatches(h.symbol!, e))) ? 1 : 0;
}

/** Nearest-rank percentile (p in 0..100) of `xs`; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}
