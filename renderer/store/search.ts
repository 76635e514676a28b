// Search: the query, mode and filters, the results and the keyboard selection. Only the newest
// request's answer is kept, so a slow earlier query never overwrites a newer one.
import type { SearchHit, SearchMode, SearchQuery } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { Slice } from './index.js';

export interface SearchFilters {
  repo: string;
  lang: string;
  path: string;
  kind: string;
}

export interface SearchSlice {
  query: string;
  mode: SearchMode;
  filters: SearchFilters;
  results: SearchHit[];
  selected: number;
  searching: boolean;
  searchError: string | null;
  /** The query the results answer, with its timing. */
  answered: { query: string; mode: SearchMode; tookMs: number; unindexed: boolean; notice: string | null; more: boolean } | null;
  setQuery(query: string): void;
  setMode(mode: SearchMode): void;
  setFilter(name: keyof SearchFilters, value: string): void;
  /** `keepSelection`: a live re-run keeps the selected hit selected when it is still in the answer. */
  runSearch(options?: { keepSelection?: boolean }): Promise<void>;
  moveSelection(delta: number): void;
  select(index: number): void;
}

let latest = 0;

/** Results shown at most; one more is asked for so that a cut list can say so honestly ("500+"). */
export const RESULT_LIMIT = 500;

/** The same hit in a newer answer: same place, or failing that the same symbol in the same file (its line may have moved). */
export function sameHitIndex(results: SearchHit[], hit: SearchHit | undefined): number {
  if (!hit) return -1;
  const exact = results.findIndex((r) => r.repo === hit.repo && r.path === hit.path && r.line === hit.line && r.column === hit.column);
  if (exact >= 0 || !hit.symbol) return exact;
  return results.findIndex((r) => r.repo === hit.repo && r.path === hit.path && r.symbol === hit.symbol);
}

export const searchSlice: Slice<SearchSlice> = (set, get) => ({
  query: '',
  mode: 'keyword',
  filters: { repo: '', lang: '', path: '', kind: '' },
  results: [],
  selected: 0,
  searching: false,
  searchError: null,
  answered: null,
  setQuery: (query) => set({ query }),
  setMode: (mode) => set({ mode }),
  setFilter: (name, value) => set((s) => ({ filters: { ...s.filters, [name]: value } })),
  async runSearch(options = {}) {
    const { query, mode, filters } = get();
    const before = options.keepSelection ? get().results[get().selected] : undefined;
    const request = ++latest;
    if (!query.trim()) return set({ results: [], answered: null, searchError: null, searching: false });
    const req: SearchQuery = { query, mode, limit: RESULT_LIMIT + 1 };
    if (filters.repo) req.repo = filters.repo;
    if (filters.lang) req.lang = filters.lang;
    if (filters.path.trim()) req.path = filters.path.trim();
    if (filters.kind) req.kind = filters.kind;
    set({ searching: true });
    try {
      const response = await call('search:query', req);
      if (request !== latest) return;
      const results = response.results.slice(0, RESULT_LIMIT);
      set({
        results, selected: Math.max(0, sameHitIndex(results, before)), searchError: null, searching: false,
        answered: { query, mode, tookMs: response.tookMs, unindexed: response.unindexed ?? false, notice: response.notice ?? null, more: response.results.length > RESULT_LIMIT },
      });
    } catch (e) {
      if (request !== latest) return;
      set({ results: [], searchError: errorMessage(e), searching: false, answered: null });
    }
  },
  moveSelection: (delta) => set((s) => ({ selected: Math.max(0, Math.min(s.results.length - 1, s.selected + delta)) })),
  select: (selected) => set({ selected }),
});
