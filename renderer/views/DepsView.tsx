// Dependencies of one repo: the outside systems its code calls (per symbol) and the declared packages.
import { useEffect, useState } from 'react';
import type { RepoDeps } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import { PathText } from '../components/PathText.js';
import { RepoPicker } from '../components/RepoPicker.js';
import { RunUnderWay } from '../components/RunUnderWay.js';
import { rowActivation } from '../components/rowActivation.js';
import { ShowTests } from '../components/ShowTests.js';
import { useStore } from '../store/index.js';
import { selectedRepoVersion } from '../store/repos.js';
import { symbolLabel } from '../components/symbolLabel.js';

// Kinds in words: a repository or DAO call is data access, not an unexplained code.
const KIND_LABEL: Record<string, string> = { 'data-access': 'data access', orm: 'ORM', sql: 'SQL', http: 'HTTP' };

export function DepsView() {
  const repo = useStore((s) => s.selectedRepo);
  // Re-read when the repo's index moves (a re-index) or a first index's batch commits.
  const version = useStore((s) => selectedRepoVersion(s, 'files'));
  const [deps, setDeps] = useState<RepoDeps | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [tests, setTests] = useState(false);

  useEffect(() => {
    if (!repo) return setDeps(null);
    let live = true;
    call('deps:list', { repo, includeTests: true }).then((d) => { if (live) { setDeps(d); setError(null); } }, (e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => { live = false; };
  }, [repo, version]);

  const needle = text.trim().toLowerCase();
  const testCalls = (deps?.calls ?? []).filter((c) => c.inTest).length;
  const calls = (deps?.calls ?? []).filter((c) => (tests || !c.inTest) && (!needle || [c.kind, c.target, c.client, c.symbol, c.file].some((v) => v?.toLowerCase().includes(needle))));
  const packages = (deps?.packages ?? []).filter((p) => !needle || [p.name, p.ecosystem, p.manifest].some((v) => v.toLowerCase().includes(needle)));
  return (
    <>
      <div className="pane-head">
        <div className="row">
          <RepoPicker />
          <input className="grow" aria-label="Filter dependencies" data-testid="deps-filter" placeholder="Filter by target, client, symbol, package…" value={text} onChange={(e) => setText(e.target.value)} />
          <ShowTests count={testCalls} shown={tests} onChange={setTests} testId="deps-show-tests" />
        </div>
        <RunUnderWay repo={repo} />
      </div>
      <div className="pane-body" tabIndex={0} role="region" aria-label="Dependencies">
        {error && <div className="error" role="alert">{error}</div>}
        <h4 style={{ margin: '8px 10px' }}>External calls ({calls.length})</h4>
        {calls.length > 0 && <table data-testid="deps-calls" className="fit">
          <colgroup><col style={{ width: '18%' }} /><col style={{ width: '42%' }} /><col style={{ width: '40%' }} /></colgroup>
          <thead><tr><th>Kind</th><th>Target</th><th>Symbol</th></tr></thead>
          <tbody>
            {calls.map((c, i) => (
              <tr key={i} className="clickable" {...rowActivation(() => repo && void useStore.getState().openAt({ repo, path: c.file, line: c.line }))}>
                <td><span className="kind">{KIND_LABEL[c.kind] ?? c.kind}</span><div className="dim">{c.client}</div></td>
                <td className="mono wrap">{c.target ?? '?'}</td>
                <td>{c.symbol ? <PathText path={symbolLabel(c.symbol)} title={c.symbol} className="mono" testId="deps-symbol" /> : <div className="mono">—</div>}<PathText path={c.file} suffix={`:${c.line}`} className="dim mono" /></td>
              </tr>
            ))}
          </tbody>
        </table>}
        {calls.length === 0 && <div className="empty" data-testid="deps-calls-empty">{needle ? 'No external call matches the filter.' : !tests && testCalls > 0 ? `Only tests make external calls here (${testCalls.toLocaleString()}); tick “Show tests” to see them.` : 'No external calls found: no HTTP, SQL, ORM, data access, cache or queue calls Clew recognises.'}</div>}
        <h4 style={{ margin: '12px 10px 8px' }}>Declared packages ({packages.length})</h4>
        {packages.length > 0 && <table data-testid="deps-packages" className="fit">
          <colgroup><col style={{ width: '40%' }} /><col style={{ width: '18%' }} /><col style={{ width: '14%' }} /><col style={{ width: '28%' }} /></colgroup>
          <thead><tr><th>Package</th><th>Version</th><th>Scope</th><th>Manifest</th></tr></thead>
          <tbody>
            {packages.map((p, i) => (
              <tr key={i}><td className="mono wrap">{p.name}</td><td className="mono wrap">{p.version ?? ''}</td><td className="wrap">{p.scope}</td><td><PathText path={p.manifest} className="dim mono" /></td></tr>
            ))}
          </tbody>
        </table>}
        {packages.length === 0 && <div className="empty">{needle ? 'No declared package matches the filter.' : 'No declared packages found: no package.json, go.mod, pom.xml, Gemfile, composer.json, .csproj, requirements or similar manifest.'}</div>}
      </div>
    </>
  );
}
