// Opens SQLite with the pragmas every connection needs, and refuses databases from a newer Clew.
// Connections come in two kinds: a ReadDb only reads; a WriteDb writes (and may read). The brands
// make handing a read-only connection to a writer a compile error, not a SQLITE_READONLY at run time.
import Database from 'better-sqlite3';
import { ClewFailure } from '../base/failure.js';
import { LATEST_VERSION, migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { chooseIncrementalVacuum, compactIfMostlyFree } from './freePages.js';
import { registerFqnKey } from './fqnKey.js';
import { choosePageSize } from './pageSize.js';
import { WAL_BOUND_BYTES } from './walBound.js';
import { settleBulkLoad } from './bulkLoad.js';
import { clearRunProgress } from './runProgress.js';
import { LATEST_NOTES_VERSION, NOTES_MIGRATIONS } from './notesMigrations/index.js';

declare const readable: unique symbol;
declare const writable: unique symbol;

/** A connection that reads: the Backend's, and every query in db/read. */
export type ReadDb = Database.Database & { readonly [readable]: true };
/** A connection that writes (the engine worker's, the sync thread's): also a ReadDb, never the other way round. */
export type WriteDb = ReadDb & { readonly [writable]: true };

export interface WriteOptions {
  /** No checkpoint inside this connection's commits (a latency spike); the sync thread runs them instead. */
  manualCheckpoints?: boolean;
}

function connect(file: string, readonly: boolean): Database.Database {
  try {
    const db = new Database(file, { readonly, fileMustExist: readonly });
    registerFqnKey(db);
    return db;
  } catch (e) {
    throw ClewFailure.fromSystem(e, `cannot open database ${file}`);
  }
}

/** A write connection's page cache, in KiB (SQLite's negative form). */
const WRITE_CACHE_KIB = -16 * 1024;

// SQLite caps this at its compile-time limit (2 GiB by default); only address space is reserved, not memory.
const READ_MMAP_BYTES = 2 ** 31;

/** The pragmas of every connection; returns the schema version found. */
function configure(db: Database.Database, file: string, readonly: boolean, options: WriteOptions = {}): number {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL + NORMAL survives a process crash; the index can be rebuilt from the repo anyway.
  db.pragma('synchronous = NORMAL');
  // A writer's cache stays filled for the life of its thread (the engine's and the sync thread's): 16 MiB instead of 64
  // took 20-100 MiB off a full index's peak for 1-4% more index CPU on the Go tree (README, "Where the memory goes").
  // Readers map the file and barely use theirs.
  db.pragma(`cache_size = ${readonly ? -32000 : WRITE_CACHE_KIB}`);
  db.pragma('temp_store = MEMORY');
  // Readers map the file instead of copying each page into their own cache: a search touches thousands of index
  // pages, and reading them from the OS page cache in place costs a fraction of a read() per page.
  if (readonly) db.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
  if (options.manualCheckpoints) db.pragma('wal_autocheckpoint = 0');
  // After a checkpoint the WAL file is cut back to this size instead of staying at its peak.
  if (!readonly) db.pragma(`journal_size_limit = ${WAL_BOUND_BYTES}`);
  const version = schemaVersion(db);
  if (version > LATEST_VERSION) {
    throw new ClewFailure('DB_TOO_NEW', `database ${file} was written by a newer Clew (schema ${version}, this build knows up to ${LATEST_VERSION}); upgrade Clew or use another --data-dir`);
  }
  return version;
}

/** Opens, checks and configures; a database that is not migrated yet is refused. */
function open(file: string, readonly: boolean, options: WriteOptions = {}): Database.Database {
  const db = connect(file, readonly);
  try {
    const version = configure(db, file, readonly, options);
    if (version < LATEST_VERSION) throw new ClewFailure('UNAVAILABLE', `database ${file} is not initialised yet (schema ${version}); run \`clew index\` first`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A read-only connection to a migrated clew.db. */
export function openRead(file: string): ReadDb {
  return open(file, true) as ReadDb;
}

/** A write connection to a migrated clew.db (migrateDatabase runs first, on its own connection). */
export function openWrite(file: string, options: WriteOptions = {}): WriteDb {
  return open(file, false, options) as WriteDb;
}

/**
 * Creates clew.db or brings its schema up to date, on a connection of its own that is closed before
 * any reader or writer opens one. Only the process that holds the data-dir lock runs it.
 */
export function migrateDatabase(file: string): number {
  const db = connect(file, false);
  try {
    // Before the journal mode is set: switching to WAL writes the header, after which only a VACUUM could choose it.
    choosePageSize(db);
    chooseIncrementalVacuum(db);
    configure(db, file, false);
    const version = migrate(db, MIGRATIONS);
    // A first index killed before its end left indexes to build (bulkLoad.ts), and its progress.
    settleBulkLoad(db);
    clearRunProgress(db);
    compactIfMostlyFree(db);
    return version;
  } finally {
    db.close();
  }
}

/** Creates notes.db or brings its schema up to date, on its own connection, before the writer attaches it. */
export function migrateNotesDatabase(file: string): number {
  const db = connect(file, false);
  try {
    db.pragma('journal_mode = WAL');
    const version = schemaVersion(db);
    if (version > LATEST_NOTES_VERSION) {
      throw new ClewFailure('DB_TOO_NEW', `${file} was written by a newer Clew (schema ${version}, this build knows up to ${LATEST_NOTES_VERSION}); upgrade Clew or use another --data-dir`);
    }
    return migrate(db, NOTES_MIGRATIONS);
  } finally {
    db.close();
  }
}

/** Folds the WAL back into the file without waiting for, or blocking, any writer. */
export function checkpointPassive(db: WriteDb): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}
