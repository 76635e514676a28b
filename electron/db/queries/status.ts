// Status: repos with counts and sync counts, derived from the data (pending = synced_hash IS NOT content_hash).
import type { StatusReport, SyncCounts } from '../../../shared/types.js';
import type { Db } from '../connection.js';
import { listRepos } from './repos.js';

export function syncCounts(db: Db): SyncCounts {
  const row = db.prepare<[], SyncCounts>(
    `SELECT
       (SELECT count(*) FROM text_units WHERE synced_hash IS content_hash) AS synced,
       (SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash AND failed_at IS NULL) AS pending,
       (SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash AND failed_at IS NOT NULL) AS failed,
       (SELECT count(*) FROM vector_outbox) AS tombstones`,
  ).get();
  return row ?? { synced: 0, pending: 0, failed: 0, tombstones: 0 };
}

export function status(db: Db, dataDir: string): StatusReport {
  return { dataDir, repos: listRepos(db), sync: syncCounts(db) };
}
