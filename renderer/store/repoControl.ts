// Per-repo watch, pause, resume and cancel, and the global sync pause; the answer replaces the repo row.
import type { RepoSummary } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import type { RepoAction } from '../components/repoState.js';
import type { Slice } from './index.js';

export interface RepoControlSlice {
  /** Pause, resume or cancel clicked and not yet confirmed by the engine, per repo path: the card says so at once. */
  repoActions: Record<string, RepoAction>;
  /** The engine confirmed (or refused) the action: the card shows the repo's own state again. */
  settleRepoAction(path: string): void;
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
  const begin = (path: string, action: RepoAction): void => set((s) => ({ repoActions: { ...s.repoActions, [path]: action } }));
  const settle = (path: string): void => set((s) => {
    if (!(path in s.repoActions)) return {};
    const { [path]: _settled, ...rest } = s.repoActions;
    return { repoActions: rest };
  });
  // Pause and resume are confirmed by their answer; a cancel by the end of the run (see repos.ts).
  const confirmed = (path: string, action: RepoAction, what: string, fn: () => Promise<void>): Promise<void> => {
    begin(path, action);
    return attempt(what, fn).finally(() => settle(path));
  };
  return {
    repoActions: {},
    settleRepoAction: settle,
    setWatch: (path, on) => attempt(on ? 'watch' : 'stop watching', async () => replace(await call('repo:watch', { repo: path, on }))),
    pauseRepo: (path) => confirmed(path, 'pausing', 'pause', async () => replace(await call('repo:pause', { repo: path }))),
    resumeRepo: (path) => confirmed(path, 'resuming', 'resume', async () => replace(await call('repo:resume', { repo: path }))),
    cancelIndex: async (path) => {
      begin(path, 'cancelling');
      let running = false;
      await attempt('cancel', async () => {
        running = (await call('repo:cancel', { repo: path })).cancelled;
        if (!running) get().notify('Nothing was indexing');
      });
      if (!running) settle(path);
    },
    setSyncPaused: (paused) => attempt(paused ? 'pause sync' : 'resume sync', async () => {
      await call(paused ? 'sync:pause' : 'sync:resume', {});
      await get().refreshStatus();
    }),
  };
};
