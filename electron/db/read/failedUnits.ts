// Rows the sync loop gave up on, with their last error, for the health panel and `clew status`.
import type { FailedUnit } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';

export function failedUnits(db: ReadDb, limit = 200): FailedUnit[] {
  return db.prepare<[number], FailedUnit>(
    `SELECT u.vector_id AS vectorId, u.kind, r.path AS repo, coalesce(s.fqn, n.fqn) AS label, u.last_error AS error, u.attempts, u.failed_at AS failedAt
     FROM text_units u JOIN repos r ON r.id = u.repo_id
       LEFT JOIN symbols s ON s.id = u.symbol_id
       LEFT JOIN notes n ON n.id = u.note_id
     WHERE u.failed_at IS NOT NULL AND u.synced_hash IS NOT u.content_hash
     ORDER BY u.failed_at DESC LIMIT ?`,
  ).all(limit);
}
