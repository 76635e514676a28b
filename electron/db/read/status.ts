// Status: repos with counts and sync counts, derived from the data (pending = synced_hash IS NOT content_hash).
import type { SyncCounts, SyncRun, VectorCheck } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';

export function syncCounts(db: ReadDb): SyncCounts {
  // Built every 150 ms while indexing, so each count rides an index: the table's smallest index for
  // the total, the partial pending index (no row lookups), and the small failed index.
  const row = db.prepare<[], { total: number; unsynced: number; failed: number; tombstones: number }>(
    `SELECT
       (SELECT count(*) FROM text_units) AS total,
       (SELECT count(*) FROM text_units INDEXED BY text_units_pending WHERE synced_hash IS NOT content_hash) AS unsynced,
       (SELECT count(*) FROM text_units INDEXED BY text_units_failed WHERE failed_at IS NOT NULL AND synced_hash IS NOT content_hash) AS failed,
       (SELECT count(*) FROM vector_outbox) AS tombstones`,
  ).get();
  if (!row) return { synced: 0, pending: 0, failed: 0, tombstones: 0 };
  return { synced: row.total - row.unsynced, pending: row.unsynced - row.failed, failed: row.failed, tombstones: row.tombstones };
}

/** The latest sync pass that did something (persisted, so it survives restarts). */
export function lastSyncRun(db: ReadDb): SyncRun | null {
  return db.prepare<[], SyncRun>("SELECT started_at AS at, sent, deleted, failed, error FROM sync_runs WHERE kind = 'sync' ORDER BY id DESC LIMIT 1").get() ?? null;
}

/** The latest vector check (start-up or repair). */
export function lastCheck(db: ReadDb): VectorCheck | null {
  const row = db.prepare<[], Omit<VectorCheck, 'healthy'> & { healthy: number | null }>(
    'SELECT at, kind, orphans, missing, stale, healthy, detail FROM vector_checks ORDER BY id DESC LIMIT 1').get();
  return row ? { ...row, healthy: row.healthy !== 0 } : null;
}
