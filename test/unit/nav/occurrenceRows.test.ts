// The batched occurrence writer on a real SQLite file: full batches and a shorter last one land row for
// row, enclosing symbols and qualifiers map to ids, and a rewrite replaces the file's rows and imports.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OccurrenceRows } from '../../../electron/db/write/occurrenceRows.js';
import type { FileOccurrences } from '../../../electron/base/fileAnalysis.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

describe('OccurrenceRows', () => {
  const dir = tempDir('clew-occ-rows-');
  afterAll(() => dir.cleanup());

  it('writes 300 rows (two full batches and a tail) and replaces them on a rewrite', () => {
    const db = openMigrated(join(dir.path, 'clew.db'));
    // Only the occurrence tables are under test: no repo and file rows to point at.
    db.pragma('foreign_keys = OFF');
    const names = new Map<string, number>();
    const nameId = (name: string): number => {
      let id = names.get(name);
      if (id === undefined) names.set(name, (id = names.size + 1));
      db.prepare('INSERT OR IGNORE INTO names(id, name) VALUES (?, ?)').run(id, name);
      return id;
    };
    const rows: number[] = [];
    for (let i = 0; i < 300; i++) rows.push(i + 1, 5, i % 3, i % 5, i % 2 === 0 ? 0 : -1, i % 7 === 0 ? 2 : -1);
    const occ: FileOccurrences = { names: ['alpha', 'beta', 'self'], rows, imports: [{ local: 'beta', imported: null, source: './beta', line: 1 }] };
    const writer = new OccurrenceRows(db);
    db.transaction(() => writer.replace(7, occ, [42], nameId))();
    const stored = db.prepare<[number], { line: number; col: number; name: string; role: number; symbol: number | null; qualifier: string | null }>(
      `SELECT o.line, o.col, n.name, o.role, o.symbol_id AS symbol, q.name AS qualifier FROM occurrences o JOIN names n ON n.id = o.name_id
       LEFT JOIN names q ON q.id = o.qualifier_id WHERE o.file_id = ? ORDER BY o.line`).all(7);
    expect(stored).toHaveLength(300);
    expect(stored[0]).toEqual({ line: 1, col: 5, name: 'alpha', role: 0, symbol: 42, qualifier: 'self' });
    expect(stored[299]).toEqual({ line: 300, col: 5, name: 'self', role: 4, symbol: null, qualifier: null });
    expect(stored.filter((r) => r.qualifier === 'self')).toHaveLength(43);
    expect(db.prepare('SELECT count(*) AS n FROM imports WHERE file_id = 7').get()).toEqual({ n: 1 });
    db.transaction(() => writer.replace(7, { names: ['gamma'], rows: [9, 1, 0, 1, -1, -1], imports: [] }, [], nameId))();
    expect(db.prepare('SELECT line, col FROM occurrences WHERE file_id = 7').all()).toEqual([{ line: 9, col: 1 }]);
    expect(db.prepare('SELECT count(*) AS n FROM imports WHERE file_id = 7').get()).toEqual({ n: 0 });
    db.close();
  });
});
