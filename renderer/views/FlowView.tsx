// "Show flow" of an entry point: the call tree from its handler down, with the outside systems
// (HTTP, SQL, queues) each step reaches marked where they are called.
import { useEffect, useState } from 'react';
import type { FlowAnswer } from '../../shared/nav.js';
import type { EntryPointRow } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import { CallTreeView } from '../components/CallTree.js';
import { useStore } from '../store/index.js';

const FLOW_DEPTH = 4;

const title = (e: EntryPointRow): string => [e.method, e.path ?? e.schedule ?? e.queue, e.symbol && `→ ${e.symbol}`].filter(Boolean).join(' ');

export function FlowView() {
  const entry = useStore((s) => s.flowEntry);
  const repo = useStore((s) => s.selectedRepo);
  const [state, setState] = useState<{ answer: FlowAnswer | null; error: string | null } | null>(null);
  useEffect(() => {
    setState(null);
    if (!entry || !repo) return;
    let live = true;
    call('nav:flow', { repo, entry: String(entry.id), depth: FLOW_DEPTH }).then(
      (answer) => { if (live) setState({ answer, error: null }); },
      (e: unknown) => { if (live) setState({ answer: null, error: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [entry, repo]);
  if (!entry || !repo) return null;
  const root = state?.answer?.root ?? null;
  return (
    <section className="flow" aria-label="Flow" data-testid="flow">
      <header className="row">
        <b className="grow ellipsis" title={title(entry)}>Flow: {title(entry)}</b>
        <button type="button" className="link" data-testid="flow-close" onClick={() => useStore.getState().showFlow(null)}>Close</button>
      </header>
      {state === null && <div className="dim">Following the calls…</div>}
      {state?.error && <div className="error" role="alert">{state.error}</div>}
      {state && !state.error && !root && <div className="dim" data-testid="flow-unresolved">The handler could not be resolved to a symbol in the index.</div>}
      {root && <CallTreeView repo={repo} direction="callees" root={root} label={`Calls from ${root.name}`} />}
    </section>
  );
}
