// Merges each full-text index into one b-tree after a large run. FTS5 leaves a run's many write batches in
// about twenty segments, and every query term then descends each segment's b-tree: on a 10,000-file repo a
// keyword search reads about twice the pages it needs. The merge goes in bounded steps, each its own short
// transaction, so other writers (the vector sync thread) wait for one step at most, never for the whole merge.
import type { WriteDb } from '../connection.js';
import { FULL_TEXT_TABLES } from '../fullTextTables.js';
import { WalBound } from '../walBound.js';

// Pages of merged index written per step (FTS5 pages are about 4 KB): a step takes well under a second.
const PAGES_PER_STEP = 1000;

/** How many segments (b-trees) a full-text table's index is made of. */
export function fullTextSegments(db: WriteDb, table: (typeof FULL_TEXT_TABLES)[number]): number {
  return db.prepare<[], { n: number }>(`SELECT count(DISTINCT segid) AS n FROM ${table}_idx`).get()?.n ?? 0;
}

/** Merges every full-text index into a single segment (FTS5's incremental optimize: a negative 'merge' puts all
 * segments on one level, positive ones continue it; a step that changes fewer than two rows has finished). */
export function mergeFullTextIndexes(db: WriteDb): void {
  const wal = new WalBound(db);
  for (const table of FULL_TEXT_TABLES) {
    if (fullTextSegments(db, table) <= 1) continue;
    const step = db.prepare<[number]>(`INSERT INTO ${table}(${table}, rank) VALUES('merge', ?)`);
    const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    const run = (pages: number): number => {
      const before = changes.get()?.n ?? 0;
      step.run(pages);
      wal.afterCommit();
      return (changes.get()?.n ?? 0) - before;
    };
    run(-PAGES_PER_STEP);
    while (run(PAGES_PER_STEP) >= 2);
  }
}
