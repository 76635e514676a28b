// Drains the outbox and pending rows into the vector store: batches bounded by the server's max
// batch size and by bytes; deletes first, then upserts; compare-and-set confirmation; global
// backoff while the server is unreachable; failed rows retried by a slow background pass.
import type { SyncRun } from '../../../shared/types.js';
import type { WriteDb } from '../../db/connection.js';
import { collectionMetadata, type Generation, Generations } from '../../vectors/generations.js';
import { type EmbedderPort, errorText, isUnreachable, type VectorStorePort } from '../../vectors/ports.js';
import { backoffMs, type ClaimCursor, type PendingUnit, SyncQueue } from '../../db/write/syncQueue.js';
import { recordSyncRun } from '../../db/write/syncRuns.js';
import { vectorProblem } from './validate.js';
import { metaOf } from './unitMeta.js';

export interface SyncLoopStatus {
  active: boolean;
  serverReachable: boolean;
  lastRun: SyncRun | null;
  /** Vectors confirmed per second over the last run that sent any. */
  throughputPerSec: number;
  lastError: string | null;
  /** An index run has the cores: no pass starts until it ends (the vectors follow it). */
  waitingForIndex: boolean;
}

export interface SyncLoopOptions {
  /** Upper bound on rows per request (the server's max batch size caps it further). */
  batchSize?: number;
  /** Upper bound on text bytes per batch (the server's body limit is 40 MiB). */
  maxBatchBytes?: number;
  /** How often failed rows get another round. */
  failedRetryMs?: number;
  /** How often an idle loop looks for work nobody kicked it for. */
  idlePollMs?: number;
  onStatus?: (status: SyncLoopStatus) => void;
}

/** A claimed batch, embedded and checked: the rows to send, and where the next claim starts. */
interface PreparedBatch {
  good: Array<{ unit: PendingUnit; vector: Float32Array }>;
  cursor: ClaimCursor;
}

/** A batch whose upsert is on its way to the server. */
interface SentBatch {
  good: PreparedBatch['good'];
  upsert: Promise<void>;
}

// Chroma saves its HNSW segment (the changed graph entries, then a pickle of every id: 13 MB at 160k vectors)
// at the end of each upsert that brings its unsaved count to `hnsw:sync_threshold` (1,000): requests of 5,000
// save once per 5,000 vectors, and a 179k fill cost the server 13% less CPU (the sidecar's max batch is 5,461).
export const DEFAULT_BATCH = 5000;
const DEFAULT_BYTES = 8 * 1024 * 1024;
const MAX_SERVER_BACKOFF_MS = 30_000;
const IDLE_POLL_MS = 5_000;
// The sync shares its thread with note saves and indexing: no stretch of its work may block for long.
const EMBED_SLICE = 32;
const CONFIRM_SLICE = 100;
// Writers on other connections wait for the lock by sleeping (SQLite's busy handler retries after 1, 3,
// 8 ms…): a gap this long after each confirm commit lets a waiting note save in at its first retry,
// where back-to-back commits kept it out for the whole batch.
const LOCK_GAP_MS = 2;
// Two requests at once: Chroma applies the second one's rows in the same pass over its log as the first's.
const UPSERTS_IN_FLIGHT = 2;

const yieldToWrites = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const leaveLockFree = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, LOCK_GAP_MS));

/** Embeds in small slices, letting queued writes (and a cancel) run in between; stops at the first slice after `signal` aborts. */
export async function embedInSlices(embedder: EmbedderPort, texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += EMBED_SLICE) {
    out.push(...(await embedder.embed(texts.slice(i, i + EMBED_SLICE))));
    await yieldToWrites();
    // A transformer takes seconds a slice: a cancel waits for one slice, not for the whole batch.
    if (signal?.aborted) throw new Error('cancelled');
  }
  return out;
}

export class SyncLoop {
  private readonly queue: SyncQueue;
  private readonly generations: Generations;
  private store: VectorStorePort | null = null;
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private paused = 0;
  private held = false;
  private serverFailures = 0;
  private lastFailedRetry = Date.now();
  private ensured: string | null = null;
  private status: SyncLoopStatus = { active: false, serverReachable: false, lastRun: null, throughputPerSec: 0, lastError: null, waitingForIndex: false };

  constructor(private readonly db: WriteDb, private embedder: EmbedderPort, private readonly options: SyncLoopOptions = {}) {
    this.queue = new SyncQueue(db);
    this.generations = new Generations(db);
  }

  snapshot(): SyncLoopStatus {
    return { ...this.status };
  }

  /** A new embedder's generation was just swapped in (call inside exclusive(): no batch may straddle the change). */
  setEmbedder(embedder: EmbedderPort): void {
    this.embedder = embedder;
    this.ensured = null;
  }

  /** Attach or detach the vector store (the supervisor says when the server is ready or down). */
  setStore(store: VectorStorePort | null): void {
    this.store = store;
    this.ensured = null;
    this.serverFailures = 0;
    this.update({ serverReachable: store !== null });
    if (store) this.kick();
  }

