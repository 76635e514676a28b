// The page size of a new clew.db. File chunks are 2–8 KB rows: in SQLite's default 4 KiB pages most leaves hold one
// or two of them and a third of the chunk table was unused space (115 MiB for 81 MiB of text on a 10,800-file tree);
// in 16 KiB pages they pack to within a few percent. Other tables keep their size.
import type Database from 'better-sqlite3';

export const PAGE_SIZE = 16_384;

/** A new, empty database: the page size must be chosen before the first table exists (and before WAL is on). */
export function choosePageSize(db: Database.Database): void {
  const tables = db.prepare<[], number>('SELECT count(*) FROM sqlite_schema').pluck().get() ?? 0;
  if (tables === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
}
