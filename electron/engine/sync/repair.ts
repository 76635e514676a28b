// Repair: a two-way diff of SQLite and the vector store (paged), a search for the latest vectors by
// their own embeddings, then a health check. Orphans are deleted, missing and stale rows re-queued,
// vectors the index lost re-inserted, and a collection that cannot answer queries is rebuilt from
// SQLite into a new generation and swapped in. Running it twice changes nothing the second time.
import type { RepairProgress, RepairReport } from '../../../shared/types.js';
import type { WriteDb } from '../../db/connection.js';
import { collectionMetadata, type Generation, Generations } from '../../vectors/generations.js';
import type { EmbedderPort, VectorStorePort } from '../../vectors/ports.js';
import { metaOf } from './unitMeta.js';
import { tombstoneQueued, unitCount, unitHashes, unitPage } from '../../db/read/vectorUnits.js';
import { clearRebuildCopies, markCopiesSynced, recordCopies, startRebuildCopies } from '../../db/write/rebuildCopies.js';
import { SyncQueue } from '../../db/write/syncQueue.js';
import { immediateTransaction } from '../../db/write/transaction.js';
import { findUnsearchable, REPAIR_RECENT_TO_VERIFY, reinsert, type Verification, vectorsToVerify } from './searchable.js';
import { recordCheck } from '../../db/write/vectorChecks.js';
import { embedInSlices } from './syncLoop.js';
import { vectorProblem } from './validate.js';

export type { RepairReport } from '../../../shared/types.js';

export interface RepairOptions {
  dryRun?: boolean;
  pageSize?: number;
  onProgress?: (progress: RepairProgress) => void;
}

const HEALTH_SAMPLES = 3;

/** Reads every (id, hash) in a collection, page by page. */
async function remoteHashes(store: VectorStorePort, collection: string, pageSize: number, onPage: (n: number) => void): Promise<Map<string, string | null>> {
  const remote = new Map<string, string | null>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await store.page(collection, offset, pageSize);
    for (const item of page) remote.set(item.id, item.hash);
    onPage(remote.size);
    if (page.length < pageSize) return remote;
  }
}

/** A stored vector, queried, must find itself: the known failure of the pinned server is "Error finding id". */
async function healthCheck(db: WriteDb, store: VectorStorePort, collection: string): Promise<{ healthy: boolean; error: string | null }> {
  const ids = vectorsToVerify(db, 0, HEALTH_SAMPLES);
  if (ids.length === 0) return { healthy: true, error: null };
  const { lost, stored, error } = await findUnsearchable(store, collection, ids);
  if (error !== null) return { healthy: false, error };
  if (stored === 0) return { healthy: false, error: 'synced vectors are missing from the collection' };
  if (lost.length > 0) return { healthy: false, error: `querying with ${lost[0]}'s own vector did not find it` };
  return { healthy: true, error: null };
}

/** The verdict after a verification: a server that refused it has a damaged index; otherwise the sampled probe decides. */
export async function healthAfter(verified: Verification, db: WriteDb, store: VectorStorePort, collection: string): Promise<{ healthy: boolean; error: string | null }> {
  return verified.error !== null ? { healthy: false, error: verified.error } : healthCheck(db, store, collection);
}

/** Fills a new generation from SQLite, swaps it in, then drops the old collections. */
export async function rebuild(db: WriteDb, store: VectorStorePort, embedder: EmbedderPort, onProgress: (done: number, total: number) => void): Promise<Generation> {
  const generations = new Generations(db);
  const building = immediateTransaction(db, () => generations.create(embedder.id, embedder.dimension, 'building'));
  await store.ensureCollection(building.collection, collectionMetadata(building));
  startRebuildCopies(db);
  const total = unitCount(db);
  const batchSize = Math.min(1000, await store.maxBatchSize());
  const page = unitPage(db);
  const copied = recordCopies(db);
  let done = 0;
  for (let rows = page(0, batchSize); rows.length > 0; rows = page(rows[rows.length - 1]?.id ?? 0, batchSize)) {
    const vectors = await embedInSlices(embedder, rows.map((r) => r.text));
    const items = rows.flatMap((r, i) => (vectorProblem(vectors[i], embedder.dimension) ? [] : [{ id: r.vector_id, embedding: vectors[i] as Float32Array, hash: r.content_hash, meta: metaOf(r) }]));
    await store.upsert(building.collection, items);
    copied(items);
    done += rows.length;
    onProgress(done, total);
  }
  // One transaction: the new generation becomes active and each row is synced exactly as far as its copy.
  generations.swap(building, () => {
    markCopiesSynced(db);
    // Tombstones already applied to the old collection are moot: the new one was built from live rows.
  });
  clearRebuildCopies(db);
  for (const old of generations.retired()) {
    try {
      await store.deleteCollection(old.collection);
    } catch {
      // Already gone (a wiped server) is fine; anything else is retried at the next repair.
    }
    generations.forget(old.generation);
  }
  return { ...building, state: 'active' };
}