  /** Runs `fn` with no batch in flight and none starting (a swap must not straddle a batch). */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.pause(true);
    try {
      while (this.running) await this.running;
      return await fn();
    } finally {
      this.ensured = null;
      this.pause(false);
    }
  }

  /**
   * A person paused (or resumed) syncing: while paused no pass starts and drain() waits; a pass
   * already running finishes. Shares the counter exclusive() uses, so the two compose.
   */
  setHeld(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.pause(held);
  }

  /**
   * An index run has the cores to itself (the parse pool uses every one): a pass in flight ends after its
   * batch, none starts until it is over, then the vectors follow. Shares the pause counter, like setHeld().
   */
  setYielding(yielding: boolean): void {
    // The status's flag is the state itself: what the app shows is what the loop acts on.
    if (yielding === this.status.waitingForIndex) return;
    this.update({ waitingForIndex: yielding });
    this.pause(yielding);
  }

  /** One more (or one fewer) reason for no pass to start: a swap, a person's pause, an index run. The last one gone starts a pass at once. */
  private pause(on: boolean): void {
    if (on) {
      this.paused++;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    } else {
      this.paused--;
      this.kick(0);
    }
  }

  /** Something was written: sync soon. Never blocks the writer. */
  kick(delayMs = 25): void {
    if (this.stopped || this.paused > 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runOnce();
    }, delayMs);
  }

  /** At most one pass at a time: two passes could send the same row twice and land out of order. */
  private runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick(0);
      }
    });
    return this.running;
  }

  /** Runs until nothing is due or the time limit passes; true when fully drained. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      while (this.running) await this.running;
      // Paused (a check or repair holds the loop) or no server yet: wait for it within the limit.
      if (this.paused > 0 || !this.store) {
        await new Promise((r) => setTimeout(r, Math.min(100, Math.max(0, deadline - Date.now()))));
        continue;
      }
      if (this.pendingDue() === 0) return true;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      await this.runOnce();
      if (!this.status.serverReachable) await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, deadline - Date.now()))));
    }
    return this.pendingDue() === 0;
  }

  async stop(drainMs = 0): Promise<boolean> {
    // A pass runs until nothing is pending: at the limit it must end after its batch in flight, or a
    // shutdown waits for every vector (`clew index` of a big repo returned only when all were sent).
    const cutoff = setTimeout(() => { this.stopped = true; }, drainMs);
    const drained = drainMs > 0 ? await this.drain(drainMs) : false;
    clearTimeout(cutoff);
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.running) await this.running;
    return drained;
  }

  /** A pass goes on to its next batch unless the loop stopped or yields to an index run. */
  private sending(): boolean {
    return !this.stopped && !this.status.waitingForIndex;
  }

  private pendingDue(): number {
    return this.queue.due();
  }

  private update(patch: Partial<SyncLoopStatus>): void {
    this.status = { ...this.status, ...patch };
    this.options.onStatus?.(this.snapshot());
  }

  private async activeCollection(store: VectorStorePort): Promise<Generation> {
    const generation = this.generations.ensureActive(this.embedder.id, this.embedder.dimension);
    if (this.ensured !== generation.collection) {
      await store.ensureCollection(generation.collection, collectionMetadata(generation));
      this.ensured = generation.collection;
    }
    return generation;
  }

  private async run(): Promise<void> {
    const store = this.store;
    if (!store || this.stopped) return;
    const started = Date.now();
    const summary: SyncRun = { at: started, sent: 0, deleted: 0, failed: 0, error: null };
    this.update({ active: true });
    try {
      if (started - this.lastFailedRetry > (this.options.failedRetryMs ?? 5 * 60_000)) {
        this.queue.retryFailed(this.options.failedRetryMs ?? 5 * 60_000);
        this.lastFailedRetry = started;
      }
      const generation = await this.activeCollection(store);
      const batchSize = Math.min(this.options.batchSize ?? DEFAULT_BATCH, await store.maxBatchSize());
      await this.sendTombstones(store, generation, batchSize, summary);
      await this.sendPending(store, generation, batchSize, summary);
      if (this.pendingDue() === 0) await this.dropRetired(store);
      this.serverFailures = 0;
      this.update({ serverReachable: true, lastError: null });
    } catch (e) {
      summary.error = errorText(e);
      if (isUnreachable(e)) {
        // The server is down: back off globally; rows keep their attempts (it is not their fault).
        this.serverFailures++;
        this.ensured = null;
        this.update({ serverReachable: false, lastError: summary.error });
        if (!this.stopped) this.kick(Math.min(MAX_SERVER_BACKOFF_MS, backoffMs(this.serverFailures)));
      } else this.update({ lastError: summary.error });
    } finally {
      const seconds = (Date.now() - started) / 1000;
      if (summary.sent + summary.deleted + summary.failed > 0 || summary.error) {
        this.recordRun(summary);
        this.update({ lastRun: summary, ...(summary.sent > 0 ? { throughputPerSec: Math.round(summary.sent / Math.max(seconds, 0.001)) } : {}) });
      }
      this.update({ active: false });
      this.scheduleIdlePoll();
    }
  }

  private async sendTombstones(store: VectorStorePort, generation: Generation, batchSize: number, summary: SyncRun): Promise<void> {
    for (let batch = this.queue.takeTombstones(batchSize); batch.length > 0 && this.sending(); batch = this.queue.takeTombstones(batchSize)) {
      try {
        await store.delete(generation.collection, batch.map((t) => t.vectorId));
      } catch (e) {
        if (isUnreachable(e)) throw e;
        this.queue.failTombstones(batch, errorText(e));
        summary.failed += batch.length;
        return;
      }
      this.queue.confirmTombstones(batch);
      summary.deleted += batch.length;
    }
  }

  /**
   * Pipelined: the next batch is claimed and embedded while the server stores the ones before (on its own
   * threads), and up to UPSERTS_IN_FLIGHT upserts run at once, so the embedder and the server work at the same
   * time instead of taking turns, and the server applies (and saves) a second request's rows with the first's.
   */
  private async sendPending(store: VectorStorePort, generation: Generation, batchSize: number, summary: SyncRun): Promise<void> {
    const prepare = (after?: ClaimCursor): Promise<PreparedBatch | null> => {
      const prepared = this.sending() ? this.prepareBatch(generation, batchSize, after, summary) : Promise.resolve(null);
      // Awaited later; a failure must not count as unhandled while the upserts before it are in flight.
      prepared.catch(() => undefined);
      return prepared;
    };
    const inFlight: SentBatch[] = [];
    let next = prepare();
    try {
      for (;;) {
        const batch = this.sending() ? await next : null;
        if (batch) {
          const { good, cursor } = batch;
          const upsert = good.length === 0 ? Promise.resolve()
            : store.upsert(generation.collection, good.map((g) => ({ id: g.unit.vectorId, embedding: g.vector, hash: g.unit.contentHash, meta: metaOf(g.unit) })));
          upsert.catch(() => undefined);
          inFlight.push({ good, upsert });
          // Its rows are still pending while this batch is in flight: the next claim starts after them.
          next = prepare(cursor);
        }
        if (batch && inFlight.length < UPSERTS_IN_FLIGHT) continue;
        const oldest = inFlight.shift();
        if (!oldest) break;
        await this.settle(oldest, summary);
      }
    } finally {
      // Stopping, yielding or the server gone: a batch embedded ahead is dropped, its rows stay pending.
      await Promise.all([next, ...inFlight.map((b) => b.upsert)].map((p) => p.catch(() => undefined)));
    }
  }

  /** Waits for one upsert; confirms its rows, or fails them (an unreachable server ends the pass instead). */
  private async settle({ good, upsert }: SentBatch, summary: SyncRun): Promise<void> {
    try {
      await upsert;
    } catch (e) {
      if (isUnreachable(e)) throw e;
      this.queue.fail(good.map((g) => g.unit), errorText(e));
      summary.failed += good.length;
      return;
    }
    for (let i = 0; i < good.length; i += CONFIRM_SLICE) {
      summary.sent += this.queue.confirm(good.slice(i, i + CONFIRM_SLICE).map((g) => g.unit));
      await leaveLockFree();
    }
  }

  /** Claims the next batch after `after`, embeds and validates it; null when nothing is left. Rows that fail here back off. */
  private async prepareBatch(generation: Generation, batchSize: number, after: ClaimCursor | undefined, summary: SyncRun): Promise<PreparedBatch | null> {
    const maxBytes = this.options.maxBatchBytes ?? DEFAULT_BYTES;
    for (let from = after; ;) {
      const batch = this.queue.claim(batchSize, maxBytes, Date.now(), from);
      const last = batch.at(-1);
      if (!last) return null;
      from = { repoId: last.repoId, id: last.id };
      let vectors: Float32Array[];
      try {
        vectors = await embedInSlices(this.embedder, batch.map((u) => u.text));
      } catch (e) {
        this.queue.fail(batch, `embedding failed: ${errorText(e)}`);
        summary.failed += batch.length;
        continue;
      }
      const good: PreparedBatch['good'] = [];
      for (const [i, unit] of batch.entries()) {
        const problem = vectorProblem(vectors[i], generation.dimension);
        if (problem) {
          this.queue.fail([unit], problem);
          summary.failed++;
        } else good.push({ unit, vector: vectors[i] as Float32Array });
      }
      return { good, cursor: from };
    }
  }

  /** Collections of earlier generations go once the active one has caught up (never before). */
  private async dropRetired(store: VectorStorePort): Promise<void> {
    for (const old of this.generations.retired()) {
      try {
        await store.deleteCollection(old.collection);
      } catch (e) {
        if (isUnreachable(e)) throw e;
        // Already gone is fine.
      }
      this.generations.forget(old.generation);
    }
  }

  /**
   * A pass also runs every few seconds with nothing kicking it: rows written by another connection,
   * and the slow retry of failed rows, must not wait for the next write.
   */
  private scheduleIdlePoll(): void {
    if (this.stopped) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.running && !this.timer) this.kick(0);
      else this.scheduleIdlePoll();
    }, this.options.idlePollMs ?? IDLE_POLL_MS);
    this.idleTimer.unref();
  }

  private recordRun(summary: SyncRun): void {
    recordSyncRun(this.db, summary);
  }
}
