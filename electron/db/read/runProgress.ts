// Index runs under way as their batches committed them (migration 019): how a reader in another process
// (`clew mcp`, `clew search`) learns that a repo is still being indexed. Trust them only while a writer
// holds the data directory: a killed writer's leftovers are cleared when the next one starts.
import type { IndexingRuns } from '../../../shared/indexingNote.js';
import type { ReadDb } from '../connection.js';
import { cachedStatement } from './statements.js';

export function committedRuns(db: ReadDb): IndexingRuns {
  return cachedStatement<[], IndexingRuns[number]>(db,
    'SELECT path AS repo, run_files_done AS filesDone, run_files_total AS filesTotal FROM repos WHERE run_files_total IS NOT NULL AND run_files_done < run_files_total ORDER BY id').all();
}
