// Search results as a virtualized list: only the visible rows exist in the DOM, so thousands of
// hits scroll smoothly. The selection follows the keyboard and stays in view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { SearchHit } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { Highlighted } from './Highlighted.js';
import { PathText } from './PathText.js';

// Three lines (where, snippet, symbol) plus padding: a smaller row clips the symbol line.
const ROW_HEIGHT = 64;

function Hit({ hit, index, selected, top, repoName }: { hit: SearchHit; index: number; selected: boolean; top: number; repoName: string }) {
  const open = (): void => {
    useStore.getState().select(index);
    void useStore.getState().openAt({ repo: hit.repo, path: hit.path, line: hit.line });
  };
  return (
    <div
      className={`hit${selected ? ' selected' : ''}`} role="option" aria-selected={selected} data-testid="hit" data-index={index}
      data-path={hit.path} data-line={hit.line} style={{ top, height: ROW_HEIGHT }} onClick={open}
      title={hit.why && hit.why.length > 0 ? `Ranked here because: ${hit.why.join('; ')}` : undefined} data-why={hit.why?.join('; ')}
    >
      <div className="where row">
        <span className="repo-label" data-testid="hit-repo" title={hit.repo}>{repoName}</span>
        <PathText path={hit.path} suffix={`:${hit.line}`} className="mono grow" />
        {hit.symbolKind && <span className="kind">{hit.symbolKind}</span>}
      </div>
      <div className="snippet mono"><Highlighted text={hit.snippet} ranges={hit.highlights} /></div>
      {hit.symbol && <div className="dim ellipsis">{hit.symbol}</div>}
    </div>
  );
}

export function ResultsList() {
  const results = useStore((s) => s.results);
  const selected = useStore((s) => s.selected);
  const repos = useStore((s) => s.repos);
  const repoName = (path: string): string => repos.find((r) => r.path === path)?.name ?? path.split(/[\\/]/).pop() ?? path;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: results.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  useEffect(() => {
    if (results.length > 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, results, virtualizer]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const s = useStore.getState();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      s.moveSelection(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      const hit = s.results[s.selected];
      if (hit) void s.openAt({ repo: hit.repo, path: hit.path, line: hit.line });
    }
  };

  return (
    <div className="pane-body" ref={scroller} role="listbox" aria-label="Search results" tabIndex={0} onKeyDown={onKey} data-testid="results">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const hit = results[row.index];
          return hit ? <Hit key={row.key} hit={hit} index={row.index} selected={row.index === selected} top={row.start} repoName={repoName(hit.repo)} /> : null;
        })}
      </div>
    </div>
  );
}
