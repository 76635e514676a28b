// Status: repos with counts and sync counts, derived from the data (pending = synced_hash IS NOT content_hash).
import type { SyncCounts, SyncRun } from '../../../shared/types.js';
import type { Db } from '../connection.js';

export function syncCounts(db: Db): SyncCounts {
  // One pass over text_units (status is built every 150 ms while indexing; three scans cost too much).
  const row = db.prepare<[], SyncCounts>(
    `SELECT
       coalesce(sum(synced_hash IS content_hash), 0) AS synced,
       coalesce(sum(synced_hash IS NOT content_hash AND failed_at IS NULL), 0) AS pending,
       coalesce(sum(synced_hash IS NOT content_hash AND failed_at IS NOT NULL), 0) AS failed,
       (SELECT count(*) FROM vector_outbox) AS tombstones
     FROM text_units`,
  ).get();
  return row ?? { synced: 0, pending: 0, failed: 0, tombstones: 0 };
}

/** The latest sync pass that did something (persisted, so it survives restarts). */
export function lastSyncRun(db: Db): SyncRun | null {
  return db.prepare<[], SyncRun>("SELECT started_at AS at, sent, deleted, failed, error FROM sync_runs WHERE kind = 'sync' ORDER BY id DESC LIMIT 1").get() ?? null;
}
