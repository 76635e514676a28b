// Runs append-only migrations, each in its own transaction, recording user_version.
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';

export const LATEST_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const [index, migration] of MIGRATIONS.entries()) {
    const version = index + 1;
    if (version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return LATEST_VERSION;
}
