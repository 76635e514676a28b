// The per-file half of indexing, shared by full and watched runs: skip unchanged files, prepare the
// rest (in the engine's warm parse workers; without them, in workers of the run's own for a large run, inline
// for a small one), and write them in batched transactions. Never fatal per file.
import { availableParallelism } from 'node:os';
import type { IndexIssue, Language, SkipReason } from '../../shared/types.js';
import { languageOf } from '../base/languages.js';
import type { FileWrite, IndexStore, KnownFile, RepoRow } from '../db/write/indexStore.js';
import { ParsePool } from './parsePool.js';
import { type Prepared, prepareFile } from './prepareFile.js';
import type { RunProgress } from './runProgress.js';
import type { RunningCounts } from '../db/write/runningCounts.js';
import type { WalkedFile } from './walk/walker.js';
import { IndexQueue, recentlyCommittedLater } from './walk/indexOrder.js';

/** Lets a person pause or cancel a run: awaited between files; a cancelled run stops after its batch. */
export interface RunControlPort {
  /** Resolves at once unless paused; `beforeHold` runs first when it is about to hold the run. */
  checkpoint(beforeHold?: () => void): Promise<void>;
  readonly cancelled: boolean;
}

export interface WriteContext {
  store: IndexStore;
  repo: RepoRow;
  embedderId: string;
  parseWorkers?: number | undefined;
  /** The engine's parse workers, kept warm between runs: every file of the run is prepared there, none on the writer. */
  parsePool?: ParsePool | undefined;
  control?: RunControlPort | undefined;
  progress: RunProgress;
  skip: (rel: string, reason: SkipReason, message: string) => void;
  issues: IndexIssue[];
  /** Grows the repo's file and symbol counts as batches commit, so a first index does not read 0 until it ends. */
  counts?: RunningCounts | undefined;
  /**
   * Skip files whose size and mtime match the index. False for paths the OS reported changed: a
   * same-length rewrite within the clock's granularity keeps both, so only the content hash can tell.
   */
  trustStat?: boolean;
}

export interface WriteOutcome {
  changed: number;
  unchanged: number;
  /** Paths that exist and keep (or now have) rows; indexed paths not in here are removed. */
  seen: Set<string>;
  cancelled: boolean;
}

/** The files to index: a finished list, or a walk still under way that grows by `step`. */
export interface FileSource {
  readonly files: readonly WalkedFile[];
  readonly done: boolean;
  /** Walks on for about `budgetMs`; true once every file is in `files`. */
  step(budgetMs: number): boolean;
}

export const listedFiles = (files: readonly WalkedFile[]): FileSource => ({ files, done: true, step: () => true });

const BATCH_FILES = 200;
// A prepared file holds about 8x its bytes in the writer's heap (symbol and unit text, chunks, word rows,
// occurrences; 58 KiB for a 7 KiB Go file): a batch of large files must not hold hundreds of MiB.
const BATCH_BYTES = 4 * 1024 * 1024;
// Symbols and chunks bound a batch's transaction time too: the writer reads no message (Pause, Cancel)
// while it commits, and 200 symbol-dense files took seconds.
const BATCH_ROWS = 4000;
// A batch open this long commits anyway: what is prepared becomes searchable within a second, not after 200 files.
const BATCH_MS = 1_000;
// The run's first batch commits with its first file: a person who just added a repo searches at once.
const FIRST_BATCH_MS = 0;
// The walk goes on between files in slices this long, while the parse workers are busy.
const WALK_SLICE_MS = 15;
// While the parse workers start, the walk goes on alone this long: the first files handed out are then
// the best of a larger part of the tree (a small tree is walked whole; a big one is ordered best-effort).
const FIRST_WALK_MS = 400;
// Warm workers need no head start; this short one still orders the first files handed out over some of the tree.
const WARM_FIRST_WALK_MS = 100;
// Files handed to the parse workers and not yet written, by their bytes: enough to keep each worker busy
// while the writer commits, and no more (a stretch of 1 MB generated files held ~200 MiB at 24 MiB in flight).
const INFLIGHT_BYTES_PER_WORKER = 2 * 1024 * 1024;
const MIN_INFLIGHT_BYTES = 4 * 1024 * 1024;

