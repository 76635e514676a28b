// The occurrence writer on a real SQLite file: a row per name the file uses, its places packed in place order;
// more names than one INSERT holds land too, enclosing symbols and qualifiers map to ids, a second row at a
// place already taken is dropped (the first wins), and a rewrite replaces the file's rows and imports.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OccurrenceRows } from '../../../electron/db/write/occurrenceRows.js';
import { unpackPlaces } from '../../../electron/db/occurrencePlaces.js';
import type { FileOccurrences } from '../../../electron/base/fileAnalysis.js';
import type { WriteDb } from '../../../electron/db/connection.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

interface Place { line: number; col: number; name: string; role: number; symbol: number | null; qualifier: string | null }

/** A file's places, unpacked from its rows, in place order. */
function stored(db: WriteDb, fileId: number): Place[] {
  const nameOf = db.prepare<[number], string>('SELECT name FROM names WHERE id = ?').pluck();
  const rows = db.prepare<[number], { name: string; places: Buffer }>(
    'SELECT n.name, o.places FROM occurrences o JOIN names n ON n.id = o.name_id WHERE o.file_id = ?').all(fileId);
  return rows
    .flatMap((r) => unpackPlaces(r.places).map(([line, col, role, symbol, q]) => ({ line, col, name: r.name, role, symbol, qualifier: q === null ? null : nameOf.get(q)! })))
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

describe('OccurrenceRows', () => {
  const dir = tempDir('clew-occ-rows-');
  afterAll(() => dir.cleanup());

  it('writes 300 places of 3 names and 200 one-place names (two INSERTs), and replaces them on a rewrite', () => {
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
    const many = Array.from({ length: 200 }, (_, i) => `n${i}`);
    for (let i = 0; i < many.length; i++) rows.push(400 + i, 200 + i, 3 + i, 2, 0, -1);
    const occ: FileOccurrences = { names: ['alpha', 'beta', 'self', ...many], rows: Int32Array.from(rows), imports: [{ local: 'beta', imported: null, source: './beta', line: 1 }] };
    const writer = new OccurrenceRows(db);
    db.transaction(() => writer.replace(7, occ, [42], nameId))();
    expect(db.prepare('SELECT count(*) AS n FROM occurrences WHERE file_id = 7').get()).toEqual({ n: 203 });
    const places = stored(db, 7);
    expect(places).toHaveLength(500);
    expect(places[0]).toEqual({ line: 1, col: 5, name: 'alpha', role: 0, symbol: 42, qualifier: 'self' });
    expect(places[299]).toEqual({ line: 300, col: 5, name: 'self', role: 4, symbol: null, qualifier: null });
    expect(places[499]).toEqual({ line: 599, col: 399, name: 'n199', role: 2, symbol: 42, qualifier: null });
    expect(places.filter((r) => r.qualifier === 'self')).toHaveLength(43);
    expect(db.prepare('SELECT count(*) AS n FROM imports WHERE file_id = 7').get()).toEqual({ n: 1 });
    db.transaction(() => writer.replace(7, { names: ['gamma'], rows: Int32Array.of(9, 1, 0, 1, -1, -1), imports: [] }, [], nameId))();
    expect(stored(db, 7).map((p) => [p.line, p.col, p.name])).toEqual([[9, 1, 'gamma']]);
    expect(db.prepare('SELECT count(*) AS n FROM imports WHERE file_id = 7').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps the first row at a place and drops the others, as the old (file, line, col) key did', () => {
    const db = openMigrated(join(dir.path, 'dupes.db'));
    db.pragma('foreign_keys = OFF');
    const ids = new Map<string, number>();
    const nameId = (name: string): number => {
      const id = ids.get(name) ?? ids.size + 1;
      ids.set(name, id);
      db.prepare('INSERT OR IGNORE INTO names(id, name) VALUES (?, ?)').run(id, name);
      return id;
    };
    // Three rows at 2:3 (names a, b, a) and one at 2:9.
    const occ: FileOccurrences = { names: ['a', 'b'], rows: Int32Array.of(2, 3, 0, 2, -1, -1, 2, 3, 1, 1, -1, -1, 2, 3, 0, 4, -1, -1, 2, 9, 1, 1, -1, -1), imports: [] };
    db.transaction(() => new OccurrenceRows(db).replace(1, occ, [], nameId))();
    expect(stored(db, 1).map((p) => [p.line, p.col, p.name, p.role])).toEqual([[2, 3, 'a', 2], [2, 9, 'b', 1]]);
    db.close();
  });
});
