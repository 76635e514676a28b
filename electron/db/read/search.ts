// One entry for all search modes; `tookMs` is measured here, inside the process.
import type { SearchQuery, SearchResponse } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { keywordSearch } from './keywordSearch.js';
import { regexSearch } from './regexSearch.js';
import { symbolSearch } from './symbolSearch.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export function search(db: ReadDb, q: SearchQuery): SearchResponse {
  const started = performance.now();
  const limit = Math.max(1, Math.min(MAX_LIMIT, q.limit ?? DEFAULT_LIMIT));
  const mode = q.mode ?? 'keyword';
  if (mode === 'regex') {
    const { hits, unindexed } = regexSearch(db, q, limit);
    return { results: hits, tookMs: elapsed(started), unindexed };
  }
  const results = mode === 'symbol' ? symbolSearch(db, q, limit) : keywordSearch(db, q, limit);
  return { results, tookMs: elapsed(started) };
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 100) / 100;
