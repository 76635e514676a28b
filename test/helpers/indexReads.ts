// Reading a data directory's clew.db straight from a test, on a read connection closed right after.
import { afterAll, beforeAll } from 'vitest';
import { databaseFile } from '../../electron/core/dataDir.js';
import { openRead, type ReadDb } from '../../electron/db/connection.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { openMigrated } from './db.js';
import { tempDir, writeTree } from './fixtures.js';

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

/** A describe block's tree, indexed once by the engine's indexer into a fresh clew.db (one parse worker), read straight
 * through a read connection opened before the block's tests; everything is removed after them. */
export function useIndexedReader(prefix: string, tree: Record<string, string | Buffer>): { readonly db: ReadDb } {
  const repo = tempDir(`${prefix}-repo-`);
  const data = tempDir(`${prefix}-data-`);
  let reader: ReadDb | null = null;
  beforeAll(async () => {
    writeTree(repo.path, tree);
    const db = openMigrated(databaseFile(data.path));
    try {
      await indexRepo(db, repo.path, { embedderId: 'test', parseWorkers: 1 });
    } finally {
      db.close();
    }
    reader = openRead(databaseFile(data.path));
  });
  afterAll(() => {
    reader?.close();
    repo.cleanup();
    data.cleanup();
  });
  return {
    get db(): ReadDb {
      if (!reader) throw new Error('the index is opened in beforeAll: read db inside a test');
      return reader;
    },
  };
}
