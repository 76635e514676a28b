// The engine's repo runs: explicit indexes, watched passes and catch-ups, one at a time per repo,
// with per-repo watch, pause, resume and cancel. Lives on the engine worker, the index writer (the sync thread writes only sync state).
import type { IndexReport, IndexProgress, Language } from '../../shared/types.js';
import { ClewFailure } from '../base/failure.js';
import type { WriteDb } from '../db/connection.js';
import { repoControls } from '../db/read/repoControl.js';
import { findRepo } from '../db/read/repos.js';
import { setRepoPaused, setRepoWatch } from '../db/write/repoControl.js';
import { type IndexOptions, indexPaths, indexRepo, resolveRepoRoot } from './indexer.js';
import type { ParsePool } from './parsePool.js';
import { RepoJobs } from './repoJobs.js';
import type { RunControl } from './runControl.js';
import type { WatcherOptions } from './watch/repoWatcher.js';
import { WatchService } from './watch/watchService.js';

/** What the walk honours (from settings.json, sent by the Backend). */
export interface WalkSettings {
  maxFileBytes?: number | undefined;
  extraIgnores?: string[] | undefined;
  languages?: Language[] | null | undefined;
}

export interface EngineReposDeps {
  db: WriteDb;
  embedderId: () => string;
  progress(progress: IndexProgress): void;
  /** Something was written by a run nobody asked for (a watched pass): sync it and tell the Backend. */
  watchedPass(report: IndexReport | null, error: unknown): void;
  watchingChanged(repoIds: number[]): void;
  watcher?: WatcherOptions;
  /** The engine's parse workers (started on first call unless already warm): every run prepares its files there. */
  parsePool?: () => ParsePool;
}

export class EngineRepos {
  private readonly jobs = new RepoJobs();
  private readonly watch: WatchService;
  // Two requests to index the same folder share one run instead of racing.
  private readonly full = new Map<string, Promise<IndexReport>>();
  private walk: WalkSettings = {};
  private watching = false;

  constructor(private readonly deps: EngineReposDeps) {
    this.watch = new WatchService({
      jobs: this.jobs,
      indexAll: (root, control) => indexRepo(deps.db, root, this.options(control)),
      indexChanged: (root, paths, control) => indexPaths(deps.db, root, paths, this.options(control)),
      passed: deps.watchedPass,
      watchingChanged: deps.watchingChanged,
      ...(deps.watcher ? { watcher: deps.watcher } : {}),
    });
  }

  private options(control: RunControl, walk: WalkSettings = this.walk): IndexOptions {
    return {
      embedderId: this.deps.embedderId(), control, onProgress: this.deps.progress,
      ...(this.deps.parsePool ? { parsePool: this.deps.parsePool() } : {}),
      ...(walk.maxFileBytes !== undefined ? { maxFileBytes: walk.maxFileBytes } : {}),
      extraIgnores: walk.extraIgnores ?? [], languages: walk.languages ?? null,
    };
  }

  async index(path: string, walk: WalkSettings): Promise<IndexReport> {
    const root = await resolveRepoRoot(path);
    this.walk = { ...this.walk, ...walk };
    const known = repoControls(this.deps.db).find((r) => r.path === root);
    if (known?.paused) throw new ClewFailure('UNAVAILABLE', `${root} is paused; resume it to index`);
    let run = this.full.get(root);
    if (!run) {
      run = this.jobs.run(root, (control) => indexRepo(this.deps.db, root, this.options(control, walk))).finally(() => this.full.delete(root));
      this.full.set(root, run);
    }
    const report = await run;
    // A repo added while this process watches is followed from now on (watch is on by default). Not
    // after a cancel: the watcher's catch-up would quietly finish the index the person stopped.
    if (this.watching && !report.cancelled) await this.follow(report.repo.id);
    return report;
  }

  /** This process follows file changes (the app, clew serve): every repo with watch on and not paused. */
  async startWatching(walk: WalkSettings): Promise<void> {
    this.walk = { ...this.walk, ...walk };
    this.watching = true;
    for (const repo of repoControls(this.deps.db)) await this.follow(repo.id).catch(() => undefined);
  }

  async setWatch(ref: string, on: boolean): Promise<void> {
    const repo = findRepo(this.deps.db, ref);
    setRepoWatch(this.deps.db, repo.id, on);
    if (on) await this.follow(repo.id);
    else await this.watch.stop(repo.id);
  }

  /** Pauses the repo's watcher and its runs (the one in progress stops at its next file); kept across restarts. */
  async pause(ref: string): Promise<void> {
    const repo = findRepo(this.deps.db, ref);
    setRepoPaused(this.deps.db, repo.id, true);
    this.jobs.setPaused(repo.path, true);
    await this.watch.stop(repo.id);
  }

  /** Resumes runs, and the watcher, which first catches up with what changed while paused. */
  async resume(ref: string): Promise<void> {
    const repo = findRepo(this.deps.db, ref);
    setRepoPaused(this.deps.db, repo.id, false);
    this.jobs.setPaused(repo.path, false);
    await this.follow(repo.id);
  }

  /** Cancels the run in progress and those queued; true when there was one. */
  cancel(ref: string): boolean {
    return this.jobs.cancel(findRepo(this.deps.db, ref).path);
  }

  /** Removing a repo mid-run would race the run's batches; its watcher goes first. */
  async beforeRemove(ref: string): Promise<void> {
    const repo = findRepo(this.deps.db, ref);
    if (this.jobs.busy(repo.path)) throw new ClewFailure('UNAVAILABLE', `${ref} is being indexed; remove it when indexing ends (or cancel it)`);
    await this.watch.stop(repo.id);
  }

  async close(): Promise<void> {
    this.watching = false;
    await this.watch.stopAll();
  }

  private async follow(repoId: number): Promise<void> {
    const repo = repoControls(this.deps.db).find((r) => r.id === repoId);
    if (!this.watching || !repo || !repo.watch || repo.paused) return;
    await this.watch.start(repo);
  }
}
