// A references scan reads a name's occurrences a page at a time, file by file in place order: every row exactly
// once across page boundaries (a page that ends inside a file, a file bigger than a page), only the repo's files,
// and a cap that cuts the scan marks the file it cuts as incomplete.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRead } from '../../../electron/db/connection.js';
import { NavRows, type ScannedRow } from '../../../electron/db/read/nav/navRows.js';
import { type PackedPlace, packPlaces } from '../../../electron/db/occurrencePlaces.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir } from '../../helpers/fixtures.js';

/** Occurrences of `x` per file id (files 1–4 in repo 1, file 5 in repo 2): more than 2,048 in all, file 2 alone more than that. */
const COUNTS: Record<number, number> = { 1: 1500, 2: 3000, 3: 700, 4: 1, 5: 50 };

describe('references scan batches', () => {
  const dir = tempDir('nav-scan-');
  afterAll(() => dir.cleanup());
  const file = join(dir.path, 'clew.db');
  const w = openMigrated(file);
  w.exec(`INSERT INTO repos(id, key, path, name, added_at) VALUES (1, 'k1', '/r1', 'r1', 0), (2, 'k2', '/r2', 'r2', 0);
    INSERT INTO names(id, name) VALUES (1, 'x'), (2, 'q');`);
  const addFile = w.prepare("INSERT INTO files(id, repo_id, path, language, size, mtime_ms, content_hash, line_count, lossy) VALUES (?, ?, ?, 'python', 1, 0, 'h', 9, 0)");
  const addOcc = w.prepare('INSERT INTO occurrences(file_id, name_id, places) VALUES (?, 1, ?)');
  w.transaction(() => {
    // Files written out of order: the scan gives file order.
    for (const [id, count] of Object.entries(COUNTS).reverse()) {
      addFile.run(Number(id), Number(id) === 5 ? 2 : 1, `f${id}.py`);
      const places = Array.from({ length: count }, (_, i): PackedPlace => [1 + Math.floor(i / 10), 1 + (i % 10) * 4, i % 7 === 0 ? 0 : 1, null, i % 3 === 0 ? 2 : null]);
      addOcc.run(Number(id), packPlaces(places));
    }
  })();
  w.close();
  const rows = new NavRows(openRead(file));

  const scan = (cap: number): Array<{ fileId: number; rows: ScannedRow[]; complete: boolean }> => [...rows.occurrenceBatchesNamed(1, rows.nameId('x')!, cap)];

  it('gives each file of the repo once, whole, in place order, across pages', () => {
    const batches = scan(50_000);
    expect(batches.map((b) => [b.fileId, b.rows.length, b.complete])).toEqual([[1, 1500, true], [2, 3000, true], [3, 700, true], [4, 1, true]]);
    for (const b of batches) {
      const places = b.rows.map(([, line, col]) => line * 1000 + col);
      expect(places).toEqual([...places].sort((a, c) => a - c));
      expect(new Set(places).size).toBe(places.length);
    }
    expect(batches[0]!.rows[0]).toEqual([1, 1, 1, 0, null, 2]);
  });

  it('stops at the cap and marks the file it cuts as incomplete', () => {
    expect(scan(2000).map((b) => [b.fileId, b.rows.length, b.complete])).toEqual([[1, 1500, true], [2, 500, false]]);
    expect(scan(1500).map((b) => [b.fileId, b.rows.length, b.complete])).toEqual([[1, 1500, false]]);
    expect(scan(5201).map((b) => [b.fileId, b.rows.length, b.complete])).toEqual([[1, 1500, true], [2, 3000, true], [3, 700, true], [4, 1, false]]);
  });

  it('keeps names by id across requests, but not a name missing yet: one interned later is found', () => {
    expect(rows.nameById(2)).toBe('q');
    expect(rows.nameId('q')).toBe(2);
    expect(rows.nameId('later')).toBeUndefined();
    const writer = openMigrated(file);
    writer.exec("INSERT INTO names(id, name) VALUES (3, 'later')");
    writer.close();
    expect(rows.nameId('later')).toBe(3);
    expect(rows.nameById(3)).toBe('later');
  });

  it('reads no further than the caller takes', () => {
    const it = rows.occurrenceBatchesNamed(1, rows.nameId('x')!, 50_000);
    expect(it.next().value?.fileId).toBe(1);
    it.return(undefined);
    expect(rows.nameId('missing')).toBeUndefined();
  });
});
