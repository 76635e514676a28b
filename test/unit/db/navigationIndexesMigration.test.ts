// Migration 012: the references scan's lookups (a name's definitions in one file, a file's symbols of one
// name) are seeks on indexes by name, file and role, not reads of every use of the name in the file; the
// old name-only index, a prefix of the new one, is gone. Rows written before the migration are found after it.
import { describe, expect, it } from 'vitest';
import type { ReadDb } from '../../../electron/db/connection.js';
import { migrate } from '../../../electron/db/migrate.js';
import { MIGRATIONS } from '../../../electron/db/migrations/index.js';
import { NavRows } from '../../../electron/db/read/nav/navRows.js';
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
    migrate(db, MIGRATIONS);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('occurrences', 'symbols')").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['occurrences_name_file_role', 'symbols_file_name']));
    expect(indexes).not.toContain('occurrences_name');
    // The read statements name these indexes: they could not even be prepared without the migration.
    const rows = new NavRows(db as unknown as ReadDb);
    expect(rows.fileDefinitionsNamed(1, 'df').map((o) => [o.line, o.col, o.role])).toEqual([[2, 5, 0], [7, 5, 0]]);
    expect(rows.occurrencesNamedInFile(1, 'df').map((o) => o.line)).toEqual([2, 3, 7, 8]);
    const scanned = [...rows.occurrenceBatchesNamed(1, rows.nameId('dtype')!, 10)].flatMap((b) => b.rows);
    expect(scanned.map(([, line, col, , , qualifier]) => [line, col, qualifier === null ? null : rows.nameById(qualifier)])).toEqual([[3, 8, 'df']]);
    // Exact names only: the symbols column folds case, the answer does not.
    expect(rows.fileSymbolsNamed(1, 'f').map((s) => s.fqn)).toEqual(['a.f']);
    db.close();
  });
});
