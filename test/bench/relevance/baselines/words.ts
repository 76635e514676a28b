// Query and document words for the baselines: stop words, identifier splitting, lowercasing.

export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'do', 'does', 'for', 'from', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
  'its', 'of', 'on', 'or', 'so', 'that', 'the', 'their', 'then', 'there', 'these', 'this', 'to', 'was', 'what', 'when', 'where',
  'which', 'who', 'why', 'with', 'without', 'we', 'you', 'your', 'my', 'me', 'our', 'any', 'all', 'each', 'every', 'some', 'such',
  'get', 'gets', 'got', 'has', 'have', 'had', 'will', 'would', 'should', 'could', 'them', 'they', 'than', 'too', 'very', 'up',
]);

/** The ripgrep baseline's words: split on non-word characters, lowercased, each once. As the issue defines the
 *  baseline ("the query's words OR'd"), every word counts; `dropStopWords` gives the kinder variant
 *  (stop words and one-letter words dropped) that the report shows beside it. */
export function queryWords(query: string, dropStopWords = false): string[] {
  const words = query.toLowerCase().split(/\W+/).filter((w) => w.length > 0 && (!dropStopWords || (w.length >= 2 && !STOP_WORDS.has(w))));
  return [...new Set(words)];
}

/** BM25 tokens: runs of letters/digits, each split at camelCase and snake_case boundaries, lowercased.
 *  A compound identifier yields its parts and the whole (so `ShouldBindJSON` also matches itself). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(/[A-Za-z0-9_]+/g) ?? []) {
    const parts = word
      .split('_')
      .flatMap((p) => p.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/))
      .filter((p) => p.length > 0)
      .map((p) => p.toLowerCase());
    out.push(...parts);
    const whole = word.replace(/_/g, '').toLowerCase();
    if (parts.length > 1 && whole.length > 0) out.push(whole);
  }
  return out;
}

/** BM25 query terms: the query's tokens without stop words, each once. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query).filter((t) => !STOP_WORDS.has(t)))];
}
