// Name ids are kept across a run's batches, but only once their batch committed: a batch that rolls
// back must not leave an id that a later batch then writes into occurrences.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../../electron/db/connection.js';
import { IndexStore } from '../../../electron/db/write/indexStore.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';
import { preparedWrite } from '../../helpers/preparedWrites.js';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

/** A repo holding `files` and a migrated clew.db beside it, both removed after the test. */
function repoAndDatabase(files: Record<string, string>): { repo: { path: string }; file: string; db: WriteDb } {
  const repo = tempDir('clew-names-repo-');
  const data = tempDir('clew-names-data-');
  dirs.push(repo, data);
  writeTree(repo.path, files);
  const file = join(data.path, 'clew.db');
  return { repo, file, db: openMigrated(file) };
}

describe('name ids across batches', () => {
  it('reuses committed ids and never an id from a rolled-back batch', async () => {
    const { repo, file, db } = repoAndDatabase({
      'a.go': 'package a\n\nfunc sharedName() int { return 1 }\n',
      'b.go': 'package a\n\nfunc onlyInRolledBack() int { return sharedName() }\n',
      'c.go': 'package a\n\nfunc third() int { return onlyInRolledBack() + sharedName() }\n',
    });
    try {
      const store = new IndexStore(db);
      const row = store.ensureRepo(repo.path, 'k', 'r');
      const write = (relPath: string) => preparedWrite(repo.path, relPath);
      store.writeBatch(row, [], [await write('a.go')]);
      // b.go interns a new name, then the batch fails on a broken file and rolls back.
      const broken = { ...(await write('a.go')), relPath: 'broken.go', symbolRows: [] };
      const b = await write('b.go');
      expect(() => store.writeBatch(row, [], [b, broken])).toThrow(/missing derived row/);
      store.writeBatch(row, [], [await write('c.go')]);

      const check = new Database(file, { readonly: true });
      try {
        // Every occurrence names a stored name, and c.go's uses are the names they say.
        const dangling = check.prepare('SELECT count(*) FROM occurrences o LEFT JOIN names n ON n.id = o.name_id WHERE n.id IS NULL').pluck().get();
        expect(dangling).toBe(0);
        const used = check.prepare("SELECT n.name FROM occurrences o JOIN names n ON n.id = o.name_id JOIN files f ON f.id = o.file_id WHERE f.path = 'c.go'").pluck().all();
        expect(used).toEqual(expect.arrayContaining(['third', 'onlyInRolledBack', 'sharedName']));
        const sharedIds = check.prepare("SELECT DISTINCT o.name_id FROM occurrences o JOIN names n ON n.id = o.name_id WHERE n.name = 'sharedName'").pluck().all();
        expect(sharedIds).toHaveLength(1);
      } finally {
        check.close();
      }
    } finally {
      db.close();
    }
  });

  it('finds stored names and adds new ones in any order, in a new run whose cache is empty', async () => {
    const { repo, db } = repoAndDatabase({
      'a.go': 'package a\n\nfunc alpha() int { return beta() }\n\nfunc beta() int { return 2 }\n',
      // New names first, then stored ones, then new ones again: the writer's guess of which comes next is wrong each time.
      'b.go': 'package a\n\nfunc gamma() int { return delta() + alpha() + beta() + epsilon() }\n\nfunc delta() int { return 4 }\n\nfunc epsilon() int { return 5 }\n',
    });
    try {
      const row = new IndexStore(db).ensureRepo(repo.path, 'k', 'r');
      new IndexStore(db).writeBatch(row, [], [await preparedWrite(repo.path, 'a.go')]);
      const idsBefore = db.prepare('SELECT name, id FROM names').all();
      new IndexStore(db).writeBatch(row, [], [await preparedWrite(repo.path, 'b.go')]);
      new IndexStore(db).writeBatch(row, [], [await preparedWrite(repo.path, 'a.go'), { ...(await preparedWrite(repo.path, 'b.go')), relPath: 'c.go' }]);

      expect(db.prepare('SELECT name, id FROM names WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(idsBefore.map((n) => (n as { id: number }).id)))).toEqual(idsBefore);
      const used = (path: string): string[] => db.prepare<[string], string>(
        'SELECT DISTINCT n.name FROM occurrences o JOIN names n ON n.id = o.name_id JOIN files f ON f.id = o.file_id WHERE f.path = ? ORDER BY n.name').pluck().all(path);
      expect(used('b.go')).toEqual(expect.arrayContaining(['alpha', 'beta', 'delta', 'epsilon', 'gamma']));
      expect(used('c.go')).toEqual(used('b.go'));
      expect(db.prepare('SELECT count(*) FROM occurrences o LEFT JOIN names n ON n.id = o.name_id WHERE n.id IS NULL').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
