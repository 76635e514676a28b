// A migrated write connection in one call, as the engine's writer has after the Backend migrated the file.
import { migrateDatabase, openWrite, type WriteDb } from '../../electron/db/connection.js';

export function openMigrated(file: string): WriteDb {
  migrateDatabase(file);
  return openWrite(file);
}
