// Always one click from the sync health panel; the dot and its words summarize it (see syncHealth).
import { useStore } from '../store/index.js';
import { syncHealth } from './syncHealth.js';

export function SyncButton() {
  const health = syncHealth(useStore((s) => s.status));
  const open = useStore((s) => s.syncOpen);
  const setOpen = useStore((s) => s.setSyncOpen);
  return (
    <button type="button" className="sync-button" data-testid="sync-button" data-state={health.state} aria-expanded={open} onClick={() => setOpen(!open)}>
      <span className={`dot ${health.tone}`} aria-hidden="true" />
      {health.label}
    </button>
  );
}
