// Switching embedders without a gap: every unit is embedded by the new model into a "building"
// generation while the sync loop keeps the active one (old model) current; then, with no batch in
// flight, one transaction makes the new generation active and renames every content hash to the new
// model, each row counting as synced exactly as far as its copy (rows edited meanwhile stay pending).
import type { WriteDb } from '../../db/connection.js';
import { unitContentHash } from '../../base/hash.js';
import { unitCount, unitPage } from '../../db/read/vectorUnits.js';
import { copiedButGone, renameContentHashes } from '../../db/write/embedderSwitch.js';
import { clearRebuildCopies, markCopiesSynced, recordCopies, startRebuildCopies } from '../../db/write/rebuildCopies.js';
import { immediateTransaction } from '../../db/write/transaction.js';
import { collectionMetadata, type Generation, Generations } from '../../vectors/generations.js';
import type { EmbedderPort, VectorStorePort } from '../../vectors/ports.js';
import { embedInSlices } from './syncLoop.js';
import { vectorProblem } from './validate.js';

export interface FillProgress {
  done: number;
  total: number;
  etaSeconds: number | null;
}

/** Fills a new building generation for `embedder` from every unit; throws (leaving it for `abandon`) when cancelled or failed. */
export async function fillGeneration(db: WriteDb, store: VectorStorePort, embedder: EmbedderPort, onProgress: (p: FillProgress) => void, signal: AbortSignal): Promise<Generation> {
  const generations = new Generations(db);
  const building = immediateTransaction(db, () => generations.create(embedder.id, embedder.dimension, 'building'));
  try {
    await store.ensureCollection(building.collection, collectionMetadata(building));
    startRebuildCopies(db);
    const total = unitCount(db);
    const batchSize = Math.min(500, await store.maxBatchSize());
    const page = unitPage(db);
    const copied = recordCopies(db);
    const started = performance.now();
    let done = 0;
    onProgress({ done, total, etaSeconds: null });
    for (let rows = page(0, batchSize); rows.length > 0; rows = page(rows[rows.length - 1]?.id ?? 0, batchSize)) {
      if (signal.aborted) throw new Error('cancelled');
      const vectors = await embedInSlices(embedder, rows.map((r) => r.text), signal);
      // The copy is recorded under the hash the row will have once the new embedder is active.
      const items = rows.flatMap((r, i) => (vectorProblem(vectors[i], embedder.dimension) ? [] : [{ id: r.vector_id, embedding: vectors[i] as Float32Array, hash: unitContentHash(embedder.id, r.text) }]));
      await store.upsert(building.collection, items);
      copied(items);
      done += rows.length;
      const rate = done / Math.max(0.001, (performance.now() - started) / 1000);
      onProgress({ done, total: Math.max(total, done), etaSeconds: Math.round(Math.max(0, total - done) / rate) });
    }
    return building;
  } catch (e) {
    await abandon(db, store, building);
    throw e;
  }
}

/** The swap (call with the sync loop idle): the new generation answers from now on; the old is retired and dropped by the loop. */
export async function activateFilled(db: WriteDb, store: VectorStorePort, building: Generation): Promise<void> {
  new Generations(db).swap(building, () => {
    renameContentHashes(db, building.embedderId);
    markCopiesSynced(db);
  });
  const gone = copiedButGone(db);
  clearRebuildCopies(db);
  if (gone.length > 0) await store.delete(building.collection, gone).catch(() => undefined);
}

/** A cancelled or failed fill leaves nothing behind: its collection and its generation row go. */
export async function abandon(db: WriteDb, store: VectorStorePort, building: Generation): Promise<void> {
  clearRebuildCopies(db);
  await store.deleteCollection(building.collection).catch(() => undefined);
  new Generations(db).forget(building.generation);
}
