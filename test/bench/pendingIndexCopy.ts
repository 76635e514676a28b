// For the sync benches: a copy of an index's clew.db as a first index leaves it for the sync (every vector pending, no
// collection yet), or with only its first `units` rows pending (the rest count as synced and are never sent).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWrite } from '../../electron/db/connection.js';

/** Copies `fromDataDir`'s clew.db into `dataDir` (made if missing) and resets its sync state; returns `dataDir`. */
export function pendingIndexCopy(fromDataDir: string, dataDir: string, units?: number): string {
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(join(fromDataDir, 'clew.db'), join(dataDir, 'clew.db'));
  const db = openWrite(join(dataDir, 'clew.db'));
  try {
    db.prepare('UPDATE text_units SET synced_hash = NULL, synced_at = NULL, attempts = 0, failed_at = NULL, next_attempt_at = NULL').run();
    db.prepare('DELETE FROM vector_generations').run();
    db.prepare('DELETE FROM vector_outbox').run();
    if (units !== undefined) {
      db.prepare('UPDATE text_units SET synced_hash = content_hash WHERE id > (SELECT id FROM text_units ORDER BY id LIMIT 1 OFFSET ?)').run(units - 1);
    }
  } finally {
    db.close();
  }
  return dataDir;
}
