// The history of vector checks (start-up and repair), newest last; status shows the latest (read/status.ts).
import type { VectorCheck } from '../../../shared/types.js';
import type { WriteDb } from '../connection.js';

export function recordCheck(db: WriteDb, check: VectorCheck): void {
  db.prepare('INSERT INTO vector_checks(at, kind, orphans, missing, stale, healthy, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(check.at, check.kind, check.orphans, check.missing, check.stale, check.healthy ? 1 : 0, check.detail);
  db.prepare('DELETE FROM vector_checks WHERE id <= (SELECT max(id) - 200 FROM vector_checks)').run();
}
