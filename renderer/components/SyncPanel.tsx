// Sync health, live from the coalesced status snapshots: the vector server, the counts, throughput,
// the last run and check, pending over time, failed rows, and "Repair sync".
import type { SyncRun, VectorCheck } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { PendingChart } from './PendingChart.js';
import { RepairFlow } from './RepairFlow.js';

const when = (at: number): string => new Date(at).toLocaleTimeString();

function Server() {
  const vs = useStore((s) => s.status?.vectorStore ?? null);
  if (!vs) return <p className="dim">Waiting for the first status…</p>;
  if (vs.mode === 'off') {
    return (
      <section data-testid="vector-server" data-state="off">
        <h3>Vector server</h3>
        <p data-testid="vector-off">No vector server: Clew was started without one (<span className="mono">--no-sync</span>). Keyword, symbol and regex search work; search by meaning does not, and nothing is synced until Clew runs with a vector server.</p>
      </section>
    );
  }
  return (
    <section data-testid="vector-server" data-state={vs.state} data-pid={vs.pid ?? ''} data-url={vs.url ?? ''}>
      <h3>Vector server</h3>
      <dl className="facts">
        <dt>State</dt><dd><span className={`dot ${vs.state === 'ready' ? 'ok' : vs.state === 'down' ? 'bad' : 'warn'}`} /> <b data-testid="vector-state">{vs.state}</b> ({vs.mode})</dd>
        <dt>Process</dt><dd className="mono">{vs.pid !== null ? `pid ${vs.pid}` : '—'}{vs.port !== null ? ` · port ${vs.port}` : ''}</dd>
        {vs.url && <><dt>URL</dt><dd className="mono">{vs.url}</dd></>}
        <dt>Restarts</dt><dd data-testid="vector-restarts">{vs.restarts}</dd>
        {vs.version && <><dt>Version</dt><dd>{vs.version}</dd></>}
        {vs.lastError && <><dt>Last error</dt><dd className="error">{vs.lastError}</dd></>}
      </dl>
    </section>
  );
}

function Counts() {
  const sync = useStore((s) => s.status?.sync ?? null);
  if (!sync) return null;
  const cells: Array<[string, number, string]> = [['synced', sync.synced, ''], ['pending', sync.pending, 'warn'], ['failed', sync.failed, 'bad'], ['tombstones', sync.tombstones, '']];
  return (
    <section>
      <h3>Vectors</h3>
      <div className="counts">
        {cells.map(([label, n]) => <div className="count" key={label} data-testid={`count-${label}`} data-value={n}><b>{n.toLocaleString()}</b><span className="dim">{label}</span></div>)}
      </div>
      <p className="dim">
        {sync.active ? 'Syncing now · ' : sync.waitingForIndex ? 'Waiting for the index run to end · ' : ''}{sync.throughputPerSec.toLocaleString(undefined, { maximumFractionDigits: 1 })} vectors/s · embedder {sync.embedder}
        {sync.orphans !== null && <> · last check: <span data-testid="check-orphans">{sync.orphans}</span> orphans, {sync.missing} missing, {sync.stale} stale</>}
      </p>
      {sync.lastError && <p className="error">{sync.lastError}</p>}
    </section>
  );
}

function LastRun({ run }: { run: SyncRun }) {
  return <p>Last sync run {when(run.at)}: sent {run.sent}, deleted {run.deleted}, failed {run.failed}{run.error ? <span className="error"> — {run.error}</span> : null}</p>;
}

function LastCheck({ check }: { check: VectorCheck }) {
  return <p>Last check ({check.kind}) {when(check.at)}: {check.orphans} orphans, {check.missing} missing, {check.stale} stale, {check.healthy ? 'healthy' : 'unhealthy'}{check.detail ? ` — ${check.detail}` : ''}</p>;
}

function Activity() {
  const run = useStore((s) => s.status?.sync.lastRun ?? null);
  const check = useStore((s) => s.status?.sync.lastCheck ?? null);
  return (
    <section>
      <h3>Activity</h3>
      {run ? <LastRun run={run} /> : <p className="dim">No sync run yet.</p>}
      {check ? <LastCheck check={check} /> : <p className="dim">No consistency check yet.</p>}
      <PendingChart />
    </section>
  );
}

function Failed() {
  const failedCount = useStore((s) => s.status?.sync.failed ?? 0);
  const failed = useStore((s) => s.failed);
  const s = useStore.getState;
  return (
    <section>
      <h3>Failed rows</h3>
      <div className="row">
        <button type="button" data-testid="failed-list" onClick={() => void s().loadFailed()}>List failed ({failedCount})</button>
        <button type="button" data-testid="failed-retry" disabled={failedCount === 0} onClick={() => void s().retryFailed()}>Retry all</button>
      </div>
      {failed && (failed.length === 0 ? <p className="dim">No failed rows.</p> : (
        <table data-testid="failed-table">
          <thead><tr><th>Row</th><th>Error</th><th>Tries</th></tr></thead>
          <tbody>
            {failed.map((f) => (
              <tr key={f.vectorId}><td><span className="kind">{f.kind}</span><span className="mono">{f.label ?? f.vectorId}</span></td><td className="error">{f.error ?? '—'}</td><td>{f.attempts}</td></tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

/** Pausing sync is global and survives restarts; rows stay pending meanwhile. */
function SyncPause() {
  const paused = useStore((s) => s.status?.syncPaused ?? false);
  return (
    <p data-testid="sync-paused" data-paused={paused}>
      {paused && <span className="warn">Sync is paused: new and changed code is searchable by keyword, not yet by meaning. </span>}
      <button type="button" data-testid={paused ? 'sync-resume' : 'sync-pause'} onClick={() => void useStore.getState().setSyncPaused(!paused)}>{paused ? 'Resume sync' : 'Pause sync'}</button>
    </p>
  );
}

export function SyncPanel() {
  // Without a vector server there is nothing to pause, repair or count as pending: no sync is coming.
  const off = useStore((s) => s.status?.vectorStore.mode === 'off');
  const close = (): void => useStore.getState().setSyncOpen(false);
  return (
    <aside className="drawer" role="dialog" aria-label="Sync health" data-testid="sync-panel">
      <header><span className="grow">Sync health</span><button type="button" onClick={close}>Close</button></header>
      <div className="content">
        <Server />
        {!off && <Counts />}
        {!off && <SyncPause />}
        {!off && <RepairFlow />}
        {!off && <Activity />}
        {!off && <Failed />}
      </div>
    </aside>
  );
}
