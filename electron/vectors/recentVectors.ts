// The vectors confirmed most recently, scored exactly for semantic search: an HNSW query can miss a new
// vector unlike every other (a freshly saved, oddly named symbol), and what was just saved is what a
// person looks for. Embeddings are fetched from Chroma once per (collection, id, hash) and kept.
import type { ReadDb } from '../db/connection.js';
import { recentlySynced } from '../db/read/vectorUnits.js';
import { cosineDistance } from './embedders/vectorMath.js';
import type { VectorStorePort } from './ports.js';

// What "just saved" means: confirmed in the last 15 minutes, the 128 latest.
const WINDOW_MS = 15 * 60_000;
const MAX = 128;

export class RecentVectors {
  private readonly embeddings = new Map<string, Float32Array>();

  constructor(private readonly windowMs = WINDOW_MS, private readonly max = MAX) {}

  async score(db: ReadDb, store: VectorStorePort, collection: string, query: Float32Array, now = Date.now()): Promise<Array<{ id: string; distance: number }>> {
    // A row re-queued since (repair, new embedder) keeps synced_at with a NULL hash: still scored, by what Chroma holds.
    const rows = recentlySynced(db, now - this.windowMs, this.max);
    const key = (id: string, hash: string | null | undefined): string => `${collection}\u0000${id}\u0000${hash ?? ''}`;
    const missing = rows.filter((r) => !this.embeddings.has(key(r.id, r.hash)));
    if (missing.length > 0) {
      const hashes = new Map(missing.map((r) => [r.id, r.hash]));
      for (const v of await store.getEmbeddings(collection, missing.map((r) => r.id))) this.embeddings.set(key(v.id, hashes.get(v.id)), Float32Array.from(v.embedding));
    }
    // Only the current set is kept: memory stays at `max` vectors.
    const live = new Set(rows.map((r) => key(r.id, r.hash)));
    for (const k of this.embeddings.keys()) if (!live.has(k)) this.embeddings.delete(k);
    return rows.flatMap((r) => {
      const embedding = this.embeddings.get(key(r.id, r.hash));
      return embedding ? [{ id: r.id, distance: cosineDistance(query, embedding) }] : [];
    });
  }
}
