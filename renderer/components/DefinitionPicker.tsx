// Several definitions for one name: a small list to pick from (↑/↓, Enter, Escape), exact answers marked.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useStore } from '../store/index.js';
import { PathText } from './PathText.js';

export function DefinitionPicker() {
  const hits = useStore((s) => s.picker);
  const [selected, setSelected] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setSelected(0);
    if (hits) list.current?.focus();
  }, [hits]);
  if (!hits) return null;
  const s = useStore.getState;
  const pick = (i: number): void => {
    const hit = hits[i];
    if (hit) void s().openDefinition(hit);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') setSelected((i) => Math.max(0, Math.min(hits.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1))));
    else if (e.key === 'Enter') pick(selected);
    else if (e.key === 'Escape') s().closePicker();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="def-picker" role="dialog" aria-label="Pick a definition" data-testid="def-picker">
      <header className="row"><b className="grow">{hits.length} definitions of {hits[0]?.name}</b><button type="button" className="link" onClick={() => s().closePicker()}>Close</button></header>
      <div
        role="listbox" aria-label="Definitions" tabIndex={0} ref={list} onKeyDown={onKey}
        aria-activedescendant={`def-option-${selected}`}
      >
        {hits.map((hit, i) => (
          <div
            key={`${hit.file}:${hit.line}:${hit.fqn}`} id={`def-option-${i}`} role="option" aria-selected={i === selected} data-testid="def-option"
            className={`item${i === selected ? ' selected' : ''}`} onMouseEnter={() => setSelected(i)} onClick={() => pick(i)}
          >
            <span className="kind">{hit.kind}</span>
            <PathText path={hit.file} suffix={`:${hit.line}`} className="mono grow" />
            <span className={`badge ${hit.confidence === 'exact' ? 'current' : 'stale'}`}>{hit.confidence}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
