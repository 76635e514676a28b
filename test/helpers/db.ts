// A migrated write connection in one call, as the engine's writer has after the Backend migrated the file.
import Database from 'better-sqlite3';
import { migrateDatabase, openWrite, type WriteDb } from '../../electron/db/connection.js';
import { migrate } from '../../electron/db/migrate.js';
import { MIGRATIONS } from '../../electron/db/migrations/index.js';

export function openMigrated(file: string): WriteDb {
  migrateDatabase(file);
  return openWrite(file);
}

/** An in-memory database at the schema just before the named migration (foreign keys on), for a migration's test:
 *  rows are written the old way, then `migrate(db, MIGRATIONS)` applies the rest. */
export function databaseBefore(migrationName: string): Database.Database {
  const before = MIGRATIONS.findIndex((m) => m.name === migrationName);
  if (before < 0) throw new Error(`no migration named ${migrationName}`);
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, before));
  return db;
}
