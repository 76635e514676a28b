// The repos this process follows: one watcher each, and at most one watched pass waiting per repo,
// so every change seen before a pass starts is collapsed into it. A new watcher first catches up
// (a full incremental index) with what changed while Clew was closed or the repo was paused.
import type { IndexReport } from '../../../shared/types.js';
import type { RepoJobs } from '../repoJobs.js';
import type { RunControl } from '../runControl.js';
import { type ChangeBatch, RepoWatcher, type WatcherOptions } from './repoWatcher.js';

export interface WatchServiceDeps {
  jobs: RepoJobs;
  /** A full incremental index: the catch-up, an ignore-file change, lost events. */
  indexAll(root: string, control: RunControl): Promise<IndexReport>;
  indexChanged(root: string, paths: string[], control: RunControl): Promise<IndexReport>;
  /** After every watched pass (or its failure). */
  passed(report: IndexReport | null, error: unknown): void;
  watchingChanged(repoIds: number[]): void;
  watcher?: WatcherOptions;
}

interface Watched {
  id: number;
  root: string;
  watcher: RepoWatcher;
  waiting: Set<string>;
  rewalk: boolean;
  queued: boolean;
}

export class WatchService {
  private readonly watched = new Map<number, Watched>();

  constructor(private readonly deps: WatchServiceDeps) {}

  ids(): number[] {
    return [...this.watched.keys()].sort((a, b) => a - b);
  }

  has(repoId: number): boolean {
    return this.watched.has(repoId);
  }

  async start(repo: { id: number; path: string }): Promise<void> {
    if (this.watched.has(repo.id)) return;
    const entry: Watched = { id: repo.id, root: repo.path, waiting: new Set(), rewalk: true, queued: false,
      watcher: new RepoWatcher(repo.path, (batch) => this.collect(entry, batch), this.deps.watcher) };
    this.watched.set(repo.id, entry);
    try {
      await entry.watcher.start();
    } catch (e) {
      this.watched.delete(repo.id);
      throw e;
    }
    this.deps.watchingChanged(this.ids());
    // Subscribed first, then caught up: nothing changed in between is missed.
    this.queuePass(entry);
  }

  async stop(repoId: number): Promise<void> {
    const entry = this.watched.get(repoId);
    if (!entry) return;
    this.watched.delete(repoId);
    await entry.watcher.stop();
    this.deps.watchingChanged(this.ids());
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.ids().map((id) => this.stop(id)));
  }

  private collect(entry: Watched, batch: ChangeBatch): void {
    if (batch.rewalk) entry.rewalk = true;
    for (const path of batch.paths) entry.waiting.add(path);
    this.queuePass(entry);
  }

  private queuePass(entry: Watched): void {
    if (entry.queued) return;
    entry.queued = true;
    this.deps.jobs.run(entry.root, async (control) => {
      entry.queued = false;
      const { rewalk } = entry;
      const paths = [...entry.waiting];
      entry.rewalk = false;
      entry.waiting = new Set();
      // Unwatched while queued, cancelled, or nothing left to do.
      if (this.watched.get(entry.id) !== entry || control.cancelled || (!rewalk && paths.length === 0)) return null;
      return rewalk ? this.deps.indexAll(entry.root, control) : this.deps.indexChanged(entry.root, paths, control);
    }).then((report) => this.deps.passed(report, null), (e: unknown) => this.deps.passed(null, e));
  }
}
