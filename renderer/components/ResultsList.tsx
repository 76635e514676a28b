// Search results grouped by file, as a virtualized list: only the visible rows exist in the DOM, so
// thousands of hits scroll smoothly. Each file has a header (repo, path cut from the left, match
// count, fold toggle); each hit shows its line with the lines around it; a ranked answer shows a
// file's best few hits and a row that shows the rest. The selection follows the keyboard across
// files and stays in view. A tree for assistive technology: files are its first level (expanded or
// not), hits the second.
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { fileKey, foldsFor, type ResultRow, resultRows } from '../store/resultGroups.js';
import { Highlighted } from './Highlighted.js';
import { snippetWindow } from './snippetWindow.js';
import { PathText } from './PathText.js';
import { symbolLabel } from './symbolLabel.js';
import { repoName } from './repoName.js';

// Fixed heights (see .hit-line and .file-head in styles.css) so every row's size is known before it renders.
const LINE = 18;
// 3 px padding above and below, and the 1 px border under each row.
const HIT_PAD = 7;
const FILE_HEAD = 28;
const MORE_ROW = 24;

type HitRow = Extract<ResultRow, { kind: 'hit' }>;

// A hit row's width that is not its code: the row's padding (26 + 10 px), the line number with its gap (~35 px) and a
// kind label with its gap (up to ~78 px).
const NOT_CODE_PX = 150;
const CODE_FONT = "12px ui-monospace, 'SF Mono', Menlo, Consolas, monospace";

/** The width of one character of the code font (monospace), measured once. */
let codeCharPx: number | undefined;
function codeCharWidth(): number {
  if (codeCharPx === undefined) {
    const context = document.createElement('canvas').getContext('2d');
    if (context) context.font = CODE_FONT;
    codeCharPx = context?.measureText('0').width || 7.2;
  }
  return codeCharPx;
}

/** How many characters of code a hit line shows in the pane now (followed as the pane is resized). */
function useVisibleChars(pane: RefObject<HTMLDivElement | null>): number {
  const [chars, setChars] = useState(80);
  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    const measure = (): void => setChars(Math.max(12, Math.floor((element.clientWidth - NOT_CODE_PX) / codeCharWidth())));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [pane]);
  return chars;
}

/** A hit's height: its line, the context lines it shows, and its symbol line. */
const hitHeight = (hit: SearchHit, row: HitRow): number => HIT_PAD + LINE * (1 + (row.before ? 1 : 0) + (row.after ? 1 : 0) + (hit.symbol ? 1 : 0));

function ContextLine({ line, text }: { line: number; text: string }) {
  return <div className="hit-line context"><span className="gutter">{line}</span><span className="code-text">{text}</span></div>;
}

function Hit({ hit, row, selected, top, height, visibleChars }: { hit: SearchHit; row: HitRow; selected: boolean; top: number; height: number; visibleChars: number }) {
  const index = row.index;
  const shown = snippetWindow(hit.snippet, hit.highlights, visibleChars);
  // Hovering tells why the hit ranked there, after the whole line when its start is cut.
  const why = hit.why && hit.why.length > 0 ? `Ranked here because: ${hit.why.join('; ')}` : null;
  const title = [shown.text === hit.snippet ? null : hit.snippet, why].filter((t) => t !== null).join('\n') || undefined;
  const open = (): void => useStore.getState().openHit(index);
  return (
    <div
      className={`hit${selected ? ' selected' : ''}`} role="treeitem" aria-level={2} aria-selected={selected} data-testid="hit" data-index={index}
      data-path={hit.path} data-line={hit.line} style={{ top, height }} onClick={open}
      title={title} data-why={hit.why?.join('; ')}
    >
      {row.before && hit.before !== undefined && <ContextLine line={hit.line - 1} text={hit.before} />}
      <div className="hit-line match">
        <span className="gutter">{hit.line}</span>
        <span className="code-text"><Highlighted text={shown.text} ranges={shown.ranges} /></span>
        {hit.symbolKind && <span className="kind">{hit.symbolKind}</span>}
      </div>
      {row.after && hit.after !== undefined && <ContextLine line={hit.line + 1} text={hit.after} />}
      {hit.symbol && <PathText path={symbolLabel(hit.symbol)} title={hit.symbol} className="hit-line dim symbol-line" testId="hit-symbol" />}
    </div>
  );
}

