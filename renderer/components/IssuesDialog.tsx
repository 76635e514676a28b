// What the last index of a repo skipped, by reason, and the files it could not read or parse, the worst first.
import { byConcern } from '../../shared/issueOrder.js';
import { useStore } from '../store/index.js';

export function IssuesDialog() {
  const issues = useStore((s) => s.issues);
  const close = (): void => void useStore.getState().showIssues(null);
  if (!issues) return null;
  const skipped = Object.entries(issues.skipped).filter(([, n]) => (n ?? 0) > 0);
  return (
    <div className="overlay" onClick={close}>
      <div className="dialog" role="dialog" aria-label="Skipped files and errors" data-testid="issues-dialog" onClick={(e) => e.stopPropagation()}>
        <header><span className="grow ellipsis">Skipped and errors — {issues.repo}</span><button type="button" onClick={close}>Close</button></header>
        <div className="content">
          {skipped.length === 0 ? <p className="dim">Nothing was skipped.</p> : (
            <p>{skipped.map(([reason, n]) => `${reason}: ${n}`).join(' · ')}</p>
          )}
          {issues.issues.length > 0 && (
            <table>
              <thead><tr><th>File</th><th>Reason</th><th>Detail</th></tr></thead>
              <tbody>
                {byConcern(issues.issues).map((issue, i) => (
                  <tr key={`${issue.path}-${i}`}><td className="mono">{issue.path}</td><td>{issue.reason}</td><td>{issue.message}</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
