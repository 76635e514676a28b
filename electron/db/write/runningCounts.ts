// A repo's file and symbol counts grow as each batch of new files commits, and the run's progress
// (files done of found) is stored with them; the run's end recounts the counts exactly and clears the
// progress (IndexStore.recordCounts), so an interrupted run is off only until the next one ends or the
// next writer starts (db/runProgress.ts).
import type { WriteDb } from '../connection.js';

export class RunningCounts {
  private readonly add;

  constructor(db: WriteDb) {
    this.add = db.prepare<[number, number, number, number, number]>(
      'UPDATE repos SET file_count = file_count + ?, symbol_count = symbol_count + ?, run_files_done = ?, run_files_total = ? WHERE id = ?');
  }

  /** A batch committed: files the index did not hold before it add themselves and their symbols; the run got `done` of `total` files. */
  batchCommitted(repoId: number, files: ReadonlyArray<{ analysis: { symbols: readonly unknown[] } | null }>, done: number, total: number): void {
    const symbols = files.reduce((sum, file) => sum + (file.analysis?.symbols.length ?? 0), 0);
    this.add.run(files.length, symbols, done, total, repoId);
  }
}
