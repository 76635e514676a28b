// Repos: the list, live index progress per repo, adding/re-indexing/removing, and index issues.
import type { IndexProgress, RepoIssues, RepoSummary } from '../../shared/types.js';
import { call, errorMessage } from '../api.js';
import { finishAdvice } from '../components/repoState.js';
import type { Slice } from './index.js';

export interface ReposSlice {
  repos: RepoSummary[];
  /** Latest progress per repo path while it indexes. */
  progress: Record<string, IndexProgress>;
  /** Paths with an index request in flight (shown before the first progress event). */
  indexing: string[];
  selectedRepo: string | null;
  issues: RepoIssues | null;
  loadRepos(): Promise<void>;
  addRepo(path: string): Promise<boolean>;
  reindex(path: string): Promise<void>;
  removeRepo(path: string): Promise<void>;
  showIssues(path: string | null): Promise<void>;
  selectRepo(path: string | null): void;
  progressed(progress: IndexProgress): void;
}

/** The runs under way, as their progress last said (a finished run keeps its 'done' entry for a while). */
export function runsUnderWay(progress: Readonly<Record<string, IndexProgress>>): IndexProgress[] {
  return Object.values(progress).filter((p) => p.phase !== 'done');
}

/** The repo's run under way, if one is. */
export function runUnderWay(progress: Readonly<Record<string, IndexProgress>>, repo: string): IndexProgress | undefined {
  const run = progress[repo];
  return run && run.phase !== 'done' ? run : undefined;
}

/** A key that moves when the selected repo's index does: a re-index (its indexedAt), or a first index's batch
 * growing its `count`. Views of the repo's rows read them again when it changes. */
export function selectedRepoVersion(s: Pick<ReposSlice, 'repos' | 'selectedRepo'>, count: 'files' | 'entryPoints'): string {
  const repo = s.repos.find((r) => r.path === s.selectedRepo);
  return repo ? `${repo.indexedAt ?? 0}:${repo[count]}` : '';
}

/** The selected repo while it is listed, else the first one: a repo that appears (a first index under way) is picked at once. */
export function keptSelection(selected: string | null, repos: readonly RepoSummary[]): string | null {
  return selected && repos.some((r) => r.path === selected) ? selected : repos[0]?.path ?? null;
}

export const reposSlice: Slice<ReposSlice> = (set, get) => ({
  repos: [],
  progress: {},
  indexing: [],
  selectedRepo: null,
  issues: null,
  async loadRepos() {
    const repos = await call('repo:list', {});
    set((s) => ({ repos, selectedRepo: keptSelection(s.selectedRepo, repos) }));
  },
  async addRepo(path) {
    set((s) => ({ indexing: [...s.indexing, path] }));
    try {
      const report = await call('repo:index', { path });
      await get().loadRepos();
      set({ selectedRepo: report.repo.path });
      const summary = get().repos.find((r) => r.path === report.repo.path);
      const skipped = Object.values(report.skipped).reduce((a, b) => a + (b ?? 0), 0);
      // Results shown before the index finished may be incomplete.
      if (get().query.trim()) void get().runSearch();
      if (report.cancelled && summary && summary.lastIndexMs === null) {
        get().notify(`Indexing cancelled: ${summary.files.toLocaleString()}${summary.lastRun ? ` of ${summary.lastRun.filesTotal.toLocaleString()}` : ''} files indexed. ${finishAdvice(summary)}`);
      } else if (report.cancelled) get().notify(`Indexing cancelled: ${report.changed} files were updated, the rest keep their previous index`);
      else get().notify(`Indexed ${report.files.toLocaleString()} files, ${report.symbols.toLocaleString()} symbols in ${(report.durationMs / 1000).toFixed(1)} s${skipped ? ` (${skipped.toLocaleString()} skipped)` : ''}`);
      return true;
    } catch (e) {
      get().notify(`Could not index ${path}: ${errorMessage(e)}`, 'error');
      return false;
    } finally {
      set((s) => {
        const progress = { ...s.progress };
        for (const key of Object.keys(progress)) if (progress[key]?.phase === 'done') delete progress[key];
        return { indexing: s.indexing.filter((p) => p !== path), progress };
      });
      get().settleRepoAction(path);
    }
  },
  async reindex(path) {
    await get().addRepo(path);
    // Notes may have become stale or re-attached.
    await get().loadNotes();
  },
  async removeRepo(path) {
    try {
      const removed = await call('repo:remove', { repo: path });
      get().notify(`Removed ${removed.repo}; ${removed.tombstones} vectors queued for deletion`);
      if (get().file?.repo === path) get().closeFile();
      // Its hits go at once: opening one could only fail.
      set((st) => {
        const results = st.results.filter((h) => h.repo !== path);
        return results.length === st.results.length ? {} : { results, selected: Math.min(st.selected, Math.max(0, results.length - 1)) };
      });
      await Promise.all([get().loadRepos(), get().loadNotes()]);
    } catch (e) {
      get().notify(`Could not remove ${path}: ${errorMessage(e)}`, 'error');
    }
  },
  async showIssues(path) {
    if (!path) return set({ issues: null });
    try {
      set({ issues: await call('repo:issues', { repo: path }) });
    } catch (e) {
      get().notify(errorMessage(e), 'error');
    }
  },
  selectRepo: (selectedRepo) => set({ selectedRepo }),
  progressed: (p) => {
    set((s) => ({ progress: { ...s.progress, [p.repoPath]: p } }));
    // A run that ended settles a Cancel, whoever started the run.
    if (p.phase === 'done') get().settleRepoAction(p.repoPath);
  },
});
