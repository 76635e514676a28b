// The open file's symbols in line order, indented by nesting; picking one moves the code view there.
import { useEffect, useRef } from 'react';
import type { SymbolRow } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { rowActivation } from './rowActivation.js';

function depthOf(symbol: SymbolRow, byFqn: Map<string, SymbolRow>): number {
  let depth = 0;
  for (let p = symbol.parent; p && depth < 12; p = byFqn.get(p)?.parent ?? null) depth++;
  return depth;
}

export function Outline() {
  const outline = useStore((s) => s.outline);
  const selected = useStore((s) => s.selectedSymbol?.fqn ?? null);
  const list = useRef<HTMLDivElement>(null);
  // The opened symbol is scrolled into the outline's view, however long the outline.
  useEffect(() => {
    if (selected) list.current?.querySelector('.outline-item.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected, outline]);
  const byFqn = new Map(outline.map((s) => [s.fqn, s]));
  const pick = (symbol: SymbolRow): void => {
    const s = useStore.getState();
    const file = s.file;
    if (!file) return;
    void s.openAt({ repo: file.repo, path: file.path, line: symbol.line }).then(() => s.selectSymbol(symbol));
  };
  return (
    <div className="outline" role="tree" aria-label="Outline" data-testid="outline" ref={list}>
      {outline.length === 0 && <div className="empty">No symbols in this file.</div>}
      {outline.map((symbol) => (
        <div
          key={symbol.fqn} role="treeitem" aria-selected={selected === symbol.fqn} data-testid="outline-item" data-fqn={symbol.fqn}
          className={`outline-item${selected === symbol.fqn ? ' selected' : ''}`} title={symbol.signature}
          style={{ paddingLeft: 8 + depthOf(symbol, byFqn) * 12 }} {...rowActivation(() => pick(symbol))}
        >
          <span className="kind">{symbol.kind}</span>{symbol.name}
        </div>
      ))}
    </div>
  );
}
