// Indexes one repo incrementally: unchanged files (size+mtime, then hash) are skipped, changed files
// are re-parsed and written in batched transactions, vanished files are removed. Never fatal per file.
import { realpath, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { IndexIssue, IndexPhase, IndexProgress, IndexReport, Language, SkipReason } from '../../shared/types.js';
import { ClewFailure } from '../core/failure.js';
import type { Db } from '../db/connection.js';
import { repoKeyOf } from './hash.js';
import { ParsePool } from './parsePool.js';
import { type Prepared, prepareFile } from './prepareFile.js';
import { type FileWrite, IndexStore, type RepoRow } from './store.js';
import { DEFAULT_MAX_FILE_BYTES, type WalkedFile, walkRepo } from './walker.js';

export interface IndexOptions {
  maxFileBytes?: number;
  extraIgnores?: readonly string[];
  /** Only these languages' source files are indexed; null or absent: all. */
  languages?: readonly Language[] | null;
  embedderId: string;
  onProgress?: (progress: IndexProgress) => void;
  /** Parse worker threads for large runs (default: one per spare core, at most 4). */
  parseWorkers?: number;
  /** Minimum milliseconds between progress events. */
  progressIntervalMs?: number;
}

const BATCH_FILES = 200;
// Below this many files to (re)read, starting parse workers costs more than it saves.
const POOL_THRESHOLD = 64;

// One core stays with the writer thread, which is the bottleneck of a full index.
function defaultParseWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
const BATCH_BYTES = 8 * 1024 * 1024;
const MAX_INFLIGHT_BYTES = 24 * 1024 * 1024;

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

export async function indexRepo(db: Db, path: string, options: IndexOptions): Promise<IndexReport> {
  const started = performance.now();
  const root = await resolveRepoRoot(path);
  const store = new IndexStore(db);
  const repo: RepoRow = db.transaction(() => store.ensureRepo(root, repoKeyOf(root), basename(root) || root))();

  let phase: IndexPhase = 'walking';
  let filesDone = 0;
  let filesTotal = 0;
  let currentPath: string | null = null;
  let lastEmit = 0;
  const interval = options.progressIntervalMs ?? 150;
  const emit = (force = false): void => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastEmit < interval)) return;
    lastEmit = now;
    const seconds = (now - started) / 1000;
    options.onProgress({ repoPath: root, phase, filesDone, filesTotal, ratePerSec: seconds > 0 ? Math.round(filesDone / seconds) : 0, currentPath });
  };
  emit(true);

  const walk = walkRepo(root, { maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, extraIgnores: options.extraIgnores ?? [], languages: options.languages ?? null });
  const skipped: Partial<Record<SkipReason, number>> = { ...walk.skipped };
  const issues: IndexIssue[] = [...walk.issues];
  const skip = (rel: string, reason: SkipReason, message: string): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
    issues.push({ path: rel, reason, message });
  };
  const known = store.knownFiles(repo.id);
  filesTotal = walk.files.length;
  phase = 'parsing';
  emit(true);

  let changed = 0;
  let unchanged = 0;
  let batch: FileWrite[] = [];
  let batchBytes = 0;
  const touches: Array<{ id: number; size: number; mtimeMs: number }> = [];
  const seen = new Set<string>();
  const flush = (): void => {
    if (batch.length === 0 && touches.length === 0) return;
    const writes = batch;
    phase = 'writing';
    db.transaction(() => {
      for (const t of touches) store.touchFile(t.id, t.size, t.mtimeMs);
      for (const file of writes) store.writeFile(repo, file);
    }).immediate();
    changed += writes.length;
    batch = [];
    batchBytes = 0;
    touches.length = 0;
    phase = 'parsing';
  };

  // Files whose size and mtime are unchanged are not even read.
  const work = walk.files.filter((file) => {
    const previous = known.get(file.relPath);
    if (previous && previous.size === file.size && previous.mtimeMs === file.mtimeMs) {
      seen.add(file.relPath);
      unchanged++;
      filesDone++;
      return false;
    }
    return true;
  });
  emit();
  const pool = work.length >= POOL_THRESHOLD ? new ParsePool(options.parseWorkers ?? defaultParseWorkers()) : null;
  const prepare = (file: WalkedFile): Promise<Prepared> => {
    const request = { absPath: file.absPath, relPath: file.relPath, repoKey: repo.key, embedderId: options.embedderId, previousHash: known.get(file.relPath)?.hash ?? null };
    // A crashed parse worker costs only its files, which are then prepared inline.
    return pool ? pool.prepare(request).catch(() => prepareFile(request)) : prepareFile(request);
  };
  // Wider than a write batch, so workers keep parsing while the writer commits.
  const window = pool ? BATCH_FILES * 2 : 1;
  const inflight: Array<{ file: WalkedFile; result: Promise<Prepared> }> = [];
  let inflightBytes = 0;
  let next = 0;
  try {
    while (next < work.length || inflight.length > 0) {
      // Bounded by count and by bytes, so a tree of large files cannot balloon memory.
      while (next < work.length && inflight.length < window && (inflight.length === 0 || inflightBytes < MAX_INFLIGHT_BYTES)) {
        const file = work[next++] as WalkedFile;
        inflightBytes += file.size;
        inflight.push({ file, result: prepare(file) });
      }
      const head = inflight.shift();
      if (!head) break;
      const { file } = head;
      inflightBytes -= file.size;
      const prepared = await head.result;
      const previous = known.get(file.relPath);
      currentPath = file.relPath;
      filesDone++;
      emit();
      if (prepared.kind === 'unreadable') {
        if (prepared.code === 'ENOENT') skip(file.relPath, 'vanished', 'deleted while indexing');
        else {
          if (previous) seen.add(file.relPath); // keep what we had: the file still exists
          skip(file.relPath, 'unreadable', `cannot read (${prepared.code})`);
        }
        continue;
      }
      if (prepared.kind === 'binary') {
        skip(file.relPath, 'binary', 'binary content');
        continue;
      }
      seen.add(file.relPath);
      if (prepared.kind === 'same') {
        if (previous) touches.push({ id: previous.id, size: file.size, mtimeMs: file.mtimeMs });
        unchanged++;
        continue;
      }
      issues.push(...prepared.issues);
      batch.push({ ...prepared, relPath: file.relPath, size: file.size, mtimeMs: file.mtimeMs });
      batchBytes += file.size;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) flush();
    }
  } finally {
    await pool?.close();
  }
  flush();

  phase = 'removing';
  currentPath = null;
  emit(true);
  const gone = [...known.entries()].filter(([relPath]) => !seen.has(relPath) && !walk.unreadable.has(relPath));
  db.transaction(() => {
    for (const [, file] of gone) store.deleteFile(file.id);
    store.reconcileNotes(repo.id);
    store.resolveHandlers(repo.id);
    const durationMs = Math.round(performance.now() - started);
    // An unchanged repo writes nothing at all: only record the run when something changed.
    if (changed > 0 || gone.length > 0 || db.prepare('SELECT indexed_at FROM repos WHERE id = ?').pluck().get(repo.id) === null) {
      store.finishRepo(repo.id, durationMs, skipped, issues.slice(0, 500));
    }
  }).immediate();

  phase = 'done';
  filesDone = filesTotal;
  emit(true);
  const counts = db.prepare<[number, number, number, number, number, number], Record<'files' | 'symbols' | 'entryPoints' | 'dependencies' | 'packages' | 'units', number>>(
    `SELECT (SELECT count(*) FROM files WHERE repo_id = ?) AS files, (SELECT count(*) FROM symbols WHERE repo_id = ?) AS symbols,
            (SELECT count(*) FROM entry_points WHERE repo_id = ?) AS entryPoints, (SELECT count(*) FROM external_calls WHERE repo_id = ?) AS dependencies,
            (SELECT count(*) FROM packages WHERE repo_id = ?) AS packages, (SELECT count(*) FROM text_units WHERE repo_id = ?) AS units`,
  ).get(repo.id, repo.id, repo.id, repo.id, repo.id, repo.id);
  return {
    repo: { id: repo.id, path: root },
    files: counts?.files ?? 0, symbols: counts?.symbols ?? 0, entryPoints: counts?.entryPoints ?? 0, dependencies: counts?.dependencies ?? 0,
    packages: counts?.packages ?? 0, units: counts?.units ?? 0,
    changed, removed: gone.length, unchanged, skipped, issues, durationMs: Math.round(performance.now() - started),
  };
}
