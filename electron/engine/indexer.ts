// Indexes one repo incrementally: unchanged files (size+mtime, then hash) are skipped, changed files
// are re-parsed and written in batched transactions, vanished files are removed. Never fatal per file.
// indexRepo walks the whole tree; indexPaths re-checks only the paths a watcher saw change.
import { realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IndexIssue, IndexProgress, IndexReport, Language, SkipReason } from '../../shared/types.js';
import { ClewFailure } from '../base/failure.js';
import type { WriteDb } from '../db/connection.js';
import { IndexStore, type KnownFile, type RepoRow } from '../db/write/indexStore.js';
import { immediateTransaction } from '../db/write/transaction.js';
import { mergeFullTextIndexes } from '../db/write/fullTextMerge.js';
import { reclaimFreePages } from '../db/freePages.js';
import { settleBulkLoad, startBulkLoad } from '../db/bulkLoad.js';
import { type FileSource, listedFiles, type RunControlPort, writeFiles, type WriteOutcome } from './fileWriter.js';
import { repoKeyOf } from '../base/hash.js';
import { RunProgress } from './runProgress.js';
import { ANALYSIS_VERSION } from './analysisVersion.js';
import { RunningCounts } from '../db/write/runningCounts.js';
import { clearRunProgress } from '../db/runProgress.js';
import type { ParsePool } from './parsePool.js';
import { DEFAULT_MAX_FILE_BYTES, type PathAlias, startRepoWalk, type WalkResult, walkPaths } from './walk/walker.js';

export type { RunControlPort } from './fileWriter.js';

/** A run that writes or removes at least this many files merges the full-text indexes after it (seconds on a
 * 10,000-file repo); smaller runs add a few small segments, which FTS5's own automerge keeps in check. */
export const MERGE_AFTER_FILES = 500;

export interface IndexOptions {
  maxFileBytes?: number;
  extraIgnores?: readonly string[];
  /** Only these languages' source files are indexed; null or absent: all. */
  languages?: readonly Language[] | null;
  embedderId: string;
  onProgress?: (progress: IndexProgress) => void;
  /** Parse worker threads a large run starts when no `parsePool` is given (default: one per core, at most 8). */
  parseWorkers?: number;
  /** The engine's warm parse workers, shared by its runs (see parsePool.ts). */
  parsePool?: ParsePool;
  /** Minimum milliseconds between progress events. */
  progressIntervalMs?: number;
  /** Pause/cancel: a cancelled run commits the batch in hand, removes nothing, and reports `cancelled`. */
  control?: RunControlPort;
}

/** Resolves and checks the folder a person asked to index. */
export async function resolveRepoRoot(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new ClewFailure('NOT_FOUND', `no such folder: ${path} (${(e as { code?: string }).code ?? 'error'})`);
  }
  if (!info.isDirectory()) throw new ClewFailure('NOT_A_FOLDER', `not a folder: ${path} (drop or pass a repository folder, not a file)`);
  return realpath(path);
}

/** The folder symlinks a walk found, and where it looked for them. */
interface AliasUpdate {
  scopes: readonly string[];
  found: readonly PathAlias[];
}

interface Run {
  db: WriteDb;
  root: string;
  store: IndexStore;
  repo: RepoRow;
  progress: RunProgress;
  skipped: Partial<Record<SkipReason, number>>;
  issues: IndexIssue[];
}

/** Write connections whose bulk load could not be settled (its run failed, a full disk): their next run settles it. */
const unsettled = new WeakSet<WriteDb>();

async function beginRun(db: WriteDb, path: string, options: IndexOptions): Promise<Run> {
  const root = await resolveRepoRoot(path);
  // A bulk load that could not be settled when its run failed (a full disk) is settled by the next run. Only then: a
  // settle here on every run would also undo another repo's bulk load still under way.
  if (unsettled.delete(db)) settleBulkLoad(db);
  const store = new IndexStore(db);
  const repo: RepoRow = store.ensureRepo(root, repoKeyOf(root), basename(root) || root);
  const progress = new RunProgress(root, options.onProgress, options.progressIntervalMs ?? 150);
  progress.emit(true);
  return { db, root, store, repo, progress, skipped: {}, issues: [] };
}

/** The walk's skips and issues join the run's (once the walk has stopped: a streamed walk adds to them as it goes). */
function addWalkSkips(run: Run, walk: WalkResult): void {
  for (const [reason, n] of Object.entries(walk.skipped) as Array<[SkipReason, number]>) run.skipped[reason] = (run.skipped[reason] ?? 0) + n;
  run.issues.push(...walk.issues);
}

function writeWalked(run: Run, source: FileSource, known: ReadonlyMap<string, KnownFile>, options: IndexOptions, trustStat = true): Promise<WriteOutcome> {
  return writeFiles({
    store: run.store, repo: run.repo, embedderId: options.embedderId, parseWorkers: options.parseWorkers, parsePool: options.parsePool, control: options.control,
    progress: run.progress, issues: run.issues, trustStat, counts: new RunningCounts(run.db),
    skip: (rel, reason, message) => {
      run.skipped[reason] = (run.skipped[reason] ?? 0) + 1;
      run.issues.push({ path: rel, reason, message });
    },
  }, source, known);
}

/**
 * Removes what is gone and settles what spans files (notes, cross-file handlers). A cancelled run
 * removes nothing (it did not see every file) but still settles, so every file is new or previous.
 */
