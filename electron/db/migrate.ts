// Runs append-only migrations, each in its own transaction, recording user_version. clew.db and
// notes.db each have their own numbered list (migrations/, notesMigrations/) and the same rules.
import type Database from 'better-sqlite3';
import { ClewFailure } from '../base/failure.js';
import { registerFqnKey } from './fqnKey.js';
import { type Migration, MIGRATIONS } from './migrations/index.js';

export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations past the file's user_version; returns the version it is at now. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  const current = schemaVersion(db);
  registerFqnKey(db);
  for (const [index, migration] of migrations.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    if (migration.rebuildsTables) rebuildTables(db, migration, version);
    else {
      db.transaction(() => {
        db.exec(migration.sql);
        db.pragma(`user_version = ${version}`);
      }).immediate();
    }
  }
  return migrations.length;
}

/**
 * SQLite's way to change a table's constraints: a new table, the rows copied, the old one dropped, the new one renamed.
 * Foreign keys are off meanwhile (the drop would otherwise cascade into every row that refers to the old table; the
 * pragma is a no-op inside a transaction), and checked before the commit.
 */
function rebuildTables(db: Database.Database, migration: Migration, version: number): void {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec(migration.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new ClewFailure('INTERNAL', `migration ${version} (${migration.name}) left ${broken.length} broken references`);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
