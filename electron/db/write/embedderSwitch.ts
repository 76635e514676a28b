// The SQLite side of switching embedders while the old generation keeps answering: every row's
// content hash is renamed to the new embedder inside the swap, and vectors copied for rows deleted
// during the rebuild are found so they can be removed from the new collection.
import { unitContentHash } from '../../base/hash.js';
import type { WriteDb } from '../connection.js';
import { wholeUnitTexts } from '../read/unitTexts.js';

/** Inside the swap's transaction: every row's content hash names the new embedder (its text unchanged). */
export function renameContentHashes(db: WriteDb, embedderId: string): number {
  const rows = db.prepare<[], { id: number; text: string }>('SELECT id, text FROM text_units');
  const update = db.prepare<[string, number]>('UPDATE text_units SET content_hash = ?, attempts = 0, failed_at = NULL, next_attempt_at = NULL, last_error = NULL WHERE id = ?');
  let n = 0;
  for (const row of wholeUnitTexts(db, rows.all())) n += update.run(unitContentHash(embedderId, row.text), row.id).changes;
  return n;
}

/** Vectors a rebuild copied whose rows were deleted since: the old collection had their tombstones, the new one must lose them too. */
export function copiedButGone(db: WriteDb): string[] {
  return db.prepare<[], string>('SELECT c.vector_id FROM temp.rebuild_copied c WHERE NOT EXISTS (SELECT 1 FROM text_units t WHERE t.vector_id = c.vector_id)').pluck().all();
}
