// Shift+F12: every use of the symbol under the cursor, grouped by file with counts; a row (click or
// Enter) jumps to its line with the identifier marked.
import type { ReferenceHit } from '../../shared/nav.js';
import { useStore } from '../store/index.js';
import { PathText } from './PathText.js';
import { rowActivation } from './rowActivation.js';

function groupByFile(refs: ReferenceHit[]): Array<[string, ReferenceHit[]]> {
  const groups = new Map<string, ReferenceHit[]>();
  for (const ref of refs) groups.set(ref.file, [...(groups.get(ref.file) ?? []), ref]);
  return [...groups];
}

export function ReferencesPanel() {
  const refs = useStore((s) => s.references);
  if (!refs) return null;
  const s = useStore.getState;
  const { answer } = refs;
  const groups = answer ? groupByFile(answer.refs) : [];
  return (
    <section className="refs-panel" aria-label={`References to ${refs.label}`} data-testid="refs-panel">
      <header className="row">
        <b className="grow ellipsis">
          References to {refs.label}{answer ? `: ${answer.refs.length}${answer.truncated ? '+' : ''} in ${groups.length} file${groups.length === 1 ? '' : 's'}` : ''}
        </b>
        <button type="button" className="link" data-testid="refs-close" onClick={() => s().closeReferences()}>Close</button>
      </header>
      <div className="refs-body" tabIndex={-1}>
        {refs.error && <div className="error" role="alert">{refs.error}</div>}
        {!answer && !refs.error && <div className="dim">Looking…</div>}
        {answer && answer.refs.length === 0 && <div className="dim">{answer.targets.length === 0 ? 'Nothing is defined under the cursor.' : 'No references found.'}</div>}
        {groups.map(([file, hits]) => (
          <div key={file} className="refs-group" data-testid="refs-group" data-file={file}>
            <div className="row refs-file"><PathText path={file} className="mono grow" /><span className="badge" data-testid="refs-count">{hits.length}</span></div>
            {hits.map((hit) => (
              <div
                key={`${hit.line}:${hit.column}`} className="refs-row" data-testid="refs-row" data-line={hit.line} data-confidence={hit.confidence}
                {...rowActivation(() => void s().openAt({ repo: hit.repo, path: hit.file, line: hit.line, column: hit.column }))}
              >
                <span className="mono dim line-no">{hit.line}</span>
                <span className="mono ellipsis grow">{hit.snippet}</span>
                {hit.confidence === 'candidate' && <span className="dim" title="Found by name, not proven to be this symbol">?</span>}
                <span className="kind">{hit.role}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
