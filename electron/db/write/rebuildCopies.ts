// What a rebuild has copied into its new collection, in a TEMP table of the writer's connection:
// when the new generation is swapped in, each row counts as synced exactly as far as its copy.
import type { WriteDb } from '../connection.js';

export function startRebuildCopies(db: WriteDb): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS rebuild_copied (vector_id TEXT PRIMARY KEY, hash TEXT NOT NULL); DELETE FROM temp.rebuild_copied;');
}

/** Records a page of copied vectors (id and the content hash it was made from), in one transaction. */
export function recordCopies(db: WriteDb): (items: ReadonlyArray<{ id: string; hash: string }>) => void {
  const copied = db.prepare<[string, string]>('INSERT INTO temp.rebuild_copied(vector_id, hash) VALUES (?, ?) ON CONFLICT(vector_id) DO UPDATE SET hash = excluded.hash');
  return (items) => db.transaction(() => { for (const item of items) copied.run(item.id, item.hash); })();
}

/** Inside the swap's transaction: each row's synced hash becomes the hash of its copy (NULL when not copied). */
export function markCopiesSynced(db: WriteDb): void {
  db.exec(`UPDATE text_units SET synced_hash = (SELECT c.hash FROM temp.rebuild_copied c WHERE c.vector_id = text_units.vector_id)
           WHERE synced_hash IS NOT (SELECT c.hash FROM temp.rebuild_copied c WHERE c.vector_id = text_units.vector_id)`);
}

export function clearRebuildCopies(db: WriteDb): void {
  db.exec('DELETE FROM temp.rebuild_copied');
}
