// Reading a data directory's clew.db straight from a test, on a read connection closed right after.
import { databaseFile } from '../../electron/core/dataDir.js';
import { openRead, type ReadDb } from '../../electron/db/connection.js';

export function readIndex<T>(dataDir: string, read: (db: ReadDb) => T): T {
  const db = openRead(databaseFile(dataDir));
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every indexed file's stored path, sorted. */
export const indexedPaths = (dataDir: string): string[] => readIndex(dataDir, (db) => db.prepare<[], string>('SELECT path FROM files ORDER BY path').pluck().all());
