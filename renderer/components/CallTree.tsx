// A callers or callees tree that loads one level at a time as it is opened. A symbol already on the
// path above is marked as a cycle and not opened again; external calls (HTTP, SQL, queues) show at
// the node that makes them.
import { useEffect, useRef, useState } from 'react';
import type { CallTreeNode } from '../../shared/nav.js';
import { call, errorMessage } from '../api.js';
import { useStore } from '../store/index.js';

export type CallDirection = 'callers' | 'callees';

/** The node's next level: from the node itself when the Backend sent it, else asked for. */
async function childrenOf(repo: string, direction: CallDirection, node: CallTreeNode): Promise<CallTreeNode[]> {
  if (node.children.length > 0) return node.children;
  const root = await call(direction === 'callers' ? 'nav:callers' : 'nav:callees', { repo, fqn: node.fqn, depth: 1 });
  return root?.children ?? [];
}

function Node({ repo, direction, node, path, level }: { repo: string; direction: CallDirection; node: CallTreeNode; path: string[]; level: number }) {
  const cycle = node.cycle || path.includes(node.fqn);
  // Levels the Backend already sent (a flow) show opened; the rest load when opened.
  const [open, setOpen] = useState(!cycle && node.children.length > 0);
  const [children, setChildren] = useState<CallTreeNode[] | null>(node.children.length > 0 ? node.children : null);
  const [error, setError] = useState<string | null>(null);
  const expandable = !cycle && (node.more || node.children.length > 0);
  const toggle = async (): Promise<void> => {
    if (!expandable) return;
    setOpen(!open);
    if (open || children) return;
    try {
      setChildren(await childrenOf(repo, direction, node));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const jump = (): void => void useStore.getState().openAt({ repo, path: node.file, line: node.line });
  return (
    <li role="treeitem" aria-level={level} aria-expanded={expandable ? open : undefined} aria-selected={false} data-testid="call-node" data-fqn={node.fqn} data-cycle={cycle}>
      <div className="call-row row">
        <button type="button" className="twisty" aria-label={`${open ? 'Close' : 'Open'} ${node.name}`} disabled={!expandable} onClick={() => void toggle()}>{expandable ? (open ? '▾' : '▸') : '·'}</button>
        <button type="button" className="link ellipsis grow" title={`${node.fqn}\n${node.file}:${node.line}`} onClick={jump}>{node.name}</button>
        {cycle && <span className="badge stale" title="Already above in this tree">cycle</span>}
        {node.confidence === 'candidate' && <span className="dim" title="Resolved by name, not proven">?</span>}
      </div>
      {node.external.length > 0 && (
        <ul className="call-external" role="group">
          {node.external.map((x, i) => <li key={i} role="treeitem" aria-selected={false} data-testid="call-external"><span className="kind">{x.kind}</span><span className="mono">{x.target ?? x.client}</span></li>)}
        </ul>
      )}
      {open && (
        <ul role="group">
          {error && <li className="error" role="treeitem" aria-selected={false}>{error}</li>}
          {!error && children === null && <li className="dim" role="treeitem" aria-selected={false}>…</li>}
          {children?.map((child, i) => <Node key={`${child.fqn}:${i}`} repo={repo} direction={direction} node={child} path={[...path, node.fqn]} level={level + 1} />)}
        </ul>
      )}
    </li>
  );
}

/** The tree under a root the caller already fetched (Show flow) or one fetched here (symbol panel). */
export function CallTreeView({ repo, direction, root, label }: { repo: string; direction: CallDirection; root: CallTreeNode; label: string }) {
  return (
    <ul className="call-tree" role="tree" aria-label={label} data-testid={`call-tree-${direction}`}>
      <Node repo={repo} direction={direction} node={root} path={[]} level={1} />
    </ul>
  );
}

/** A closed section on the symbol panel that asks for the first level when opened. */
export function CallTreeSection({ repo, fqn, direction }: { repo: string; fqn: string; direction: CallDirection }) {
  const [state, setState] = useState<{ fqn: string; root: CallTreeNode | null; error: string | null } | null>(null);
  const [open, setOpen] = useState(false);
  const current = state?.fqn === fqn ? state : null;
  const section = useRef<HTMLDivElement>(null);
  // The panel is short beside the notes: an opened tree is brought into its view.
  useEffect(() => {
    if (open) section.current?.scrollIntoView({ block: 'nearest' });
  }, [open, current]);
  const toggle = async (): Promise<void> => {
    setOpen(!open);
    if (open || current) return;
    try {
      const root = await call(direction === 'callers' ? 'nav:callers' : 'nav:callees', { repo, fqn, depth: 1 });
      setState({ fqn, root, error: null });
    } catch (e) {
      setState({ fqn, root: null, error: errorMessage(e) });
    }
  };
  const title = direction === 'callers' ? 'Callers' : 'Callees';
  return (
    <div className="call-section" ref={section}>
      <button type="button" className="link" aria-expanded={open} data-testid={`show-${direction}`} onClick={() => void toggle()}><b>{open ? '▾' : '▸'} {title}</b></button>
      {open && (current === null ? <div className="dim">…</div>
        : current.error ? <div className="error">{current.error}</div>
        : !current.root || current.root.children.length === 0 ? <div className="dim" data-testid={`no-${direction}`}>{direction === 'callers' ? 'No callers found.' : 'Calls nothing known.'}</div>
        : <ul className="call-tree" role="tree" aria-label={title} data-testid={`call-tree-${direction}`}>
            {current.root.children.map((child, i) => <Node key={`${child.fqn}:${i}`} repo={repo} direction={direction} node={child} path={[fqn]} level={1} />)}
          </ul>)}
    </div>
  );
}
