// Sync health: the latest status snapshot, pending over time, failed rows, and the repair flow
// (dry run → findings → repair with progress → report).
import type { FailedUnit, RepairProgress, RepairReport, StatusReport } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { Slice } from './index.js';
import { keptSelection } from './repos.js';

export type RepairState =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'findings'; report: RepairReport }
  | { step: 'repairing'; progress: RepairProgress | null }
  | { step: 'done'; report: RepairReport }
  | { step: 'error'; message: string };

export interface PendingPoint {
  at: number;
  pending: number;
}

export interface SyncSlice {
  status: StatusReport | null;
  pendingHistory: PendingPoint[];
  failed: FailedUnit[] | null;
  repair: RepairState;
  statusArrived(status: StatusReport): void;
  refreshStatus(): Promise<void>;
  startRepair(): Promise<void>;
  confirmRepair(): Promise<void>;
  closeRepair(): void;
  repairProgressed(progress: RepairProgress): void;
  loadFailed(): Promise<void>;
  retryFailed(): Promise<void>;
}

/** Ten minutes at the snapshot rate is plenty for a small chart. */
const HISTORY_POINTS = 600;

export const syncSlice: Slice<SyncSlice> = (set, get) => ({
  status: null,
  pendingHistory: [],
  failed: null,
  repair: { step: 'idle' },
  statusArrived(status) {
    set((s) => ({
      status,
      // Snapshots carry repo counts too: keep the sidebar current without another request.
      repos: status.repos,
      selectedRepo: keptSelection(s.selectedRepo, status.repos),
      pendingHistory: [...s.pendingHistory, { at: Date.now(), pending: status.sync.pending }].slice(-HISTORY_POINTS),
    }));
  },
  async refreshStatus() {
    try {
      get().statusArrived(await call('status:get', {}));
    } catch (e) {
      get().notify(`Could not read the status: ${errorMessage(e)}`, 'error');
    }
  },
  async startRepair() {
    set({ repair: { step: 'checking' } });
    try {
      const report = await call('sync:repair', { dryRun: true });
      set({ repair: { step: 'findings', report } });
    } catch (e) {
      set({ repair: { step: 'error', message: errorMessage(e) } });
    }
  },
  async confirmRepair() {
    set({ repair: { step: 'repairing', progress: null } });
    try {
      const report = await call('sync:repair', { dryRun: false });
      set({ repair: { step: 'done', report } });
    } catch (e) {
      set({ repair: { step: 'error', message: errorMessage(e) } });
    }
    await get().refreshStatus();
  },
  closeRepair: () => set({ repair: { step: 'idle' } }),
  repairProgressed(progress) {
    set((s) => (s.repair.step === 'repairing' ? { repair: { step: 'repairing', progress } } : {}));
  },
  async loadFailed() {
    try {
      set({ failed: await call('sync:failed', { limit: 200 }) });
    } catch (e) {
      get().notify(`Could not list failed rows: ${errorMessage(e)}`, 'error');
    }
  },
  async retryFailed() {
    try {
      const { requeued } = await call('sync:retry', {});
      get().notify(`${requeued} failed rows queued again`);
      await Promise.all([get().loadFailed(), get().refreshStatus()]);
    } catch (e) {
      get().notify(`Could not retry: ${errorMessage(e)}`, 'error');
    }
  },
});
