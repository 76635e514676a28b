// clew.db gives back the pages a large run frees (the full-text merge rewrites its indexes and frees the old
// segments), and an existing database is migrated to the trigram index without positions, then compacted once.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, type ReadDb } from '../../electron/db/connection.js';
import { migrate } from '../../electron/db/migrate.js';
import { MIGRATIONS } from '../../electron/db/migrations/index.js';
import { needleExpression } from '../../electron/db/read/trigrams.js';
import { readUnits } from '../../electron/db/read/unitTexts.js';
import { indexRepo, MERGE_AFTER_FILES } from '../../electron/engine/indexer.js';
import { databaseBefore, openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const pragma = (db: Database.Database, name: string): number => db.pragma(name, { simple: true }) as number;

/** A repo, a file and its chunks written as the indexer writes them (since migration 018 the writer, not a trigger, adds a new chunk's trigrams). */
function writeChunks(db: Database.Database, count: number): void {
  db.prepare("INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0)").run();
  db.prepare("INSERT INTO files(id, repo_id, path, size, mtime_ms, content_hash, line_count) VALUES (1, 1, 'a.py', 1, 0, 'h', 1)").run();
  const insert = db.prepare('INSERT INTO chunks(file_id, start_line, text) VALUES (1, ?, ?)');
  const byTrigger = db.prepare<[], number>("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'chunks_ai'").pluck().get() === 1;
  const index = db.prepare('INSERT INTO chunks_fts(rowid, text) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const text = `def handler_${i}(request):\n    return render_${i * 7919}(request, "${'x'.repeat(i % 97)}")\n`.repeat(12);
      const id = insert.run(i * 50 + 1, text).lastInsertRowid;
      if (!byTrigger) index.run(id, text);
    }
  })();
}

describe('free pages and the lean content index', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempDir('clew-free-repo-');
    data = tempDir('clew-free-data-');
  });
  afterEach(() => {
    repo.cleanup();
    data.cleanup();
  });

  it('a large run ends with no free pages in a new clew.db', async () => {
    writeTree(repo.path, smallTree(MERGE_AFTER_FILES + 100));
    const db = openMigrated(join(data.path, 'clew.db'));
    try {
      expect(pragma(db, 'auto_vacuum')).toBe(2);
      await indexRepo(db, repo.path, { embedderId: 'test', parseWorkers: 1 });
      expect(pragma(db, 'freelist_count')).toBe(0);
    } finally {
      db.close();
    }
  });

  it('migration 013 rebuilds the trigram index without positions from the chunks, its delete trigger keeps it current, and units keep their text', () => {
    const db = databaseBefore('lean content index');
    writeChunks(db, 5);
    db.prepare("INSERT INTO text_units(repo_id, kind, file_id, vector_id, start_line, end_line, text, content_hash) VALUES (1, 'chunk', 1, 'v1', 1, 2, 'text in a.py\ndef handler_0(request):', 'h')").run();
    migrate(db, MIGRATIONS);
    // A unit written before keeps its whole text, and readers take it as it is.
    expect(readUnits(db as ReadDb, () => db.prepare<[], { id: number; text: string }>('SELECT id, text FROM text_units').all()).map((u) => u.text))
      .toEqual(['text in a.py\ndef handler_0(request):']);
    const sql = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'chunks_fts'").pluck().get();
    expect(sql).toContain('detail=none');
    const found = (needle: string): number[] => db.prepare<[string], number>('SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rowid').pluck().all(needleExpression(needle));
    expect(found('handler_3(')).toEqual([4]);
    db.prepare('DELETE FROM chunks WHERE id = 4').run();
    expect(found('handler_3(')).toEqual([]);
    // A new chunk's trigrams are added by the writer since migration 018 (db/write/batchFullText.ts).
    db.prepare("INSERT INTO chunks(id, file_id, start_line, text) VALUES (9, 1, 900, 'def handler_3(x): pass')").run();
    db.prepare("INSERT INTO chunks_fts(rowid, text) VALUES (9, 'def handler_3(x): pass')").run();
    expect(found('handler_3(')).toEqual([9]);
    db.close();
  });

  it('a compaction another process blocks is left for a later start: the migration succeeds and keeps every row', () => {
    const file = join(data.path, 'clew.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS);
    writeChunks(old, 2000);
    old.prepare('DELETE FROM chunks WHERE id > 100').run();
    old.close();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(() => migrateDatabase(file)).not.toThrow();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(pragma(db, 'auto_vacuum')).toBe(0);
      expect(db.prepare<[], number>('SELECT count(*) FROM chunks').pluck().get()).toBe(100);
    } finally {
      db.close();
    }
  });

  it('an existing clew.db whose migration frees most of it is compacted once, and answers from the new index', () => {
    const file = join(data.path, 'clew.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(old, MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === 'lean content index')));
    writeChunks(old, 2000);
    old.pragma('wal_checkpoint(TRUNCATE)');
    expect(pragma(old, 'auto_vacuum')).toBe(0);
    old.close();
    const before = statSync(file).size;

    migrateDatabase(file);
    const db = new Database(file);
    try {
      expect(pragma(db, 'auto_vacuum')).toBe(2);
      expect(pragma(db, 'freelist_count')).toBe(0);
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(statSync(file).size).toBeLessThan(before * 0.7);
      expect(db.prepare<[string], number>('SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?').pluck().get(needleExpression('handler_1999('))).toBe(1);
    } finally {
      db.close();
    }
  });
});
