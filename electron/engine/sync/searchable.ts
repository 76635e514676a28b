// Stored but unreachable: a Chroma server killed mid-write can leave a vector listed, with its
// embedding, yet linked from nowhere in its HNSW graph, so no query returns it (and a diff of ids
// cannot see it). Searching with a vector's own embedding finds these; re-inserting one (deleted,
// then synced again) links it afresh.
import type { ReadDb, WriteDb } from '../../db/connection.js';
import { errorText, isUnreachable, type VectorStorePort } from '../../vectors/ports.js';
import { latestSynced, randomSynced } from '../../db/read/vectorUnits.js';
import { SyncQueue } from '../../db/write/syncQueue.js';

/** The most recently synced vectors are checked: a crash damages what was written just before it. */
export const RECENT_TO_VERIFY = 2000;
/** `clew repair` is asked for: it checks this many of the latest (every vector of most repos), then the random sample. */
export const REPAIR_RECENT_TO_VERIFY = 20_000;
/** And a random sample of the rest, for damage that is not recent. */
export const SAMPLE_TO_VERIFY = 200;
/** Self-queries per request: a body of a few MB, far under the server's limit. */
const QUERIES_PER_REQUEST = 250;
/** Cosine distance of a vector to itself, allowing float32 rounding. */
const EXACT_MATCH = 1e-5;
/** A vector missed among the nearest 10 gets a much wider search before it is called lost: HNSW is approximate. */
const SECOND_LOOK = 1000;

/** Rows with identical text have identical vectors: an exact tie may rank first instead of the row itself. */
function findsItself(id: string, hits: ReadonlyArray<{ id: string; distance: number }>): boolean {
  return hits.some((h) => h.id === id || h.distance <= EXACT_MATCH);
}

/** Synced rows worth checking: the latest `recent` and a random `sample` of all. */
export function vectorsToVerify(db: ReadDb, recent = RECENT_TO_VERIFY, sample = SAMPLE_TO_VERIFY): string[] {
  return [...new Set([...latestSynced(db, recent), ...(sample > 0 ? randomSynced(db, sample) : [])])];
}

export interface Verification {
  /** Stored, yet not found by searching with their own embedding. */
  lost: string[];
  /** How many of the ids the store holds (ids it does not hold are the diff's "missing"). */
  stored: number;
  /** The server refused to answer (a damaged index: "Error finding id"); `lost` is then partial. */
  error: string | null;
}

/** Searches for each id by its own stored embedding. An unreachable server throws: that says nothing about the collection. */
export async function findUnsearchable(store: VectorStorePort, collection: string, ids: readonly string[]): Promise<Verification> {
  const verification: Verification = { lost: [], stored: 0, error: null };
  try {
    for (let i = 0; i < ids.length; i += QUERIES_PER_REQUEST) {
      const vectors = await store.getEmbeddings(collection, ids.slice(i, i + QUERIES_PER_REQUEST));
      verification.stored += vectors.length;
      const answers = await store.queryMany(collection, vectors.map((v) => v.embedding), 10);
      for (const [q, vector] of vectors.entries()) {
        if (findsItself(vector.id, answers[q] ?? [])) continue;
        if (!findsItself(vector.id, await store.query(collection, vector.embedding, SECOND_LOOK))) verification.lost.push(vector.id);
      }
    }
  } catch (e) {
    if (isUnreachable(e)) throw e;
    verification.error = errorText(e);
  }
  return verification;
}

/** Queues the rows again first (SQLite never claims a vector it is about to delete), then deletes them. */
export async function reinsert(db: WriteDb, store: VectorStorePort, collection: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const requeued = new SyncQueue(db).requeue(ids);
  await store.delete(collection, [...ids]);
  return requeued;
}
