// A new clew.db uses 16 KiB pages: file chunks (2–8 KB rows) pack into them with little waste, where 4 KiB pages left
// a third of the chunk table unused. A file created before keeps its page size and works as before.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../electron/db/connection.js';
import { LATEST_VERSION } from '../../electron/db/migrate.js';
import { PAGE_SIZE } from '../../electron/db/pageSize.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

/** Files whose 80-line chunks are 2–3 KB each, like source code's (text files: no grammar to wait for). */
function sourceTree(files: number): Record<string, string> {
  const line = (f: number, i: number): string => `  r${i} = f${(f * 31 + i) % 997}(p, ${i % 7})`;
  return Object.fromEntries(Array.from({ length: files }, (_, f) => [`data/table_${f}.txt`, `${Array.from({ length: 400 }, (_, i) => line(f, i)).join('\n')}\n`]));
}

describe('page size of clew.db', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempDir('clew-page-repo-');
    data = tempDir('clew-page-data-');
  });
  afterEach(() => {
    repo.cleanup();
    data.cleanup();
  });

  it('stores file chunks in little more than their text', async () => {
    writeTree(repo.path, sourceTree(120));
    const db = openMigrated(join(data.path, 'clew.db'));
    try {
      expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
      await indexRepo(db, repo.path, { embedderId: 'test', parseWorkers: 1 });
      const text = db.prepare<[], number>('SELECT sum(length(CAST(text AS BLOB))) FROM chunks').pluck().get() ?? 0;
      const stored = db.prepare<[], number>("SELECT sum(pgsize) FROM dbstat WHERE name = 'chunks'").pluck().get() ?? 0;
      expect(text).toBeGreaterThan(500_000);
      // With 4 KiB pages this tree took 1.3×.
      expect(stored / text).toBeLessThan(1.15);
    } finally {
      db.close();
    }
  });

  it('keeps the page size of a file created before', () => {
    const file = join(data.path, 'clew.db');
    // An existing file that is not empty: its pages stay as they are.
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.exec('CREATE TABLE kept_before(x)');
    old.close();
    expect(migrateDatabase(file)).toBe(LATEST_VERSION);
    const db = new Database(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    db.close();
  });
});