function finishRun(run: Run, outcome: WriteOutcome, gone: ReadonlyArray<[string, KnownFile]>, record: 'full' | 'partial', aliases: AliasUpdate | null): IndexReport {
  const { db, store, repo, progress } = run;
  progress.phase = 'removing';
  progress.currentPath = null;
  progress.emit(true);
  const removed = outcome.cancelled ? [] : gone;
  immediateTransaction(db, () => {
    store.deleteFiles(removed.map(([, file]) => file.id));
    // A run cancelled before its walk ended has not seen every folder symlink: the recorded ones stay.
    if (aliases) store.replaceAliases(repo.id, aliases.scopes, aliases.found);
    store.reconcileNotes(repo.id);
    store.resolveHandlers(repo.id);
    store.recordCounts(repo.id);
    const durationMs = Math.round(performance.now() - progress.started);
    // An unchanged repo writes nothing at all: only record the run when something changed.
    const wrote = outcome.changed > 0 || removed.length > 0;
    if (record === 'full' && !outcome.cancelled && (wrote || store.indexedAt(repo.id) === null)) {
      store.finishRepo(repo.id, durationMs, run.skipped, run.issues.slice(0, 500));
    } else if (wrote) store.touchRepo(repo.id);
  });

  progress.phase = 'done';
  progress.filesDone = progress.filesTotal;
  progress.emit(true);
  // A large run leaves the full-text indexes in many segments, which every search then reads: merge them now.
  if (!outcome.cancelled && outcome.changed + removed.length >= MERGE_AFTER_FILES) {
    mergeFullTextIndexes(db);
    // The merge freed the old segments' pages: give them back to the file system.
    reclaimFreePages(db);
  }
  // Files, symbols and entry points were just counted into the repo row (recordCounts): read them back.
  const counts = store.runCounts(repo.id);
  return {
    repo: { id: repo.id, path: run.root },
    files: counts?.files ?? 0, symbols: counts?.symbols ?? 0, entryPoints: counts?.entryPoints ?? 0, dependencies: counts?.dependencies ?? 0,
    packages: counts?.packages ?? 0, units: counts?.units ?? 0,
    changed: outcome.changed, removed: removed.length, unchanged: outcome.unchanged, skipped: run.skipped, issues: run.issues,
    durationMs: Math.round(performance.now() - progress.started), cancelled: outcome.cancelled,
  };
}

/** Settles the bulk load on `db`, or leaves it to the next run (and the next start) when that fails too. */
function settleOrLeave(db: WriteDb): void {
  try {
    settleBulkLoad(db);
  } catch (e) {
    unsettled.add(db);
    throw e;
  }
}

/**
 * Runs `body` as a bulk load when this is the repo's first index into a database that holds little else (db/bulkLoad.ts),
 * settled before the run's end reads what the deferred indexes serve. A settle that fails after the run failed leaves the
 * first error to report.
 */
async function bulkLoaded<T>(db: WriteDb, repoId: number, body: () => Promise<T>): Promise<T> {
  if (!startBulkLoad(db, repoId)) return body();
  let result: T;
  try {
    result = await body();
  } catch (e) {
    try {
      settleOrLeave(db);
    } catch {
      // Left to the next run; the run's own failure is the one to report.
    }
    throw e;
  }
  settleOrLeave(db);
  return result;
}

/** A run that fails (a full disk) still ends its progress, so nothing goes on saying the repo is being indexed. */
async function ending<T>(run: Run, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    run.progress.phase = 'done';
    run.progress.emit(true);
    clearRunProgress(run.db, run.repo.id);
    throw e;
  }
}

export async function indexRepo(db: WriteDb, path: string, options: IndexOptions): Promise<IndexReport> {
  const run = await beginRun(db, path, options);
  return ending(run, async () => {
    // Streamed: the first files are parsed and committed while the walk goes on (fileWriter.ts).
    const walk = startRepoWalk(run.root, { maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, extraIgnores: options.extraIgnores ?? [], languages: options.languages ?? null });
    // Rows an older analysis wrote are re-derived: their files count as changed this run.
    run.store.forgetOlderAnalysis(run.repo.id, ANALYSIS_VERSION);
    const known = run.store.knownFiles(run.repo.id);
    const outcome = await bulkLoaded(db, run.repo.id, () => writeWalked(run, walk, known, options));
    addWalkSkips(run, walk.result);
    const gone = [...known.entries()].filter(([relPath]) => !outcome.seen.has(relPath) && !walk.result.unreadable.has(relPath));
    return finishRun(run, outcome, gone, 'full', walk.done ? { scopes: [''], found: walk.result.aliases } : null);
  });
}

/**
 * Re-indexes only the given repo-relative paths (files or folders, existing or deleted), with the
 * same per-file code as a full run: the result equals what a full index of the tree would hold.
 */
export async function indexPaths(db: WriteDb, path: string, changedPaths: Iterable<string>, options: IndexOptions): Promise<IndexReport> {
  const run = await beginRun(db, path, options);
  return ending(run, async () => {
    const walk = walkPaths(run.root, changedPaths, { maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, extraIgnores: options.extraIgnores ?? [], languages: options.languages ?? null });
    const known = run.store.knownIn(run.repo.id, walk.scopes);
    // Paths the watcher reported are read and hashed even when size and mtime look unchanged.
    addWalkSkips(run, walk);
    run.progress.filesTotal = walk.files.length;
    run.progress.phase = 'parsing';
    run.progress.emit(true);
    const outcome = await writeWalked(run, listedFiles(walk.files), known, options, false);
    const gone = [...known.entries()].filter(([relPath]) => !outcome.seen.has(relPath) && !walk.unreadable.has(relPath));
    return finishRun(run, outcome, gone, walk.scopes.includes('') ? 'full' : 'partial', { scopes: walk.scopes, found: walk.aliases });
  });
}
