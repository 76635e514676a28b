// Entry points of one repo: routes, jobs, listeners and mains in one filterable table; a row opens its code.
import { useEffect, useState } from 'react';
import { ENTRY_KINDS, type EntryKind, type EntryPointRow } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import { PathText } from '../components/PathText.js';
import { RepoPicker } from '../components/RepoPicker.js';
import { RunUnderWay } from '../components/RunUnderWay.js';
import { rowActivation } from '../components/rowActivation.js';
import { ShowTests } from '../components/ShowTests.js';
import { useStore } from '../store/index.js';
import { selectedRepoVersion } from '../store/repos.js';
import { FlowView } from './FlowView.js';
import { symbolLabel } from '../components/symbolLabel.js';

// A main's name (a manifest script, a management or Artisan command, a Rake task) is kept where a listener keeps its queue.
const detail = (e: EntryPointRow): string => e.schedule ?? e.queue ?? (e.kind === 'main' ? 'main' : '');

/** Why the table is empty, and what to do about it, instead of bare column headers. */
function EmptyEntries({ repo, total, visible }: { repo: string | null; total: number; visible: number }) {
  const [title, hint] = !repo ? ['No repository selected', 'Add a repository in the sidebar, then pick it above.']
    : total === 0 ? ['No entry points found', 'Clew looks for HTTP routes, scheduled jobs, queue listeners and mains in the languages it knows.']
    : visible === 0 ? ['Only tests have entry points here', 'Tick “Show tests” to see them.']
    : ['No entry point matches', 'Clear the filter or pick all kinds.'];
  return <div className="empty" data-testid="entry-empty"><strong>{title}</strong><div>{hint}</div></div>;
}

export function EntryPointsView() {
  const repo = useStore((s) => s.selectedRepo);
  // Re-read when the repo's index moves (a re-index) or a first index's batch commits.
  const version = useStore((s) => selectedRepoVersion(s, 'entryPoints'));
  const [rows, setRows] = useState<EntryPointRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<EntryKind | ''>('');
  const [text, setText] = useState('');
  const [tests, setTests] = useState(false);

  useEffect(() => {
    if (!repo) return setRows([]);
    let live = true;
    // Tests come marked (the Backend decides what a test file is); the toggle only shows or hides them.
    call('entrypoints:list', { repo, includeTests: true }).then((r) => { if (live) { setRows(r); setError(null); } }, (e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => { live = false; };
  }, [repo, version]);

  const needle = text.trim().toLowerCase();
  const testRows = rows.filter((e) => e.inTest).length;
  const visible = tests ? rows : rows.filter((e) => !e.inTest);
  const shown = visible.filter((e) => (!kind || e.kind === kind) && (!needle || [e.method, e.path, e.symbol, e.file, e.framework, e.schedule, e.queue].some((v) => v?.toLowerCase().includes(needle))));
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
        <div className="row">
          <span className="dim grow" data-testid="entry-count">{shown.length} of {visible.length} entry points{!tests && testRows > 0 ? `, ${testRows.toLocaleString()} in tests hidden` : ''}</span>
          <ShowTests count={testRows} shown={tests} onChange={setTests} testId="entry-show-tests" />
        </div>
        <RunUnderWay repo={repo} />
      </div>
      <div className="pane-body" tabIndex={0} role="region" aria-label="Entry points">
        {error && <div className="error" role="alert">{error}</div>}
        {shown.length > 0 && <table data-testid="entry-table" className="fit">
          <colgroup><col style={{ width: '15%' }} /><col style={{ width: '9%' }} /><col style={{ width: '32%' }} /><col style={{ width: '32%' }} /><col style={{ width: '12%' }} /></colgroup>
          <thead><tr><th>Kind</th><th>Method</th><th>Path / schedule / queue / command</th><th>Handler</th><th><span className="sr-only">Flow</span></th></tr></thead>
          <tbody>
            {/* A long handler loses its start, as a path does, so its class and method stay in sight. */}
            {shown.map((e, i) => (
              <tr key={`${e.file}:${e.line}:${i}`} className="clickable" data-testid="entry-row" {...rowActivation(() => repo && void useStore.getState().openAt({ repo, path: e.file, line: e.line }))}>
                <td><span className="kind">{e.kind}</span><div className="dim">{e.framework}</div></td>
                <td className="mono wrap">{e.method ?? ''}</td>
                <td className="mono wrap">{e.path ?? detail(e)}</td>
                <td>{e.symbol ? <PathText path={symbolLabel(e.symbol)} title={e.symbol} className="mono" testId="entry-handler" /> : <div className="mono">—</div>}<PathText path={e.file} suffix={`:${e.line}`} className="dim mono" /></td>
                <td><button type="button" className="flow-button" data-testid="show-flow" onKeyDown={(ev) => ev.stopPropagation()} onClick={(ev) => { ev.stopPropagation(); useStore.getState().showFlow(e); }}>Show flow</button></td>
              </tr>
            ))}
          </tbody>
        </table>}
        {!error && shown.length === 0 && <EmptyEntries repo={repo} total={rows.length} visible={visible.length} />}
      </div>
      <FlowView />
    </>
  );
}
