// Always one click from the sync health panel; the dot summarizes it.
import type { StatusReport } from '../../shared/types.js';
import { useStore } from '../store/index.js';

function health(st: StatusReport | null): { tone: string; label: string } {
  if (!st) return { tone: '', label: 'Sync health' };
  const server = st.vectorStore.state;
  if (server === 'down' || st.sync.failed > 0) return { tone: 'bad', label: server === 'down' ? 'Vector server down' : `${st.sync.failed} failed` };
  if (server !== 'ready' && server !== 'stopped') return { tone: 'warn', label: `Vector server ${server}` };
  if (st.sync.pending > 0 || st.sync.tombstones > 0) return { tone: 'warn', label: `${st.sync.pending + st.sync.tombstones} to sync` };
  return { tone: 'ok', label: 'In sync' };
}

export function SyncButton() {
  const tone = useStore((s) => health(s.status).tone);
  const label = useStore((s) => health(s.status).label);
  const open = useStore((s) => s.syncOpen);
  const setOpen = useStore((s) => s.setSyncOpen);
  return (
    <button type="button" className="sync-button" data-testid="sync-button" aria-expanded={open} onClick={() => setOpen(!open)}>
      <span className={`dot ${tone}`} aria-hidden="true" />
      {label}
    </button>
  );
}
