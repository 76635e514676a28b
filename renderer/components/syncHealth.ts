// The sync badge's one word on the vector side: never "In sync" while sync is paused or no server runs.
import type { StatusReport } from '../../shared/types.js';

export type SyncTone = '' | 'ok' | 'warn' | 'bad' | 'off';
export type SyncState = 'unknown' | 'off' | 'down' | 'failed' | 'starting' | 'paused' | 'waiting' | 'syncing' | 'in-sync';

export interface SyncHealth {
  state: SyncState;
  tone: SyncTone;
  label: string;
}

export function syncHealth(st: StatusReport | null): SyncHealth {
  if (!st) return { state: 'unknown', tone: '', label: 'Sync health' };
  const server = st.vectorStore;
  const queued = st.sync.pending + st.sync.tombstones;
  if (server.mode === 'off') return { state: 'off', tone: 'off', label: 'No vector server' };
  if (server.state === 'down') return { state: 'down', tone: 'bad', label: 'Vector server down' };
  if (st.sync.failed > 0) return { state: 'failed', tone: 'bad', label: `${st.sync.failed.toLocaleString()} failed to sync` };
  if (server.state !== 'ready') {
    const words = server.state === 'stopped' ? 'Vector server not running' : `Vector server ${server.state}…`;
    return { state: server.state === 'stopped' ? 'down' : 'starting', tone: server.state === 'stopped' ? 'bad' : 'warn', label: words };
  }
  if (st.syncPaused) return { state: 'paused', tone: 'warn', label: queued > 0 ? `Sync paused (${queued.toLocaleString()} waiting)` : 'Sync paused' };
  // An index run has the cores: nothing is being sent, and saying "Syncing" would claim otherwise.
  if (queued > 0 && st.sync.waitingForIndex) return { state: 'waiting', tone: 'warn', label: `Vectors wait for indexing (${queued.toLocaleString()} pending)` };
  if (queued > 0) return { state: 'syncing', tone: 'warn', label: `Syncing (${queued.toLocaleString()} pending)` };
  return { state: 'in-sync', tone: 'ok', label: 'In sync' };
}
