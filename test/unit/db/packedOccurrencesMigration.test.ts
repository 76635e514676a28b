// Migration 015: occurrence rows of the old layout (a row per place) are dropped, the table becomes one row per
// (file, name) with packed places keyed by file then name, found by name through its index; deleting a file
// still takes its rows along.
import { describe, expect, it } from 'vitest';
import type { ReadDb } from '../../../electron/db/connection.js';
import { migrate } from '../../../electron/db/migrate.js';
import { MIGRATIONS } from '../../../electron/db/migrations/index.js';
import { NavRows } from '../../../electron/db/read/nav/navRows.js';
import { packPlaces } from '../../../electron/db/occurrencePlaces.js';
import { databaseBefore } from '../../helpers/db.js';

describe('migration 015 (packed occurrences)', () => {
  it('drops the per-place rows and stores packed places per file and name', () => {
    const db = databaseBefore('packed occurrences');
    db.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (1, 1, 'a.py', 'python', 1, 0, 'h', 9, 0);
      INSERT INTO names(id, name) VALUES (1, 'df');
      INSERT INTO occurrences(file_id, line, col, name_id, role, symbol_id, qualifier_id) VALUES (1, 2, 5, 1, 0, NULL, NULL), (1, 3, 5, 1, 1, NULL, NULL);`);
    migrate(db, MIGRATIONS);
    const columns = db.prepare("SELECT name FROM pragma_table_info('occurrences')").pluck().all();
    expect(columns).toEqual(['file_id', 'name_id', 'places']);
    expect(db.prepare('SELECT count(*) FROM occurrences').pluck().get()).toBe(0);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'occurrences' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toEqual(['occurrences_name_file']);
    db.prepare('INSERT INTO occurrences(file_id, name_id, places) VALUES (1, 1, ?)').run(packPlaces([[2, 5, 0, null, null], [3, 5, 1, null, null]]));
    // A second row for the same file and name breaks the key.
    expect(() => db.prepare('INSERT INTO occurrences(file_id, name_id, places) VALUES (1, 1, ?)').run(packPlaces([]))).toThrow(/UNIQUE|PRIMARY KEY/);
    const rows = new NavRows(db as unknown as ReadDb);
    expect(rows.occurrencesNamedInFile(1, 'df').map((o) => [o.line, o.col, o.role])).toEqual([[2, 5, 0], [3, 5, 1]]);
    db.exec('DELETE FROM files WHERE id = 1');
    expect(db.prepare('SELECT count(*) FROM occurrences').pluck().get()).toBe(0);
    db.close();
  });
});
