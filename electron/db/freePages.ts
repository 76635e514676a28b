// Gives the file back the pages a large run freed. Merging the full-text indexes rewrites them into one segment and
// frees the old ones (a third of a freshly indexed 10,000-file clew.db was free pages); without auto_vacuum SQLite
// only reuses free pages, it never shrinks the file.
import type Database from 'better-sqlite3';
import { WalBound } from './walBound.js';

/** SQLite's auto_vacuum modes: 0 none, 1 full, 2 incremental. */
const INCREMENTAL = 2;
// Bytes moved per step (16 MiB, whatever the page size): every step is its own short write, so the vector sync waits for one step at most.
const BYTES_PER_STEP = 16 * 1024 * 1024;
// An existing file is rebuilt (VACUUM) to switch to incremental vacuum only when this share of it is free.
const COMPACT_FREE_SHARE = 0.2;

const pragmaNumber = (db: Database.Database, name: string): number => db.pragma(name, { simple: true }) as number;

/** A new, empty database: incremental vacuum must be chosen before the first table exists. */
export function chooseIncrementalVacuum(db: Database.Database): void {
  const tables = db.prepare<[], number>('SELECT count(*) FROM sqlite_schema').pluck().get() ?? 0;
  if (tables === 0) db.pragma('auto_vacuum = INCREMENTAL');
}

/** An existing database written before incremental vacuum was chosen, with much of it free (a migration dropped a
 * large table, or a run's merge): rebuilt once, which shrinks it and turns incremental vacuum on for later runs. */
export function compactIfMostlyFree(db: Database.Database): boolean {
  if (pragmaNumber(db, 'auto_vacuum') === INCREMENTAL) return false;
  const pages = pragmaNumber(db, 'page_count');
  if (pages === 0 || pragmaNumber(db, 'freelist_count') < pages * COMPACT_FREE_SHARE) return false;
  db.pragma('auto_vacuum = INCREMENTAL');
  try {
    db.exec('VACUUM');
    return true;
  } catch {
    // Another process reading, or no room for the copy VACUUM writes: the file stays as it was, whole, and is
    // compacted at a later start. Only the space is lost meanwhile, never the data.
    return false;
  }
}

/** Truncates the file by its free pages, in steps; a database without incremental vacuum keeps them for reuse. */
export function reclaimFreePages(db: Database.Database): number {
  if (pragmaNumber(db, 'auto_vacuum') !== INCREMENTAL) return 0;
  let reclaimed = 0;
  const pagesPerStep = Math.max(1, Math.floor(BYTES_PER_STEP / pragmaNumber(db, 'page_size')));
  const wal = new WalBound(db);
  for (let free = pragmaNumber(db, 'freelist_count'); free > 0; free = pragmaNumber(db, 'freelist_count')) {
    db.pragma(`incremental_vacuum(${pagesPerStep})`);
    wal.afterCommit();
    const left = pragmaNumber(db, 'freelist_count');
    if (left >= free) break;
    reclaimed += free - left;
  }
  return reclaimed;
}
