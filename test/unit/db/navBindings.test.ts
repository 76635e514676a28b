// Resolving one name reads only the import rows that can bind it (its own and the file's wildcards), not the
// file's whole import list (pandas test files import about 50 names; a references scan met thousands of files).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRead } from '../../../electron/db/connection.js';
import { NavRows } from '../../../electron/db/read/nav/navRows.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

describe('import bindings of one name', () => {
  const dir = tempDir('nav-bindings-');
  afterAll(() => dir.cleanup());

  it('gives the rows binding the name and the wildcards, in the file order, and tells whether a module is imported from', () => {
    const file = join(dir.path, 'clew.db');
    const w = openMigrated(file);
    w.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k', '/r', 'r', 0);
      INSERT INTO files(id, repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES
        (1, 1, 'a.py', 'python', 1, 0, 'h', 9, 0), (2, 1, 'b.py', 'python', 1, 0, 'h', 9, 0);
      INSERT INTO names(id, name) VALUES (1, 'np'), (2, 'pd'), (3, '*'), (4, 'DataFrame'), (5, 'helper');
      INSERT INTO imports(file_id, local_id, imported_id, source, line) VALUES
        (1, 1, NULL, 'numpy', 1), (1, 3, 3, '.util', 2), (1, 2, NULL, 'pandas', 3), (1, 4, 4, 'pandas', 4), (2, 5, 5, '.util', 1);`);
    w.close();
    const db = openRead(file);
    const rows = new NavRows(db);
    expect(rows.bindings(1, 'pd')).toEqual([{ local: '*', imported: '*', source: '.util', line: 2 }, { local: 'pd', imported: null, source: 'pandas', line: 3 }]);
    expect(rows.bindings(1, 'helper').map((b) => b.local)).toEqual(['*']);
    expect(rows.bindings(2, 'np')).toEqual([]);
    expect(rows.importsFromSource(1, 'pandas')).toBe(true);
    expect(rows.importsFromSource(2, 'pandas')).toBe(false);
    db.close();
  });
});
