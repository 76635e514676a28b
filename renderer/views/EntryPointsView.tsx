// Entry points of one repo: routes, jobs, listeners and mains in one filterable table; a row opens its code.
import { useEffect, useState } from 'react';
import { ENTRY_KINDS, type EntryKind, type EntryPointRow } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import { PathText } from '../components/PathText.js';
import { RepoPicker } from '../components/RepoPicker.js';
import { rowActivation } from '../components/rowActivation.js';
import { useStore } from '../store/index.js';
import { FlowView } from './FlowView.js';

const detail = (e: EntryPointRow): string => e.schedule ?? e.queue ?? (e.kind === 'main' ? 'main' : '');

export function EntryPointsView() {
  const repo = useStore((s) => s.selectedRepo);
  // Re-read when the repo's counts change (after a re-index).
  const version = useStore((s) => s.repos.find((r) => r.path === s.selectedRepo)?.indexedAt ?? 0);
  const [rows, setRows] = useState<EntryPointRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<EntryKind | ''>('');
  const [text, setText] = useState('');

  useEffect(() => {
    if (!repo) return setRows([]);
    let live = true;
    call('entrypoints:list', { repo }).then((r) => { if (live) { setRows(r); setError(null); } }, (e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => { live = false; };
  }, [repo, version]);

  const needle = text.trim().toLowerCase();
  const shown = rows.filter((e) => (!kind || e.kind === kind) && (!needle || [e.method, e.path, e.symbol, e.file, e.framework, e.schedule, e.queue].some((v) => v?.toLowerCase().includes(needle))));
  return (
    <>
      <div className="pane-head">
        <div className="row">
          <RepoPicker />
          <select aria-label="Entry point kind" data-testid="entry-kind" value={kind} onChange={(e) => setKind(e.target.value as EntryKind | '')}>
            <option value="">All kinds</option>
            {ENTRY_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
          <input className="grow" aria-label="Filter entry points" data-testid="entry-filter" placeholder="Filter by path, handler, file…" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="dim">{shown.length} of {rows.length} entry points</div>
      </div>
      <div className="pane-body" tabIndex={0} role="region" aria-label="Entry points">
        {error && <div className="error" role="alert">{error}</div>}
        {shown.length > 0 && <table data-testid="entry-table" className="fit">
          <colgroup><col style={{ width: '15%' }} /><col style={{ width: '9%' }} /><col style={{ width: '32%' }} /><col style={{ width: '32%' }} /><col style={{ width: '12%' }} /></colgroup>
          <thead><tr><th>Kind</th><th>Method</th><th>Path / schedule / queue</th><th>Handler</th><th><span className="sr-only">Flow</span></th></tr></thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={`${e.file}:${e.line}:${i}`} className="clickable" data-testid="entry-row" {...rowActivation(() => repo && void useStore.getState().openAt({ repo, path: e.file, line: e.line }))}>
                <td><span className="kind">{e.kind}</span><div className="dim">{e.framework}</div></td>
                <td className="mono wrap">{e.method ?? ''}</td>
                <td className="mono wrap">{e.path ?? detail(e)}</td>
                <td><div className="mono ellipsis" title={e.symbol ?? ''}>{e.symbol ?? '—'}</div><PathText path={e.file} suffix={`:${e.line}`} className="dim mono" /></td>
                <td><button type="button" className="flow-button" data-testid="show-flow" onKeyDown={(ev) => ev.stopPropagation()} onClick={(ev) => { ev.stopPropagation(); useStore.getState().showFlow(e); }}>Show flow</button></td>
              </tr>
            ))}
          </tbody>
        </table>}
        {!error && shown.length === 0 && <div className="empty">{rows.length === 0 ? 'No entry points found in this repository.' : 'No entry point matches the filter.'}</div>}
      </div>
      <FlowView />
    </>
  );
}
