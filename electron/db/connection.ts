// Opens SQLite with the pragmas every connection needs, and refuses databases from a newer Clew.
import Database from 'better-sqlite3';
import { ClewFailure } from '../base/failure.js';
import { LATEST_VERSION, migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Run pending migrations (only the process that holds the data-dir lock should). */
  migrate?: boolean;
  /** No checkpoint inside this connection's commits (a latency spike); the sync thread runs them instead. */
  manualCheckpoints?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw ClewFailure.fromSystem(e, `cannot open database ${file}`);
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // WAL + NORMAL survives a process crash; the index can be rebuilt from the repo anyway.
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = ${options.readonly ? -32000 : -65536}`);
    db.pragma('temp_store = MEMORY');
    if (options.manualCheckpoints) db.pragma('wal_autocheckpoint = 0');
    // After a checkpoint the WAL file is cut back to this size instead of staying at its peak.
    if (!options.readonly) db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw new ClewFailure('DB_TOO_NEW', `database ${file} was written by a newer Clew (schema ${version}, this build knows up to ${LATEST_VERSION}); upgrade Clew or use another --data-dir`);
    }
    if (options.migrate) migrate(db);
    else if (version < LATEST_VERSION) throw new ClewFailure('UNAVAILABLE', `database ${file} is not initialised yet (schema ${version}); run \`clew index\` first`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
