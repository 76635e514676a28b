// A repo's file and symbol counts grow as each batch of new files commits; the run's end recounts
// them exactly (IndexStore.recordCounts), so an interrupted run is off only until the next one ends.
import type { WriteDb } from '../connection.js';

export class RunningCounts {
  private readonly add;

  constructor(db: WriteDb) {
    this.add = db.prepare<[number, number, number]>('UPDATE repos SET file_count = file_count + ?, symbol_count = symbol_count + ? WHERE id = ?');
  }

  /** Files the index did not hold before this batch: each adds itself and its symbols. */
  addNew(repoId: number, files: ReadonlyArray<{ analysis: { symbols: readonly unknown[] } | null }>): void {
    if (files.length === 0) return;
    const symbols = files.reduce((sum, file) => sum + (file.analysis?.symbols.length ?? 0), 0);
    this.add.run(files.length, symbols, repoId);
  }
}
