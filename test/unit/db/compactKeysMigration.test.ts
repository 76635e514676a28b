// Migration 017: symbols are found by FQN through an 8-byte key, and no index holds the FQN itself. The table is rebuilt
// without cascading into the rows that refer to it: symbols, their units, word rows, entry points and notes all stay,
// no vector is tombstoned, and the cascades and the word-row trigger work again afterwards. The word index's rows are
// named by their symbol (rowid = 2 × id) or chunk (rowid = 2 × id + 1): word_units goes, the index starts empty and every file is
// read again (its stat and hash forgotten).
import { describe, expect, it } from 'vitest';
import { fqnKey } from '../../../electron/db/fqnKey.js';
import { migrate } from '../../../electron/db/migrate.js';
import { MIGRATIONS } from '../../../electron/db/migrations/index.js';
import { symbolFqnIs } from '../../../electron/db/read/symbolKeys.js';
import { databaseBefore } from '../../helpers/db.js';

const count = (db: ReturnType<typeof databaseBefore>, table: string): number =>
  db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? -1;

describe('migration 017 (compact keys)', () => {
  it('keys symbols by an 8-byte FQN key, drops the FQN indexes and keeps every row that refers to a symbol', () => {
    const db = databaseBefore('compact keys');
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (1, 1, 'a.go', 'go', 1, 0, 'h', 9, 0);
      INSERT INTO symbols(id, repo_id, file_id, parent_id, fqn, kind, name, start_line, end_line, signature, modifiers, body_hash) VALUES
        (1, 1, 1, NULL, 'pkg:a.T', 'struct', 'T', 1, 9, 'type T struct', '[]', 'b1'), (2, 1, 1, 1, 'pkg:a.T.x', 'field', 'x', 2, 2, 'x int', '[]', 'b2');
      INSERT INTO symbols_fts(rowid, words) VALUES (1, 't'), (2, 'x');
      INSERT INTO entry_points(repo_id, file_id, symbol_id, kind, framework, line) VALUES (1, 1, 1, 'main', 'go', 1);
      INSERT INTO notes(id, repo_id, fqn, text, created_at, updated_at) VALUES (1, 1, 'pkg:a.T.x', 'a note', 0, 0);
      INSERT INTO text_units(repo_id, kind, symbol_id, vector_id, text, content_hash) VALUES (1, 'symbol', 1, 'v1', '', 'c1'), (1, 'symbol', 2, 'v2', '', 'c2');
      INSERT INTO text_units(repo_id, kind, note_id, vector_id, text, content_hash) VALUES (1, 'note', 1, 'v3', 'a note', 'c3');
      INSERT INTO chunks(id, file_id, start_line, text) VALUES (7, 1, 1, 'type T struct { x int }');
      INSERT INTO word_units(id, file_id, symbol_id) VALUES (1, 1, 1), (2, 1, 2);
      INSERT INTO word_units(id, file_id, chunk_id) VALUES (3, 1, 7);
      INSERT INTO words_fts(rowid, names, signature, doc, path, body) VALUES (1, 't', '', '', 'a go', ''), (2, 'x', '', '', 'a go', ''), (3, '', '', '', 'a go', 'type t struct x int');`);
    migrate(db, MIGRATIONS);

    expect([count(db, 'symbols'), count(db, 'text_units'), count(db, 'chunks'), count(db, 'entry_points'), count(db, 'notes')]).toEqual([2, 3, 1, 1, 1]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'word_units'").get()).toBeUndefined();
    expect(count(db, 'words_fts')).toBe(0);
    expect(db.prepare('SELECT mtime_ms, content_hash FROM files').get()).toEqual({ mtime_ms: -1, content_hash: '' });
    expect(count(db, 'vector_outbox')).toBe(0);
    expect(db.prepare('SELECT symbol_id FROM entry_points').pluck().get()).toBe(1);
    const keys = db.prepare<[], { fqn: string; key: bigint }>('SELECT fqn, fqn_key AS key FROM symbols ORDER BY id').safeIntegers().all();
    expect(keys).toEqual([{ fqn: 'pkg:a.T', key: fqnKey('pkg:a.T') }, { fqn: 'pkg:a.T.x', key: fqnKey('pkg:a.T.x') }]);

    // No index on symbols holds the FQN any more; a lookup by FQN seeks the key.
    const indexes = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'symbols'").pluck().all();
    const indexed = indexes.flatMap((name) => db.prepare<[], string>(`SELECT name FROM pragma_index_info('${name}')`).pluck().all());
    expect(indexed).not.toContain('fqn');
    expect(indexes).toEqual(expect.arrayContaining(['symbols_repo_fqn_key', 'symbols_file_lines', 'symbols_file_name', 'symbols_name', 'symbols_parent']));
    const byFqn = `SELECT s.id FROM symbols s WHERE s.repo_id = @repo AND ${symbolFqnIs('s', '@fqn')}`;
    expect(db.prepare(byFqn).pluck().get({ repo: 1, fqn: 'pkg:a.T.x' })).toBe(2);
    const plan = db.prepare<[{ repo: number; fqn: string }], { detail: string }>(`EXPLAIN QUERY PLAN ${byFqn}`).all({ repo: 1, fqn: 'x' });
    expect(plan.map((p) => p.detail).join(' ')).toContain('symbols_repo_fqn_key (repo_id=? AND fqn_key=?)');

    // Foreign keys are on again, and every cascade into and out of the rebuilt table still runs.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.exec(`INSERT INTO words_fts(rowid, names, signature, doc, path, body) VALUES (2, 't', '', '', 'a go', ''), (4, 'x', '', '', 'a go', ''), (15, '', '', '', 'a go', 'type t struct x int');`);
    db.exec('DELETE FROM chunks WHERE id = 7');
    expect(db.prepare('SELECT rowid FROM words_fts ORDER BY rowid').pluck().all()).toEqual([2, 4]);
    db.exec('DELETE FROM symbols WHERE id = 1');
    expect([count(db, 'symbols'), count(db, 'words_fts'), count(db, 'symbols_fts')]).toEqual([0, 0, 0]);
    expect(db.prepare('SELECT symbol_id FROM entry_points').pluck().get()).toBeNull();
    expect(db.prepare('SELECT vector_id FROM vector_outbox ORDER BY vector_id').pluck().all()).toEqual(['v1', 'v2']);
    expect(count(db, 'notes')).toBe(1);
    db.close();
  });
});