export async function repair(db: WriteDb, store: VectorStorePort, embedder: EmbedderPort, options: RepairOptions = {}): Promise<RepairReport> {
  const started = Date.now();
  const dryRun = options.dryRun ?? false;
  // Paging at the server's max batch keeps deep offsets few (each page costs more the deeper it is).
  const pageSize = options.pageSize ?? await store.maxBatchSize();
  const progress = options.onProgress ?? (() => undefined);
  const generations = new Generations(db);
  const generation = dryRun ? generations.active() : generations.ensureActive(embedder.id, embedder.dimension);
  const report: RepairReport = { dryRun, orphans: 0, missing: 0, stale: 0, unsearchable: 0, orphansDeleted: 0, requeued: 0, rebuilt: false, healthy: true, healthError: null, durationMs: 0 };
  const total = unitCount(db);
  if (!generation) {
    // Nothing was ever synced: every row is simply pending.
    report.durationMs = Date.now() - started;
    return report;
  }
  await store.ensureCollection(generation.collection, collectionMetadata(generation));

  const remote = await remoteHashes(store, generation.collection, pageSize, (n) => progress({ phase: 'diff', done: n, total }));
  const requeue: string[] = [];
  for (const row of unitHashes(db)) {
    const has = remote.has(row.vector_id);
    const remoteHash = remote.get(row.vector_id);
    remote.delete(row.vector_id);
    if (row.synced_hash !== row.content_hash) continue; // already pending: the loop will send it
    if (!has) {
      report.missing++;
      requeue.push(row.vector_id);
    } else if (remoteHash !== row.content_hash) {
      report.stale++;
      requeue.push(row.vector_id);
    }
  }
  // What is left in `remote` is unknown to SQLite, unless a tombstone is already queued for it.
  const tombstoned = tombstoneQueued(db);
  const orphans = [...remote.keys()].filter((id) => !tombstoned(id));
  report.orphans = orphans.length;

  // Listed is not findable: the latest vectors (and a sample) are searched for by their own embedding.
  progress({ phase: 'verify', done: 0, total: 1 });
  const requeueing = new Set(requeue);
  const verified = await findUnsearchable(store, generation.collection, vectorsToVerify(db, REPAIR_RECENT_TO_VERIFY).filter((id) => !requeueing.has(id)));
  report.unsearchable = verified.lost.length;

  if (!dryRun) {
    for (let i = 0; i < orphans.length; i += pageSize) await store.delete(generation.collection, orphans.slice(i, i + pageSize));
    report.orphansDeleted = orphans.length;
    report.requeued = new SyncQueue(db).requeue(requeue) + await reinsert(db, store, generation.collection, verified.lost);
  }

  progress({ phase: 'health', done: 0, total: 1 });
  const health = await healthAfter(verified, db, store, generation.collection);
  report.healthy = health.healthy;
  report.healthError = health.error;
  if (!health.healthy && !dryRun) {
    await rebuild(db, store, embedder, (done, all) => progress({ phase: 'rebuild', done, total: all }));
    report.rebuilt = true;
    const active = generations.active();
    report.healthy = active ? (await healthCheck(db, store, active.collection)).healthy : false;
  }
  report.durationMs = Date.now() - started;
  recordCheck(db, { at: Date.now(), kind: dryRun ? 'repair-dry-run' : 'repair', orphans: report.orphans, missing: report.missing, stale: report.stale, healthy: report.healthy, detail: report.healthError });
  progress({ phase: 'done', done: 1, total: 1 });
  return report;
}
