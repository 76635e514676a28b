// Ctrl/Cmd+P: jump to a file or a symbol by name.
import { type KeyboardEvent, useEffect, useState } from 'react';
import type { QuickOpenItem } from '../../shared/types.js';
import { call } from '../api.js';
import { useStore } from '../store/index.js';
import { Highlighted } from './Highlighted.js';
import { PathText } from './PathText.js';
import { quickDetail } from './quickDetail.js';
import { repoName } from './repoName.js';

const DEBOUNCE_MS = 80;

export function QuickOpen() {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<QuickOpenItem[]>([]);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const repos = useStore((s) => s.repos);
  const close = (): void => useStore.getState().setQuickOpen(false);

  useEffect(() => {
    if (!query.trim()) return setItems([]);
    let live = true;
    const timer = setTimeout(() => {
      call('quickopen:query', { query: query.trim(), limit: 40 }).then(
        (found) => { if (live) { setItems(found); setSelected(0); setError(null); } },
        (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); },
      );
    }, DEBOUNCE_MS);
    return () => { live = false; clearTimeout(timer); };
  }, [query]);

  const open = (item: QuickOpenItem | undefined): void => {
    if (!item) return;
    close();
    void useStore.getState().openAt({ repo: item.repo, path: item.path, line: item.line });
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected((i) => Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(items[selected]);
    } else if (e.key === 'Escape') close();
  };

  return (
    <div className="overlay" onClick={close}>
      <div className="dialog quick" role="dialog" aria-label="Quick open" data-testid="quick-open" onClick={(e) => e.stopPropagation()}>
        <input autoFocus aria-label="File or symbol name" data-testid="quick-input" placeholder="File or symbol name…" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKey} />
        <div className="items" role="listbox" aria-label="Files and symbols">
          {error && <div className="error" style={{ padding: '6px 14px' }}>{error}</div>}
          {items.map((item, i) => (
            <div
              key={`${item.kind}:${item.repo}:${item.path}:${item.line}:${item.detail}`} role="option" aria-selected={i === selected} data-testid="quick-item"
              className={`item${i === selected ? ' selected' : ''}`} onMouseEnter={() => setSelected(i)} onClick={() => open(item)}
            >
              <span className="kind">{item.kind === 'file' ? 'file' : item.symbolKind ?? 'symbol'}</span>
              <span className="quick-name" title={item.label} data-testid="quick-label"><Highlighted text={item.label} ranges={item.highlights ?? []} /></span>
              <PathText path={quickDetail(item)} title={item.detail} className="dim mono grow" testId="quick-detail" />
              {/* Two repos may hold the same path (package.json, src/index.ts): the row says whose. */}
              {repos.length > 1 && <span className="repo-label" data-testid="quick-repo" title={item.repo}>{repoName(item.repo, repos)}</span>}
            </div>
          ))}
          {query.trim() && items.length === 0 && !error && <div className="dim" style={{ padding: '6px 14px' }}>Nothing matches.</div>}
        </div>
      </div>
    </div>
  );
}
