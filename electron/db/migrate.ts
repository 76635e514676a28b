// Runs append-only migrations, each in its own transaction, recording user_version. clew.db and
// notes.db each have their own numbered list (migrations/, notesMigrations/) and the same rules.
import type Database from 'better-sqlite3';
import { type Migration, MIGRATIONS } from './migrations/index.js';

export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations past the file's user_version; returns the version it is at now. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  const current = schemaVersion(db);
  for (const [index, migration] of migrations.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return migrations.length;
}
