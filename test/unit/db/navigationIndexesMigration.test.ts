// Migration 012: the references scan's lookups (a name's definitions in one file, a file's symbols of one
// name) are seeks on indexes by name, file and role, not reads of every use of the name in the file; the
// old name-only index, a prefix of the new one, is gone. Rows written before the migration are found after it
// (through the indexes, by SQL: migration 015 later replaced these rows by packed ones, and the readers with them).
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate.js';
import { MIGRATIONS } from '../../../electron/db/migrations/index.js';
import { databaseBefore } from '../../helpers/db.js';

describe('migration 012 (navigation indexes)', () => {
  it('replaces the name index by one on name, file and role, adds one on file and name, and keeps every row reachable', () => {
    const db = databaseBefore('navigation indexes');
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (1, 1, 'a.py', 'python', 1, 0, 'h', 9, 0);
      INSERT INTO symbols(id, repo_id, file_id, fqn, kind, name, start_line, end_line, signature, modifiers, body_hash) VALUES
        (1, 1, 1, 'a.f', 'function', 'f', 1, 9, 'def f()', '[]', 'b'), (2, 1, 1, 'a.F', 'class', 'F', 1, 1, 'class F', '[]', 'c');
      INSERT INTO names(id, name) VALUES (1, 'df'), (2, 'dtype'), (3, 'f');
      -- df defined on lines 2 and 7, used on 3 and 8; its member dtype used on 3.
      INSERT INTO occurrences(file_id, line, col, name_id, role, symbol_id, qualifier_id) VALUES
        (1, 7, 5, 1, 0, 1, NULL), (1, 2, 5, 1, 0, 1, NULL), (1, 3, 5, 1, 1, 1, NULL), (1, 3, 8, 2, 1, 1, 1), (1, 8, 1, 1, 1, 1, NULL), (1, 1, 5, 3, 0, NULL, NULL);`);
    migrate(db, MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === 'navigation indexes') + 1));
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('occurrences', 'symbols')").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['occurrences_name_file_role', 'symbols_file_name']));
    expect(indexes).not.toContain('occurrences_name');
    // The statements name these indexes: they could not even be prepared without the migration.
    const definitions = db.prepare<[number, string], { line: number; col: number; role: number }>(
      `SELECT o.line, o.col, o.role FROM names n JOIN occurrences o INDEXED BY occurrences_name_file_role ON o.name_id = n.id
       WHERE o.file_id = ? AND n.name = ? AND o.role = 0 ORDER BY o.line, o.col`).all(1, 'df');
    expect(definitions.map((o) => [o.line, o.col, o.role])).toEqual([[2, 5, 0], [7, 5, 0]]);
    const uses = db.prepare<[number], number>('SELECT o.line FROM occurrences o INDEXED BY occurrences_name_file_role WHERE o.name_id = ? ORDER BY o.line').pluck().all(1);
    expect(uses).toEqual([2, 3, 7, 8]);
    const symbols = db.prepare<[number, string], string>('SELECT fqn FROM symbols INDEXED BY symbols_file_name WHERE file_id = ? AND name = ?').pluck().all(1, 'f');
    // The symbols column folds case: both match, a reader keeps the exact name.
    expect(symbols.sort()).toEqual(['a.F', 'a.f']);
    db.close();
  });
});
