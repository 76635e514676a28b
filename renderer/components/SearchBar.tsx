// One box with the six modes, the case and whole-word toggles, and the filters. Typing searches
// after a short pause; Enter at once; arrows move through the results from the box.
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { FILTER_LANGUAGES, SEARCH_MODES, SYMBOL_KINDS } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { TEXT_MODES } from '../store/search.js';
import { QueryChips } from './QueryChips.js';

const DEBOUNCE_MS = 200;

export function SearchBar() {
  const query = useStore((s) => s.query);
  const mode = useStore((s) => s.mode);
  const filters = useStore((s) => s.filters);
  const repos = useStore((s) => s.repos);
  const caseSensitive = useStore((s) => s.caseSensitive);
  const wholeWord = useStore((s) => s.wholeWord);
  const textMode = TEXT_MODES.has(mode);
  const s = useStore.getState;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const first = useRef(true);

  // Any change of query, mode or filter re-runs the search after a pause.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void s().runSearch(), DEBOUNCE_MS);
    return () => { if (timer.current) clearTimeout(timer.current); };
  }, [query, mode, filters, caseSensitive, wholeWord, s]);

  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      s().moveSelection(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = s().results[s().selected];
      const answered = s().answered;
      // Enter opens the selected hit when the results answer this query; otherwise it searches now.
      if (hit && answered?.query === s().query && answered.mode === s().mode) s().openHit(s().selected);
      else {
        if (timer.current) clearTimeout(timer.current);
        void s().runSearch();
      }
    }
  };

  return (
    <div className="pane-head search-head">
      <div className="search-box row">
        <input
          type="search" aria-label="Search" data-testid="search-input" className="grow"
          placeholder={mode === 'regex' ? `Regular expression (${caseSensitive ? 'exact case' : 'any case'}), e.g. @(Get|Post)Mapping` : 'Search code… (repo: lang: file: -path: filter)'}
          value={query} onChange={(e) => s().setQuery(e.target.value)} onKeyDown={onKey} autoFocus
        />
        <button
          type="button" className="toggle" data-testid="toggle-case" aria-pressed={textMode && caseSensitive} disabled={!textMode} onClick={() => s().toggleCaseSensitive()}
          aria-label="Aa: match case" title={textMode ? 'Match case (Alt+C)' : 'Match case: keyword and regex modes only'}
        >Aa</button>
        <button
          type="button" className="toggle" data-testid="toggle-word" aria-pressed={textMode && wholeWord} disabled={!textMode} onClick={() => s().toggleWholeWord()}
          aria-label="ab: whole words" title={textMode ? 'Whole words only (Alt+W)' : 'Whole words: keyword and regex modes only'}
        ><span className="word-glyph">ab</span></button>
      </div>
      <QueryChips />
      <div className="modes" role="radiogroup" aria-label="Search mode">
        {SEARCH_MODES.map((m) => (
          <button key={m} type="button" role="radio" aria-checked={mode === m} data-testid={`mode-${m}`} className={mode === m ? 'active' : ''} onClick={() => s().setMode(m)}>{m}</button>
        ))}
      </div>
      <div className="filters">
        <select aria-label="Repository filter" data-testid="filter-repo" value={filters.repo} onChange={(e) => s().setFilter('repo', e.target.value)}>
          <option value="">All repos</option>
          {repos.map((r) => <option key={r.id} value={r.path}>{r.name}</option>)}
        </select>
        <select aria-label="Language filter" data-testid="filter-lang" value={filters.lang} onChange={(e) => s().setFilter('lang', e.target.value)}>
          <option value="">Any language</option>
          {FILTER_LANGUAGES.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
        <input aria-label="Path filter" data-testid="filter-path" placeholder="path glob, e.g. src/**/*.ts" value={filters.path} onChange={(e) => s().setFilter('path', e.target.value)} />
        <select aria-label="Symbol kind filter" data-testid="filter-kind" value={filters.kind} onChange={(e) => s().setFilter('kind', e.target.value)}>
          <option value="">Any kind</option>
          {SYMBOL_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </div>
    </div>
  );
}
