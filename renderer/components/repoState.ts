// A repo card's one state, in the words a person reads: what the repo is doing now, what a click on
// Pause or Cancel is waiting for, and whether its index is whole (a cancelled first index is not).
import type { RepoSummary } from '../../shared/types.js';

/** A control a person clicked whose effect the engine has not confirmed yet. */
export type RepoAction = 'pausing' | 'resuming' | 'cancelling';

export type RepoStateKind = RepoAction | 'indexing' | 'paused' | 'incomplete' | 'cancelled' | 'watching' | 'watch-on' | 'not-watched';

export interface RepoState {
  kind: RepoStateKind;
  text: string;
}

const n = (v: number): string => v.toLocaleString();

/** "2,293 of 3,138 files" when the walk's total is known this session, else "2,293 files". */
export function howFar(repo: RepoSummary): string {
  const total = repo.lastRun?.filesTotal;
  return total && total >= repo.files ? `${n(repo.files)} of ${n(total)} files` : `${n(repo.files)} files`;
}

/** What finishes a partial index: a paused repo must be resumed first (with watch on, its catch-up finishes it). */
export function finishAdvice(repo: RepoSummary): string {
  if (!repo.paused) return 'Re-index to finish.';
  return repo.watch ? 'Resume to finish.' : 'Resume, then re-index to finish.';
}

export function repoState(repo: RepoSummary, busy: boolean, action: RepoAction | null): RepoState {
  if (action === 'pausing') return { kind: 'pausing', text: 'Pausing…' };
  if (action === 'resuming') return { kind: 'resuming', text: 'Resuming…' };
  if (action === 'cancelling') return { kind: 'cancelling', text: 'Cancelling…' };
  // A full run that never completed: searches miss the files it did not reach.
  const incomplete = repo.lastIndexMs === null;
  // Paused, then cancelled: the cancel is what the person did last, and the index is still partial.
  if (repo.paused && !busy && incomplete && repo.lastRun?.cancelled) {
    return { kind: 'incomplete', text: `Cancelled (incomplete: ${howFar(repo)}). ${finishAdvice(repo)}` };
  }
  if (repo.paused) return { kind: 'paused', text: busy ? 'Paused while indexing: not watched or indexed until resumed' : `Paused: not watched or indexed${incomplete ? ` (incomplete: ${howFar(repo)})` : ''}` };
  if (busy) return { kind: 'indexing', text: 'Indexing…' };
  if (incomplete) return { kind: 'incomplete', text: `${repo.lastRun?.cancelled ? 'Cancelled' : 'Not finished'} (incomplete: ${howFar(repo)}). ${finishAdvice(repo)}` };
  if (repo.lastRun?.cancelled) return { kind: 'cancelled', text: `Cancelled: ${n(repo.lastRun.changed)} files updated, the rest keep their previous index` };
  if (repo.watching) return { kind: 'watching', text: 'Watching for changes' };
  return repo.watch ? { kind: 'watch-on', text: 'Watch on, but not watching right now' } : { kind: 'not-watched', text: 'Not watched' };
}

/**
 * Under a search's results: the searched repos whose index never completed (a cancelled or failed first index) and
 * that no run is finishing now, so a person knows hits may be missing and how to finish it. Null when none.
 */
export function incompleteNote(repos: readonly RepoSummary[], underWay: ReadonlySet<string>, repoFilter: string): string | null {
  const partial = repos.filter((r) => r.lastIndexMs === null && r.files > 0 && !underWay.has(r.path) && (!repoFilter || r.path === repoFilter));
  if (partial.length === 0) return null;
  return partial.map((r) => `${r.name}'s index is incomplete (${howFar(r)}): results may be missing. ${finishAdvice(r)}`).join(' ');
}
