// A repo's run progress (migration 019, written with each batch by db/write/runningCounts.ts) says a run is
// under way: cleared when a run fails, and for every repo when a writer starts (a killed run's leftovers).
import type Database from 'better-sqlite3';

/**
 * `repoId`: that repo's run failed; without it, no run is under way at all. Writes only when something is
 * left (a write would wait on any other process's transaction); best effort: a refused clear (a full disk,
 * a busy file) leaves a note readers show until that repo's next run ends, never a lost row.
 */
export function clearRunProgress(db: Database.Database, repoId?: number): void {
  const params = { id: repoId ?? null };
  try {
    if (!db.prepare('SELECT 1 FROM repos WHERE run_files_total IS NOT NULL AND (@id IS NULL OR id = @id) LIMIT 1').get(params)) return;
    db.prepare('UPDATE repos SET run_files_done = NULL, run_files_total = NULL WHERE run_files_total IS NOT NULL AND (@id IS NULL OR id = @id)').run(params);
  } catch {
    // See above: left for the next run or start.
  }
}
