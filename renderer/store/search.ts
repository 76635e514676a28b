// Search: the query, mode and filters, the results and the keyboard selection. Only the newest
// request's answer is kept, so a slow earlier query never overwrites a newer one.
import type { IndexingRuns } from '../../shared/indexingNote.js';
import type { QueryFilter, SearchHit, SearchMode, SearchQuery } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { Slice } from './index.js';
import { fileCount, fileKey, foldsFor, groupHits, isShown, nextVisibleHit } from './resultGroups.js';
import { type MatchSpec, matchSpecFor } from '../codemirror/matchPattern.js';

/** The modes that match letters (case and whole-word options apply to them only). */
export const TEXT_MODES: ReadonlySet<SearchMode> = new Set(['keyword', 'regex']);

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
  /** Keyword and regex: match letter case exactly (Aa, Alt+C). */
  caseSensitive: boolean;
  /** Keyword and regex: whole words only (ab|, Alt+W). */
  wholeWord: boolean;
  /** Hits grouped by file (see resultGroups.ts), best file first. */
  results: SearchHit[];
  /** Files (fileKey) whose hits are folded away. */
  collapsed: string[];
  /** Files (fileKey) of a ranked answer showing every hit, not only their best few. */
  expanded: string[];
  selected: number;
  searching: boolean;
  searchError: string | null;
  /** The query the results answer, with its timing; `indexing`: the repos still being indexed when it ran (results may be missing). */
  answered: {
    query: string; mode: SearchMode; tookMs: number; unindexed: boolean; notice: string | null; more: boolean; files: number; filters: QueryFilter[]; matches: MatchSpec | null;
    indexing: IndexingRuns;
  } | null;
  /** What to mark in the file a hit opened (only while that file is open). */
  highlight: { repo: string; path: string; spec: MatchSpec } | null;
  /** Selects the hit and opens its file at its line, marking the search's matches in it. */
  openHit(index: number): void;
  setQuery(query: string): void;
  setMode(mode: SearchMode): void;
  setFilter(name: keyof SearchFilters, value: string): void;
  toggleCaseSensitive(): void;
  toggleWholeWord(): void;
  /** Folds or unfolds a file's hits; a selection inside a folded file moves to its nearest open hit. */
  toggleCollapsed(key: string): void;
  /** Shows every hit of a file of a ranked answer (its best few are shown at first). */
  expandFile(key: string): void;
  /** `keepSelection`: a live re-run keeps the selected hit selected when it is still in the answer. */
  runSearch(options?: { keepSelection?: boolean }): Promise<void>;
  moveSelection(delta: number): void;
  select(index: number): void;
}

let latest = 0;

/** Results shown at most; the answer says when more exist ("500+"). */
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
  mode: 'auto',
  filters: { repo: '', lang: '', path: '', kind: '' },
  caseSensitive: false,
  wholeWord: false,
  results: [],
  collapsed: [],
  expanded: [],
  highlight: null,
  selected: 0,
  searching: false,
  searchError: null,
  answered: null,
  setQuery: (query) => set({ query }),
  setMode: (mode) => set({ mode }),
  setFilter: (name, value) => set((s) => ({ filters: { ...s.filters, [name]: value } })),
  toggleCaseSensitive: () => set((s) => ({ caseSensitive: !s.caseSensitive })),
  toggleWholeWord: () => set((s) => ({ wholeWord: !s.wholeWord })),
  toggleCollapsed: (key) => set((s) => {
    const collapsed = s.collapsed.includes(key) ? s.collapsed.filter((k) => k !== key) : [...s.collapsed, key];
    const folds = foldsFor(s.answered?.mode, collapsed, s.expanded);
    const current = s.results[s.selected];
    if (!current || !folds.collapsed.has(fileKey(current))) return { collapsed };
    const after = nextVisibleHit(s.results, folds, s.selected, 1);
    return { collapsed, selected: after !== s.selected ? after : nextVisibleHit(s.results, folds, s.selected, -1) };
  }),
  expandFile: (key) => set((s) => (s.expanded.includes(key) ? {} : { expanded: [...s.expanded, key] })),
  async runSearch(options = {}) {
    const { query, mode, filters, caseSensitive, wholeWord } = get();
    const before = options.keepSelection ? get().results[get().selected] : undefined;
    const request = ++latest;
    if (!query.trim()) return set({ results: [], answered: null, searchError: null, searching: false });
    const req: SearchQuery = { query, mode, limit: RESULT_LIMIT };
    // Sent explicitly in the text modes: regex alone would otherwise default to exact case.
    if (TEXT_MODES.has(mode)) Object.assign(req, { caseSensitive }, wholeWord ? { wholeWord } : {});
    if (filters.repo) req.repo = filters.repo;
    if (filters.lang) req.lang = filters.lang;
    if (filters.path.trim()) req.path = filters.path.trim();
    if (filters.kind) req.kind = filters.kind;
    set({ searching: true });
    try {
      const response = await call('search:query', req);
      if (request !== latest) return;
      const results = groupHits(response.results, mode);
      // A new query opens every file again; a live re-run keeps what the person folded.
      const present = (k: string): boolean => results.some((r) => fileKey(r) === k);
      const collapsed = options.keepSelection ? get().collapsed.filter(present) : [];
      const selected = Math.max(0, sameHitIndex(results, before));
      const expanded = options.keepSelection ? get().expanded.filter(present) : [];
      // A kept selection that fell below its file's best few stays in sight: its file shows every hit.
      const kept = results[selected];
      if (kept && !isShown(results, foldsFor(mode, collapsed, expanded), selected) && !collapsed.includes(fileKey(kept))) expanded.push(fileKey(kept));
      set({
        results, collapsed, expanded, selected, searchError: null, searching: false,
        answered: {
          query, mode, tookMs: response.tookMs, unindexed: response.unindexed ?? false, notice: response.notice ?? null,
          more: response.truncated ?? false, files: fileCount(results), filters: response.syntax?.filters ?? [],
          matches: matchSpecFor({ text: response.syntax?.marks?.join(' ') ?? response.syntax?.text ?? query, mode, caseSensitive, wholeWord }),
          indexing: response.indexing ?? [],
        },
      });
    } catch (e) {
      if (request !== latest) return;
      set({ results: [], searchError: errorMessage(e), searching: false, answered: null });
    }
  },
  moveSelection: (delta) => set((s) => {
    const folds = foldsFor(s.answered?.mode, s.collapsed, s.expanded);
    let selected = s.selected;
    for (let step = 0; step < Math.abs(delta); step++) selected = nextVisibleHit(s.results, folds, selected, Math.sign(delta));
    return { selected };
  }),
  select: (selected) => set({ selected }),
  openHit(index) {
    const hit = get().results[index];
    if (!hit) return;
    const spec = get().answered?.matches ?? null;
    set({ selected: index, highlight: spec ? { repo: hit.repo, path: hit.path, spec } : null });
    void get().openAt({ repo: hit.repo, path: hit.path, line: hit.line });
  },
});
