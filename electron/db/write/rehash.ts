// Content hashes name the embedder. When the configured embedder changes, every row's hash is
// recomputed in one transaction so all rows become pending for the new embedder's generation
// (the old collection keeps serving until the new one is active: no zero-result window).
import { unitContentHash } from '../../base/hash.js';
import type { WriteDb } from '../connection.js';
import { readUnits, wholeUnitTexts } from '../read/unitTexts.js';

/** Returns how many rows were re-hashed (0 when the rows already belong to this embedder). */
export function rehashForEmbedder(db: WriteDb, embedderId: string): number {
  const sample = readUnits(db, () => db.prepare<[], { id: number; text: string; content_hash: string }>('SELECT id, text, content_hash FROM text_units ORDER BY id LIMIT 1').all())[0];
  if (!sample || unitContentHash(embedderId, sample.text) === sample.content_hash) return 0;
  const rows = db.prepare<[], { id: number; text: string }>('SELECT id, text FROM text_units');
  const update = db.prepare<[string, number]>('UPDATE text_units SET content_hash = ?, attempts = 0, failed_at = NULL, next_attempt_at = NULL, last_error = NULL WHERE id = ?');
  return db.transaction(() => {
    let n = 0;
    for (const row of wholeUnitTexts(db, rows.all())) n += update.run(unitContentHash(embedderId, row.text), row.id).changes;
    return n;
  }).immediate();
}
