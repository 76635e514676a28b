// "Repair sync": a dry run shows what is wrong first; only then does the repair run, with progress,
// ending in a report of what was deleted, re-queued and rebuilt.
import type { RepairReport } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { nothingToRepair, repairStep } from './repairSteps.js';

function Findings({ report }: { report: RepairReport }) {
  const clean = nothingToRepair(report);
  return (
    <div data-testid="repair-findings" data-orphans={report.orphans} data-missing={report.missing} data-unsearchable={report.unsearchable}>
      <p>Found <b>{report.orphans}</b> orphan vectors (in the vector store, unknown to SQLite), <b>{report.missing}</b> missing and <b>{report.stale}</b> stale rows, and <b>{report.unsearchable}</b> stored vectors that search cannot reach (re-inserted by the repair). Health check: {report.healthy ? 'passed' : <span className="error">failed{report.healthError ? ` — ${report.healthError}` : ''}</span>}.</p>
      {clean && <p data-testid="repair-clean"><b>Nothing to repair:</b> the vector store matches the index.</p>}
    </div>
  );
}

function Report({ report }: { report: RepairReport }) {
  return (
    <div data-testid="repair-report" data-deleted={report.orphansDeleted} data-requeued={report.requeued}>
      <p>Repair finished in {(report.durationMs / 1000).toFixed(1)} s.</p>
      <ul>
        <li>Deleted <b>{report.orphansDeleted}</b> orphan vectors</li>
        <li>Re-queued <b>{report.requeued}</b> rows (missing, stale or unreachable by search)</li>
        <li>{report.rebuilt ? 'Rebuilt the collection into a new generation' : 'No rebuild needed'}</li>
        <li>Health check: {report.healthy ? 'passed' : `failed${report.healthError ? ` — ${report.healthError}` : ''}`}</li>
      </ul>
    </div>
  );
}

export function RepairFlow() {
  const repair = useStore((s) => s.repair);
  const s = useStore.getState;
  return (
    <div className="repair" data-testid="repair" data-step={repair.step}>
      {repair.step === 'idle' && (
        <div className="row">
          <button type="button" className="primary" data-testid="repair-start" onClick={() => void s().startRepair()}>Repair sync</button>
          <span className="dim">Checks first and shows what it would fix.</span>
        </div>
      )}
      {repair.step === 'checking' && <p>Comparing the index with the vector store (nothing is changed yet)…</p>}
      {repair.step === 'findings' && (
        <>
          <Findings report={repair.report} />
          {nothingToRepair(repair.report) ? (
            <div className="row"><button type="button" data-testid="repair-close" onClick={() => s().closeRepair()}>Done</button></div>
          ) : (
            <div className="row">
              <button type="button" className="primary" data-testid="repair-confirm" onClick={() => void s().confirmRepair()}>Repair now</button>
              <button type="button" onClick={() => s().closeRepair()}>Cancel</button>
            </div>
          )}
        </>
      )}
      {repair.step === 'repairing' && (
        <div data-testid="repair-progress">
          <p data-testid="repair-step">{repairStep(repair.progress)}</p>
          <div className="progress"><div className="bar"><div className={`fill${repair.progress?.total ? '' : ' indeterminate'}`} style={{ width: repair.progress?.total ? `${(100 * repair.progress.done) / repair.progress.total}%` : undefined }} /></div></div>
        </div>
      )}
      {repair.step === 'done' && (
        <>
          <Report report={repair.report} />
          <button type="button" data-testid="repair-close" onClick={() => s().closeRepair()}>Done</button>
        </>
      )}
      {repair.step === 'error' && (
        <>
          <p className="error" role="alert">Repair failed: {repair.message}</p>
          <button type="button" onClick={() => s().closeRepair()}>Close</button>
        </>
      )}
    </div>
  );
}
