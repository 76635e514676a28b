// The history of sync passes that did something; status shows the latest (read/status.ts).
import type { WriteDb } from '../connection.js';

export interface SyncRunRecord {
  at: number;
  sent: number;
  deleted: number;
  failed: number;
  error: string | null;
}

export function recordSyncRun(db: WriteDb, run: SyncRunRecord, finishedAt = Date.now()): void {
  db.prepare('INSERT INTO sync_runs(started_at, finished_at, kind, sent, deleted, failed, error) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(run.at, finishedAt, 'sync', run.sent, run.deleted, run.failed, run.error);
  // Keep the recent history only.
  db.prepare('DELETE FROM sync_runs WHERE id <= (SELECT max(id) - 1000 FROM sync_runs)').run();
}
