// One entry for all search modes; `tookMs` is measured here, inside the process.
import type { SearchQuery, SearchResponse } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import type { ReadDb } from '../connection.js';
import { keywordSearch } from './keywordSearch.js';
import { regexSearch } from './regexSearch.js';
import { symbolSearch } from './symbolSearch.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

/** The hits a query asks for, within bounds: every mode counts the same way. One past MAX_LIMIT is
 * allowed because the Backend asks for one more hit than it answers, to know whether a list was cut. */
export const searchLimit = (q: Pick<SearchQuery, 'limit'>): number => Math.max(1, Math.min(MAX_LIMIT + 1, q.limit ?? DEFAULT_LIMIT));

/** `budgetMs`: how long a search that streams rows (regex) may run; past it, it answers what it found, marked `timedOut`. */
export function search(db: ReadDb, q: SearchQuery, budgetMs = Infinity): SearchResponse {
  const started = performance.now();
  const limit = searchLimit(q);
  const mode = q.mode ?? 'keyword';
  if (mode === 'regex') {
    const { hits, unindexed, timedOut } = regexSearch(db, q, limit, () => performance.now() - started > budgetMs);
    if (!timedOut) return { results: hits, tookMs: elapsed(started), unindexed };
    if (hits.length === 0) throw new ClewFailure('TIMEOUT', `the regex search found nothing within its ${budgetMs} ms limit; narrow it with a repo, path or language filter, or a longer literal`);
    return { results: hits, tookMs: elapsed(started), unindexed, timedOut, notice: `stopped at the ${budgetMs} ms time limit: these are the matches found until then` };
  }
  const results = mode === 'symbol' ? symbolSearch(db, q, limit) : keywordSearch(db, q, limit);
  return { results, tookMs: elapsed(started) };
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;
