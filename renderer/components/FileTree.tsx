// The repository's folders and files beside the outline: folders load when opened (nav:tree), the
// filter keeps matching names among what is loaded and the folders above them; ↑/↓ move,
// →/← open and close a folder, Enter opens a file.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { TreeEntry } from '../../shared/nav.js';
import { call, errorMessage } from '../api.js';
import { useStore } from '../store/index.js';
import { PathText } from './PathText.js';

type Loaded = TreeEntry[] | { error: string } | 'loading';

interface Row {
  entry: TreeEntry;
  depth: number;
}

const ancestors = (path: string): string[] => path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));

/** Rows shown: children of open folders; with a filter, matches and the folders that lead to them. */
function visibleRows(loaded: Map<string, Loaded>, open: Set<string>, needle: string): Row[] {
  const rows: Row[] = [];
  const matches = (entry: TreeEntry): boolean => {
    if (entry.name.toLowerCase().includes(needle)) return true;
    const below = loaded.get(entry.path);
    return entry.kind === 'dir' && Array.isArray(below) && below.some(matches);
  };
  const walk = (folder: string, depth: number): void => {
    const children = loaded.get(folder);
    if (!Array.isArray(children)) return;
    for (const entry of children) {
      if (needle && !matches(entry)) continue;
      rows.push({ entry, depth });
      if (entry.kind === 'dir' && (open.has(entry.path) || (needle && loaded.has(entry.path)))) walk(entry.path, depth + 1);
    }
  };
  walk('', 0);
  return rows;
}

export function FileTree() {
  const repo = useStore((s) => s.file?.repo ?? s.selectedRepo);
  const openPath = useStore((s) => s.file?.path ?? null);
  const reveal = useStore((s) => s.revealFolder);
  const [loaded, setLoaded] = useState(() => new Map<string, Loaded>());
  const [open, setOpen] = useState(() => new Set<string>());
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLDivElement>(null);

  const load = async (path: string): Promise<void> => {
    if (!repo) return;
    setLoaded((m) => new Map(m).set(path, 'loading'));
    let result: Loaded;
    try {
      result = await call('nav:tree', path ? { repo, path } : { repo });
    } catch (e) {
      result = { error: errorMessage(e) };
    }
    setLoaded((m) => new Map(m).set(path, result));
  };

  // A new repo starts from its top folder.
  useEffect(() => {
    setLoaded(new Map());
    setOpen(new Set());
    void load('');
  }, [repo]);

  // A folder picked in the breadcrumbs: open every folder down to it and show it.
  useEffect(() => {
    if (reveal === null || !repo) return;
    const chain = reveal ? ancestors(reveal) : [];
    setOpen((o) => new Set([...o, ...chain]));
    void Promise.all(chain.filter((p) => !loaded.has(p)).map(load)).then(() => {
      requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(reveal)}"]`)?.focus());
    });
    useStore.setState({ revealFolder: null });
  }, [reveal, repo]);

  const toggle = (entry: TreeEntry, to?: boolean): void => {
    const opening = to ?? !open.has(entry.path);
    setOpen((o) => {
      const next = new Set(o);
      if (opening) next.add(entry.path);
      else next.delete(entry.path);
      return next;
    });
    if (opening && !loaded.has(entry.path)) void load(entry.path);
  };
  const activate = (entry: TreeEntry): void => {
    if (entry.kind === 'dir') return toggle(entry);
    if (repo) void useStore.getState().openAt({ repo, path: entry.path, line: 1 });
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>, entry: TreeEntry): void => {
    const items = Array.from(list.current?.querySelectorAll<HTMLElement>('[role=treeitem]') ?? []);
    const at = items.indexOf(e.currentTarget);
    const move = (i: number): void => items[Math.max(0, Math.min(items.length - 1, i))]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'ArrowRight' && entry.kind === 'dir') toggle(entry, true);
    else if (e.key === 'ArrowLeft' && entry.kind === 'dir' && open.has(entry.path)) toggle(entry, false);
    else if (e.key === 'Enter' || e.key === ' ') activate(entry);
    else return;
    e.preventDefault();
  };

  const needle = filter.trim().toLowerCase();
  const rows = visibleRows(loaded, open, needle);
  const top = loaded.get('');
  return (
    <div className="file-tree" data-testid="file-tree">
      <input aria-label="Filter files" data-testid="file-filter" placeholder="Filter opened folders…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <div className="outline" role="tree" aria-label="Files" ref={list}>
        {top === 'loading' && <div className="dim empty">Loading…</div>}
        {top && !Array.isArray(top) && top !== 'loading' && <div className="error empty" role="alert">{top.error}</div>}
        {Array.isArray(top) && rows.length === 0 && <div className="empty">{needle ? 'No loaded name matches.' : 'No files.'}</div>}
        {rows.map(({ entry, depth }) => {
          const expanded = entry.kind === 'dir' ? open.has(entry.path) || (needle !== '' && loaded.has(entry.path)) : undefined;
          const state = loaded.get(entry.path);
          return (
            <div
              key={entry.path} role="treeitem" tabIndex={0} aria-level={depth + 1} aria-expanded={expanded} aria-selected={entry.path === openPath}
              data-testid="tree-item" data-path={entry.path} data-kind={entry.kind} title={entry.path}
              className={`outline-item tree-item${entry.path === openPath ? ' selected' : ''}`} style={{ paddingLeft: 6 + depth * 12 }}
              onClick={() => activate(entry)} onKeyDown={(e) => onKey(e, entry)}
            >
              <span className="twisty" aria-hidden="true">{entry.kind === 'dir' ? (expanded ? '▾' : '▸') : ''}</span>
              <PathText path={entry.name} title={entry.path} className="grow" />
              {entry.kind === 'dir' && <span className="dim count-tag">{state === 'loading' ? '…' : entry.files}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}
