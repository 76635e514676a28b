// Views that follow the index: when a repo's index changes (a full pass or a watched change moves
// its indexedAt, which every status snapshot carries), whatever is on screen from that repo is read
// again: the current search (keeping the selected hit), the open file and its outline, and the notes
// (a note on an edited symbol turns stale). Entry points and dependencies re-read on their own. A search
// answered while a repo was being indexed is asked again when that run ends, whatever it changed.
import type { RepoSummary } from '../shared/types.js';
import { type State, useStore } from './store/index.js';
import { runUnderWay } from './store/repos.js';

type Generations = Map<string, number | null>;

const generations = (repos: RepoSummary[]): Generations => new Map(repos.map((r) => [r.path, r.indexedAt]));

/** Repos whose index moved between two lists; a repo added or removed counts as moved. */
export function changedRepos(before: Generations, after: Generations): string[] {
  const moved = [...after].filter(([path, at]) => !before.has(path) || before.get(path) !== at).map(([path]) => path);
  const removed = [...before.keys()].filter((path) => !after.has(path));
  return [...moved, ...removed];
}

function refresh(s: State, changed: string[]): void {
  void s.loadNotes();
  const shown = s.answered !== null && s.query.trim() !== '' && (!s.filters.repo || changed.includes(s.filters.repo));
  // A search already in flight may answer from before the change: the newest request wins, so ask again.
  if (shown) void s.runSearch({ keepSelection: true });
  if (s.file && changed.includes(s.file.repo)) void s.reloadFile();
}

/** Whether a run the shown answer was given during has ended since. */
export function answeredDuringEndedRun(s: Pick<State, 'answered' | 'progress'>): boolean {
  return (s.answered?.indexing ?? []).some((run) => !runUnderWay(s.progress, run.repo));
}

export function installLiveRefresh(): () => void {
  let seen = generations(useStore.getState().repos);
  return useStore.subscribe((state, previous) => {
    if (state.progress !== previous.progress && answeredDuringEndedRun(state)) void state.runSearch({ keepSelection: true });
    if (state.repos === previous.repos) return;
    const next = generations(state.repos);
    // The first list (start-up) is not a change: everything on screen was read from it.
    const changed = seen.size === 0 ? [] : changedRepos(seen, next);
    seen = next;
    if (changed.length > 0) refresh(state, changed);
  });
}