function MoreHits({ row, top }: { row: Extract<ResultRow, { kind: 'more' }>; top: number }) {
  const expand = (): void => useStore.getState().expandFile(row.key);
  return (
    <div className="more-hits" role="treeitem" aria-level={2} aria-selected={false} style={{ top, height: MORE_ROW }} data-testid="result-more" data-path={row.path} data-hidden={row.hidden}>
      <button type="button" className="link" onClick={expand}>Show {row.hidden} more in this file</button>
    </div>
  );
}

function FileHead({ row, top, repoLabel }: { row: Extract<ResultRow, { kind: 'file' }>; top: number; repoLabel: string }) {
  const toggle = (): void => useStore.getState().toggleCollapsed(row.key);
  return (
    <div className="file-head row" role="treeitem" aria-level={1} aria-expanded={!row.collapsed} aria-selected={false} style={{ top, height: FILE_HEAD }} data-testid="result-file" data-path={row.path} data-count={row.count}>
      <button
        type="button" className="fold" aria-expanded={!row.collapsed} data-testid="result-file-toggle" onClick={toggle}
        aria-label={`${row.collapsed ? 'Show' : 'Hide'} the ${row.count} match${row.count === 1 ? '' : 'es'} in ${row.path}`}
      >{row.collapsed ? '▸' : '▾'}</button>
      <span className="repo-label" data-testid="hit-repo" title={row.repo}>{repoLabel}</span>
      <PathText path={row.path} className="mono grow" />
      <span className="count" data-testid="result-file-count">{row.count} {row.count === 1 ? 'match' : 'matches'}</span>
    </div>
  );
}

export function ResultsList() {
  const results = useStore((s) => s.results);
  const selected = useStore((s) => s.selected);
  const repos = useStore((s) => s.repos);
  const collapsed = useStore((s) => s.collapsed);
  const expanded = useStore((s) => s.expanded);
  const mode = useStore((s) => s.answered?.mode);
  const rows = useMemo(() => resultRows(results, foldsFor(mode, collapsed, expanded)), [results, mode, collapsed, expanded]);
  const rowOfHit = useMemo(() => new Map(rows.flatMap((r, at) => (r.kind === 'hit' ? [[r.index, at] as const] : []))), [rows]);
  const scroller = useRef<HTMLDivElement>(null);
  const visibleChars = useVisibleChars(scroller);
  const size = (at: number): number => {
    const row = rows[at];
    if (row?.kind === 'more') return MORE_ROW;
    const hit = row?.kind === 'hit' ? results[row.index] : undefined;
    return hit && row?.kind === 'hit' ? hitHeight(hit, row) : FILE_HEAD;
  };
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: size, overscan: 8 });

  // Heights depend on each row's content, so they are re-measured when the rows change.
  useEffect(() => virtualizer.measure(), [rows, virtualizer]);

  useEffect(() => {
    const at = rowOfHit.get(selected);
    if (at === undefined) return;
    // The first hit of a file brings its header into view with it.
    const previous = rows[at - 1];
    virtualizer.scrollToIndex(previous?.kind === 'file' ? at - 1 : at, { align: 'auto' });
  }, [selected, rows, rowOfHit, virtualizer]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const s = useStore.getState();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      s.moveSelection(e.key === 'ArrowDown' ? 1 : -1);
    } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.target === e.currentTarget) {
      // Left folds the selected hit's file, Right unfolds it again (as in a tree), or shows the rest of its hits.
      const hit = s.results[s.selected];
      const key = hit ? fileKey(hit) : undefined;
      if (key && s.collapsed.includes(key) === (e.key === 'ArrowRight')) s.toggleCollapsed(key);
      else if (key && e.key === 'ArrowRight') s.expandFile(key);
    } else if (e.key === 'Enter' && e.target === e.currentTarget) {
      s.openHit(s.selected);
    }
  };

  return (
    <div className="pane-body" ref={scroller} role="tree" aria-label="Search results" tabIndex={0} onKeyDown={onKey} data-testid="results">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row?.kind === 'file') return <FileHead key={`f${row.key}`} row={row} top={item.start} repoLabel={repoName(row.repo, repos)} />;
          if (row?.kind === 'more') return <MoreHits key={`m${row.key}`} row={row} top={item.start} />;
          const hit = row ? results[row.index] : undefined;
          return row?.kind === 'hit' && hit ? <Hit key={`h${row.index}`} hit={hit} row={row} selected={row.index === selected} top={item.start} height={item.size} visibleChars={visibleChars} /> : null;
        })}
      </div>
    </div>
  );
}
