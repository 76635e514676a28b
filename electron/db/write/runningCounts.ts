// A repo's file, symbol and entry-point counts grow as each batch of new files commits, and the run's progress
// (files done of found) is stored with them; the run's end recounts the counts exactly and clears the
// progress (IndexStore.recordCounts), so an interrupted run is off only until the next one ends or the
// next writer starts (db/runProgress.ts).
import type { WriteDb } from '../connection.js';

interface NewFile {
  analysis: { symbols: readonly unknown[]; entryPoints: readonly unknown[] } | null;
  manifestMains: readonly unknown[];
}

export class RunningCounts {
  private readonly add;

  constructor(db: WriteDb) {
    this.add = db.prepare<[number, number, number, number, number, number]>(
      `UPDATE repos SET file_count = file_count + ?, symbol_count = symbol_count + ?, entry_point_count = entry_point_count + ?,
         run_files_done = ?, run_files_total = ? WHERE id = ?`);
  }

  /** A batch committed: files the index did not hold before it add themselves, their symbols and entry points; the run got `done` of `total` files. */
  batchCommitted(repoId: number, files: readonly NewFile[], done: number, total: number): void {
    let symbols = 0;
    let entryPoints = 0;
    for (const file of files) {
      symbols += file.analysis?.symbols.length ?? 0;
      // As IndexStore.writeFile stores them: the file's own and its manifest's mains.
      entryPoints += (file.analysis?.entryPoints.length ?? 0) + file.manifestMains.length;
    }
    this.add.run(files.length, symbols, entryPoints, done, total, repoId);
  }
}
