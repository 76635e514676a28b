// New chunks reach the trigram index from the writer, with the rest of their batch's full-text rows
// (db/write/batchFullText.ts), not from a trigger: FTS5 writes its pending rows out as a new segment at each savepoint
// SQLite opens for a statement, which the insert with a trigger opened for every chunk. Deletes keep their trigger
// (they need the old text, which only the row being deleted still has, and a changed file's deletes are few).
import type { Migration } from './index.js';

export const m018BatchFullText: Migration = {
  name: 'batch full text',
  sql: /* sql */ `
DROP TRIGGER IF EXISTS chunks_ai;
`,
};