/** At most this many bytes of files are being prepared or waiting for the writer at once (one file may pass it). */
export function inflightBytesLimit(workers: number): number {
  return Math.max(MIN_INFLIGHT_BYTES, workers * INFLIGHT_BYTES_PER_WORKER);
}
// Below this many files to (re)read, starting parse workers costs more than it saves.
const POOL_THRESHOLD = 64;

// Every core: parsing costs about 2.4x the writer's CPU per file (measured on real Go trees), so
// the parse workers, not the writer, bound a full index.
export function defaultParseWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export async function writeFiles(ctx: WriteContext, source: FileSource, known: ReadonlyMap<string, KnownFile>): Promise<WriteOutcome> {
  const { store, repo, progress } = ctx;
  const out: WriteOutcome = { changed: 0, unchanged: 0, seen: new Set(), cancelled: false };
  let batch: FileWrite[] = [];
  let batchBytes = 0;
  let batchRows = 0;
  let batchOpened = 0;
  let batchMs = FIRST_BATCH_MS;
  const touches: Array<{ id: number; size: number; mtimeMs: number }> = [];
  const flush = (): void => {
    if (batch.length === 0 && touches.length === 0) return;
    const writes = batch;
    const phase = progress.phase;
    progress.phase = 'writing';
    store.writeBatch(repo, touches, writes);
    ctx.counts?.batchCommitted(repo.id, writes.filter((w) => !known.has(w.relPath)), progress.filesDone, progress.filesTotal);
    out.changed += writes.length;
    batch = [];
    batchBytes = 0;
    batchRows = 0;
    batchMs = BATCH_MS;
    touches.length = 0;
    progress.phase = phase;
  };

  // Files come in as the walk finds them; those whose size and mtime are unchanged are not even read.
  const queue = new IndexQueue();
  const languages = new Set<Language>();
  let admitted = 0;
  let staleFiles = 0;
  const admit = (): void => {
    const files = source.files;
    for (; admitted < files.length; admitted++) {
      const file = files[admitted] as WalkedFile;
      const previous = known.get(file.relPath);
      if (ctx.trustStat !== false && previous && previous.size === file.size && previous.mtimeMs === file.mtimeMs) {
        out.seen.add(file.relPath);
        out.unchanged++;
        progress.filesDone++;
        continue;
      }
      queue.add(file);
      const language = languageOf(file.relPath);
      if (language) languages.add(language);
      staleFiles++;
      progress.bytesTotal += file.size;
    }
    progress.filesTotal = files.length;
    progress.totalsKnown = source.done;
    if (source.done && progress.phase === 'walking') progress.phase = 'parsing';
  };
  let pool: ParsePool | null = ctx.parsePool ?? null;
  // Grammars load while the walk goes on, before the first file of their language reaches a worker.
  let warmed = 0;
  const warmPool = (): void => {
    if (pool && languages.size > warmed) void pool.warm(languages).catch(() => undefined);
    warmed = languages.size;
  };
  const walkOn = (budgetMs: number): void => {
    if (source.done) return;
    source.step(budgetMs);
    admit();
    warmPool();
  };
  /**
   * Answers Pause and Cancel between files; false once cancelled. A run about to pause first commits the
   * files it has prepared and says how far it got: searches meanwhile find them, and the progress is exact.
   */
  const carryOn = async (): Promise<boolean> => {
    if (!ctx.control) return true;
    await ctx.control.checkpoint(() => {
      flush();
      progress.emit(true);
    });
    return !ctx.control.cancelled;
  };
  /** Walks on while `more` holds, answering Pause and Cancel; false when the run was cancelled. */
  const walkWhile = async (more: () => boolean): Promise<boolean> => {
    while (!source.done && more()) {
      if (!(await carryOn())) return false;
      walkOn(WALK_SLICE_MS);
      progress.emit();
    }
    return true;
  };
  progress.totalsKnown = source.done;
  admit();
  // Walk until the run is known to be big (parse workers, an order) or the walk is done (a small run, inline).
  let alive = await walkWhile(() => staleFiles < POOL_THRESHOLD);
  const big = staleFiles >= POOL_THRESHOLD;
  // A big run reads the useful files first (they become searchable first); a watcher's few paths need no order.
  if (big) void recentlyCommittedLater(repo.path).then((recent) => queue.rankBy(recent));
  // Without the engine's warm workers (a test, a bench), a big run starts its own and a small one runs inline.
  const ownPool = !pool && big ? new ParsePool(ctx.parseWorkers ?? defaultParseWorkers()) : null;
  pool ??= ownPool;
  warmPool();
  const firstWalkEnds = performance.now() + (ownPool ? FIRST_WALK_MS : WARM_FIRST_WALK_MS);
  if (alive && big) alive = await walkWhile(() => performance.now() < firstWalkEnds);
  if (!alive) {
    await ownPool?.close();
    out.cancelled = true;
    return out;
  }
  progress.startWork(progress.bytesTotal);
  progress.emit(true);
  const prepare = (file: WalkedFile): Promise<Prepared> => {
    const request = { absPath: file.absPath, relPath: file.relPath, repoKey: repo.key, embedderId: ctx.embedderId, previousHash: known.get(file.relPath)?.hash ?? null };
    // A crashed parse worker costs only its files, which are then prepared inline.
    return pool ? pool.prepare(request).catch(() => prepareFile(request)) : prepareFile(request);
  };
  // Wider than a write batch, so workers keep parsing while the writer commits.
  const window = pool ? BATCH_FILES * 2 : 1;
  const maxInflightBytes = inflightBytesLimit(pool?.size ?? 1);
  const inflight: Array<{ file: WalkedFile; result: Promise<Prepared> }> = [];
  let inflightBytes = 0;
  try {
    while (!source.done || queue.size > 0 || inflight.length > 0) {
      // Files still being prepared are dropped on Cancel; the batch in hand is written below: no file is half-written.
      if (!(await carryOn())) {
        out.cancelled = true;
        break;
      }
      // Bounded by count and by bytes, so a tree of large files cannot balloon memory.
      // The walk goes on while the workers parse; the first files are already in their hands.
      const wasWalking = !source.done;
      walkOn(WALK_SLICE_MS);
      if (wasWalking && source.done) progress.emit(true);
      while (queue.size > 0 && inflight.length < window && (inflight.length === 0 || inflightBytes < maxInflightBytes)) {
        const file = queue.take() as WalkedFile;
        inflightBytes += file.size;
        inflight.push({ file, result: prepare(file) });
      }
      const head = inflight.shift();
      if (!head) continue;
      const { file } = head;
      inflightBytes -= file.size;
      const prepared = await head.result;
      const previous = known.get(file.relPath);
      progress.currentPath = file.relPath;
      progress.fileDone(file.size);
      progress.emit();
      if (prepared.kind === 'unreadable') {
        if (prepared.code === 'ENOENT') ctx.skip(file.relPath, 'vanished', 'deleted while indexing');
        else {
          if (previous) out.seen.add(file.relPath); // keep what we had: the file still exists
          ctx.skip(file.relPath, 'unreadable', `cannot read (${prepared.code})`);
        }
        continue;
      }
      if (prepared.kind === 'special') {
        ctx.skip(file.relPath, 'special', `not a regular file (${prepared.what})`);
        continue;
      }
      if (prepared.kind === 'binary') {
        ctx.skip(file.relPath, 'binary', 'binary content');
        continue;
      }
      out.seen.add(file.relPath);
      if (prepared.kind === 'same') {
        if (previous) touches.push({ id: previous.id, size: file.size, mtimeMs: file.mtimeMs });
        out.unchanged++;
        continue;
      }
      ctx.issues.push(...prepared.issues);
      if (batch.length === 0) batchOpened = performance.now();
      batch.push({ ...prepared, relPath: file.relPath, size: file.size, mtimeMs: file.mtimeMs });
      batchBytes += file.size;
      batchRows += prepared.symbolRows.length + prepared.chunks.length;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES || batchRows >= BATCH_ROWS || performance.now() - batchOpened >= batchMs) flush();
    }
  } finally {
    await ownPool?.close();
  }
  // The batch in hand is finished even when cancelled: its files are complete.
  flush();
  return out;
}
