// The repos sidebar: add, the list with live progress, re-index, issues, remove (asks first).
import { useState } from 'react';
import type { RepoSummary } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { runsUnderWay, runUnderWay } from '../store/repos.js';
import { AddRepo } from './AddRepo.js';
import { PathText } from './PathText.js';
import { ProgressBar } from './ProgressBar.js';
import { repoName } from './repoName.js';
import { repoState } from './repoState.js';
import { StateIcon } from './StateIcon.js';

/** "1 file", "2,300 files". */
const counted = (n: number, noun: string): string => `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;

function RepoItem({ repo }: { repo: RepoSummary }) {
  const progress = useStore((s) => s.progress[repo.path] ?? null);
  const busy = useStore((s) => s.indexing.includes(repo.path) || runUnderWay(s.progress, repo.path) !== undefined);
  const selected = useStore((s) => s.selectedRepo === repo.path);
  const [confirming, setConfirming] = useState(false);
  const s = useStore.getState;
  return (
    <div className={`repo${selected ? ' selected' : ''}`} data-testid="repo" data-path={repo.path} onClick={() => s().selectRepo(repo.path)}>
      <div className="name ellipsis" title={repo.path}>{repo.name}</div>
      <PathText path={repo.path} className="dim" />
      <div className="dim" data-testid="repo-counts">{counted(repo.files, 'file')} · {counted(repo.symbols, 'symbol')} · {counted(repo.entryPoints, 'entry point')}</div>
      <RepoState repo={repo} busy={busy} />
      {busy && <ProgressBar progress={progress} paused={repo.paused} />}
      {confirming ? (
        <div className="actions" role="alertdialog" aria-label={`Remove ${repo.name}?`}>
          <span>Remove {repo.name} and its notes and vectors?</span>
          <button type="button" className="danger" data-testid="repo-remove-confirm" onClick={(e) => { e.stopPropagation(); setConfirming(false); void s().removeRepo(repo.path); }}>Remove</button>
          <button type="button" onClick={(e) => { e.stopPropagation(); setConfirming(false); }}>Cancel</button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" data-testid="repo-reindex" disabled={busy || repo.paused} onClick={(e) => { e.stopPropagation(); void s().reindex(repo.path); }}>Re-index</button>
          <RepoControls repo={repo} busy={busy} />
          <button type="button" data-testid="repo-issues" onClick={(e) => { e.stopPropagation(); void s().showIssues(repo.path); }}>Skipped &amp; errors</button>
          <button type="button" className="danger" data-testid="repo-remove" disabled={busy} onClick={(e) => { e.stopPropagation(); setConfirming(true); }}>Remove</button>
        </div>
      )}
    </div>
  );
}

/** Indexing, paused, cancelled and incomplete, watching, or what a click is waiting for (see repoState). */
function RepoState({ repo, busy }: { repo: RepoSummary; busy: boolean }) {
  const action = useStore((s) => s.repoActions[repo.path] ?? null);
  const state = repoState(repo, busy, action);
  return (
    <div className={`repo-state ${state.kind}`} data-testid="repo-state" data-state={state.kind} role="status">
      <StateIcon kind={state.kind} /> <span>{state.text}</span>
    </div>
  );
}

/** Pause/resume, cancel (while indexing) and watch on/off, next to Re-index. */
function RepoControls({ repo, busy }: { repo: RepoSummary; busy: boolean }) {
  const s = useStore.getState;
  const action = useStore((st) => st.repoActions[repo.path] ?? null);
  const act = (fn: () => Promise<void>) => (e: { stopPropagation(): void }) => { e.stopPropagation(); void fn(); };
  return (
    <>
      {repo.paused
        ? <button type="button" data-testid="repo-resume" disabled={action !== null} onClick={act(() => s().resumeRepo(repo.path))}>Resume</button>
        : <button type="button" data-testid="repo-pause" disabled={action !== null} onClick={act(() => s().pauseRepo(repo.path))}>{action === 'pausing' ? 'Pausing…' : 'Pause'}</button>}
      {busy && <button type="button" data-testid="repo-cancel" disabled={action === 'cancelling'} onClick={act(() => s().cancelIndex(repo.path))}>{action === 'cancelling' ? 'Cancelling…' : 'Cancel'}</button>}
      <button type="button" data-testid="repo-watch" aria-pressed={repo.watch} onClick={act(() => s().setWatch(repo.path, !repo.watch))}>{repo.watch ? 'Stop watching' : 'Watch'}</button>
    </>
  );
}

/** Repos being added for the first time: not in the list yet. */
function NewRepos() {
  const repos = useStore((s) => s.repos);
  const progress = useStore((s) => s.progress);
  const indexing = useStore((s) => s.indexing);
  const known = new Set(repos.map((r) => r.path));
  const fresh = runsUnderWay(progress).filter((p) => !known.has(p.repoPath));
  const waiting = indexing.filter((path) => !known.has(path)).length > 0 && fresh.length === 0;
  return (
    <>
      {fresh.map((p) => (
        <div className="repo" key={p.repoPath} data-testid="repo-new" data-path={p.repoPath}>
          <div className="name ellipsis">{repoName(p.repoPath)}</div>
          <div className="dim ellipsis">{p.repoPath}</div>
          <ProgressBar progress={p} />
        </div>
      ))}
      {waiting && <div className="repo" data-testid="repo-new"><ProgressBar progress={null} /></div>}
    </>
  );
}

export function RepoSidebar() {
  const repos = useStore((s) => s.repos);
  // A first repo being added is on its way: not "no repositories".
  const adding = useStore((s) => s.indexing.length > 0 || runsUnderWay(s.progress).length > 0);
  return (
    <aside className="sidebar" id="repo-sidebar" aria-label="Repositories">
      <div className="row sidebar-head">
        <h1 className="grow">Clew</h1>
        <button type="button" className="narrow-only" data-testid="sidebar-close" onClick={() => useStore.getState().toggleSidebar(false)}>Close</button>
      </div>
      <AddRepo />
      <div className="repo-list" data-testid="repo-list">
        <NewRepos />
        {repos.map((r) => <RepoItem key={r.id} repo={r} />)}
        {repos.length === 0 && !adding && <div className="empty">No repositories yet. Add one above.</div>}
      </div>
    </aside>
  );
}
