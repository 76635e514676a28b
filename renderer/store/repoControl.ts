// Per-repo watch, pause, resume and cancel, and the global sync pause; the answer replaces the repo row.
import type { RepoSummary } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { Slice } from './index.js';

export interface RepoControlSlice {
  setWatch(path: string, on: boolean): Promise<void>;
  pauseRepo(path: string): Promise<void>;
  resumeRepo(path: string): Promise<void>;
  cancelIndex(path: string): Promise<void>;
  setSyncPaused(paused: boolean): Promise<void>;
}

export const repoControlSlice: Slice<RepoControlSlice> = (set, get) => {
  const replace = (repo: RepoSummary): void => set((s) => ({ repos: s.repos.map((r) => (r.id === repo.id ? repo : r)) }));
  const attempt = async (what: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      get().notify(`Could not ${what}: ${errorMessage(e)}`, 'error');
    }
  };
  return {
    setWatch: (path, on) => attempt(on ? 'watch' : 'stop watching', async () => replace(await call('repo:watch', { repo: path, on }))),
    pauseRepo: (path) => attempt('pause', async () => replace(await call('repo:pause', { repo: path }))),
    resumeRepo: (path) => attempt('resume', async () => replace(await call('repo:resume', { repo: path }))),
    cancelIndex: (path) => attempt('cancel', async () => {
      const { cancelled } = await call('repo:cancel', { repo: path });
      if (!cancelled) get().notify('Nothing was indexing');
    }),
    setSyncPaused: (paused) => attempt(paused ? 'pause sync' : 'resume sync', async () => {
      await call(paused ? 'sync:pause' : 'sync:resume', {});
      await get().refreshStatus();
    }),
  };
};
