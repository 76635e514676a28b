// Dependencies of one repo: the outside systems its code calls (per symbol) and the declared packages.
import { useEffect, useState } from 'react';
import type { RepoDeps } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import { PathText } from '../components/PathText.js';
import { RepoPicker } from '../components/RepoPicker.js';
import { rowActivation } from '../components/rowActivation.js';
import { useStore } from '../store/index.js';

export function DepsView() {
  const repo = useStore((s) => s.selectedRepo);
  const version = useStore((s) => s.repos.find((r) => r.path === s.selectedRepo)?.indexedAt ?? 0);
  const [deps, setDeps] = useState<RepoDeps | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');

  useEffect(() => {
    if (!repo) return setDeps(null);
    let live = true;
    call('deps:list', { repo }).then((d) => { if (live) { setDeps(d); setError(null); } }, (e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => { live = false; };
  }, [repo, version]);

  const needle = text.trim().toLowerCase();
  const calls = (deps?.calls ?? []).filter((c) => !needle || [c.kind, c.target, c.client, c.symbol, c.file].some((v) => v?.toLowerCase().includes(needle)));
  const packages = (deps?.packages ?? []).filter((p) => !needle || [p.name, p.ecosystem, p.manifest].some((v) => v.toLowerCase().includes(needle)));
  return (
    <>
      <div className="pane-head">
        <div className="row">
          <RepoPicker />
          <input className="grow" aria-label="Filter dependencies" data-testid="deps-filter" placeholder="Filter by target, client, symbol, package…" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
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
                <td><span className="kind">{c.kind}</span><div className="dim">{c.client}</div></td>
                <td className="mono wrap">{c.target ?? '?'}</td>
                <td><div className="mono ellipsis" title={c.symbol ?? ''}>{c.symbol ?? '—'}</div><PathText path={c.file} suffix={`:${c.line}`} className="dim mono" /></td>
              </tr>
            ))}
          </tbody>
        </table>}
        {calls.length === 0 && <div className="empty">No external calls{needle ? ' match the filter' : ' found'}.</div>}
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
        {packages.length === 0 && <div className="empty">No declared packages{needle ? ' match the filter' : ' found'}.</div>}
      </div>
    </>
  );
}
