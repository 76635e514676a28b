// The history of vector checks (start-up and repair), newest last; status shows the latest.
import type { VectorCheck } from '../../../shared/types.js';
import type { Db } from '../../db/connection.js';

export function recordCheck(db: Db, check: VectorCheck): void {
  db.prepare('INSERT INTO vector_checks(at, kind, orphans, missing, stale, healthy, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(check.at, check.kind, check.orphans, check.missing, check.stale, check.healthy ? 1 : 0, check.detail);
  db.prepare('DELETE FROM vector_checks WHERE id <= (SELECT max(id) - 200 FROM vector_checks)').run();
}

export function lastCheck(db: Db): VectorCheck | null {
  const row = db.prepare<[], Omit<VectorCheck, 'healthy'> & { healthy: number | null }>(
    'SELECT at, kind, orphans, missing, stale, healthy, detail FROM vector_checks ORDER BY id DESC LIMIT 1').get();
  return row ? { ...row, healthy: row.healthy !== 0 } : null;
}
