// The bulk load of a first index: which indexes it builds after the rows (exactly as the schema declares them), when it
// starts (a repo's first index, while the database holds few other files), that settling it is idempotent and happens at the next start after a kill, and that
// the reads which used to name two of those indexes still seek them when present and still answer when absent.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../electron/db/connection.js';
import { OCCURRENCE_PAGE_SQL } from '../../../electron/db/read/nav/navRows.js';
import { BULK_MAX_OTHER_FILES, DEFERRED_INDEXES, missingIndexes, settleBulkLoad, startBulkLoad } from '../../../electron/db/bulkLoad.js';
import { FULL_TEXT_TABLES } from '../../../electron/db/fullTextTables.js';
import { NOTE_SYMBOL_SQL } from '../../../electron/db/write/notes.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function freshDb(): { file: string; db: Database.Database } {
  const data = tempDir('clew-bulkload-');
  dirs.push(data);
  const file = join(data.path, 'clew.db');
  return { file, db: openMigrated(file) };
}

const automerge = (db: Database.Database): Array<number | undefined> =>
  FULL_TEXT_TABLES.map((t) => db.prepare<[], number>(`SELECT v FROM ${t}_config WHERE k = 'automerge'`).pluck().get());

const plan = (db: Database.Database, sql: string, params: unknown): string =>
  db.prepare<[unknown], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(params).map((r) => r.detail).join(' | ');

/** A repo with one file, one symbol and one occurrence row. */
function seed(db: Database.Database): void {
  db.prepare("INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0)").run();
  db.prepare("INSERT INTO files(id, repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (1, 1, 'a.py', 'python', 1, 0, 'h', 1, 0)").run();
  db.prepare(`INSERT INTO symbols(repo_id, file_id, fqn, kind, name, start_line, end_line, signature, modifiers, body_hash, fqn_key)
    VALUES (1, 1, 'a.handle', 'function', 'handle', 1, 2, 'def handle()', '[]', 'b', fqn_key('a.handle'))`).run();
  db.prepare("INSERT INTO names(id, name) VALUES (7, 'handle')").run();
  db.prepare("INSERT INTO occurrences(file_id, name_id, places) VALUES (1, 7, x'00')").run();
}

describe('bulk load of a first index', () => {
  it('defers exactly the indexes the schema declares, with the same definitions', () => {
    const { db } = freshDb();
    try {
      const schema = new Map(db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all().map((r) => [r.name, r.sql]));
      for (const [name, sql] of Object.entries(DEFERRED_INDEXES)) expect(schema.get(name), name).toBe(sql);
      expect(missingIndexes(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('starts for a repo without files while others hold few, and settling restores every index and FTS5 merging', () => {
    const { db } = freshDb();
    try {
      expect(startBulkLoad(db, 1)).toBe(true);
      expect(missingIndexes(db).sort()).toEqual(Object.keys(DEFERRED_INDEXES).sort());
      expect(automerge(db)).toEqual([0, 0, 0]);
      // The connection's temporary objects (the writer's TEMP triggers copy notes to notes.db) outlive the settle.
      db.exec('CREATE TEMP TABLE kept_copy(x); CREATE TEMP TRIGGER keeps_copy AFTER INSERT ON kept_copy BEGIN SELECT 1; END;');
      settleBulkLoad(db);
      expect(missingIndexes(db)).toEqual([]);
      expect(automerge(db)).toEqual([4, 4, 4]);
      expect(db.prepare("SELECT name FROM temp.sqlite_master ORDER BY name").pluck().all()).toEqual(['keeps_copy', 'kept_copy']);
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      // Idempotent: nothing left to do writes nothing.
      const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
      const before = changes.get();
      settleBulkLoad(db);
      expect(changes.get()).toBe(before);

      // Not for a repo that has files; still for another repo while the others hold few.
      seed(db);
      expect(startBulkLoad(db, 1)).toBe(false);
      expect(missingIndexes(db)).toEqual([]);
      expect(automerge(db)).toEqual([4, 4, 4]);
      expect(startBulkLoad(db, 2)).toBe(true);
      settleBulkLoad(db);
      const file = db.prepare("INSERT INTO files(repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (1, ?, NULL, 1, 0, 'h', 1, 0)");
      for (let i = 1; i < BULK_MAX_OTHER_FILES; i++) file.run(`f${i}.txt`);
      expect(startBulkLoad(db, 2)).toBe(false);
      expect(missingIndexes(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('is settled by the next start after a kill left it open', () => {
    const { file, db } = freshDb();
    expect(startBulkLoad(db, 1)).toBe(true);
    seed(db);
    db.close();
    migrateDatabase(file);
    const again = new Database(file, { readonly: true });
    try {
      expect(missingIndexes(again)).toEqual([]);
      expect(automerge(again)).toEqual([4, 4, 4]);
      expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      again.close();
    }
  });

  it('keeps the reads that seek the deferred indexes on them when present, and answering when absent', () => {
    const { db } = freshDb();
    try {
      seed(db);
      const key = { fqn: 'a.handle' };
      expect(plan(db, OCCURRENCE_PAGE_SQL.replaceAll('?', '1'), [])).toContain('USING INDEX occurrences_name_file (name_id=? AND file_id>?)');
      expect(plan(db, NOTE_SYMBOL_SQL, key)).toContain('USING INDEX symbols_repo_fqn_key (repo_id=? AND fqn_key=?)');
      const page = db.prepare(OCCURRENCE_PAGE_SQL).raw(true);
      const notes = db.prepare(NOTE_SYMBOL_SQL);
      const withIndexes = [page.all(7, 0, 1, 10), notes.all(key)];
      expect(withIndexes[0]).toHaveLength(1);
      expect(withIndexes[1]).toHaveLength(1);

      // As during a first index: the indexes dropped (startBulkLoad refuses a database with files, so drop them here).
      for (const name of Object.keys(DEFERRED_INDEXES)) db.exec(`DROP INDEX ${name}`);
      expect([db.prepare(OCCURRENCE_PAGE_SQL).raw(true).all(7, 0, 1, 10), db.prepare(NOTE_SYMBOL_SQL).all(key)]).toEqual(withIndexes);
    } finally {
      db.close();
    }
  });
});
