// The filters the Backend read in the query (`repo:gin`, `-path:test`), shown as chips under the
// box so a person sees what narrows the results; ✕ takes the filter out of the query text.
import type { QueryFilter } from '../../shared/types.js';
import { useStore } from '../store/index.js';

const LABELS: Record<QueryFilter['key'], string> = {
  repo: 'repo', lang: 'language', file: 'file', path: 'path', '-file': 'not file', '-path': 'not path',
};

/** The query without the filter's token (written bare or quoted), its other spacing kept. */
export function withoutFilter(query: string, { key, value }: QueryFilter): string {
  for (const token of [`${key}:${value}`, `${key}:"${value}"`]) {
    const at = query.split(/(\s+)/).indexOf(token);
    if (at < 0) continue;
    const parts = query.split(/(\s+)/);
    parts.splice(at, 2);
    return parts.join('').trim();
  }
  return query;
}

/** One empty list: a selector answering a new [] each time would re-render forever. */
const NONE: QueryFilter[] = [];

export function QueryChips() {
  const filters = useStore((s) => s.answered?.filters ?? NONE);
  if (filters.length === 0) return null;
  return (
    <div className="chips row" data-testid="query-chips" aria-label="Filters in the query">
      {filters.map((f) => (
        <span key={`${f.key}:${f.value}`} className={`chip${f.key.startsWith('-') ? ' not' : ''}`} data-testid="query-chip" data-key={f.key}>
          <span className="chip-key">{LABELS[f.key]}</span> <span className="mono">{f.value}</span>
          <button type="button" className="chip-remove" aria-label={`Remove the ${LABELS[f.key]} filter ${f.value}`} onClick={() => useStore.getState().setQuery(withoutFilter(useStore.getState().query, f))}>✕</button>
        </span>
      ))}
    </div>
  );
}
