// A batch that rewrites already-indexed files removes their old full-text rows together with the batch's new ones:
// each index gains one segment per batch (deletes issued file by file made FTS5 write a segment of deletes per file),
// and every index still holds exactly the rows of the chunks and symbols stored, also when a file is written twice
// in one batch or a batch rolls back.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexStore } from '../../../electron/db/write/indexStore.js';
import { openMigrated } from '../../helpers/db.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';
import { preparedWrite, rolledBackBatch } from '../../helpers/preparedWrites.js';
import { expectFullTextIntegrity, expectRowsOfStoredUnits, trigramHits as hits } from '../../helpers/fullTextRows.js';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

const FILES = 20;
const TABLES = ['chunks_fts', 'words_fts', 'symbols_fts'] as const;

/** Version 1 holds Handler, Store and a class with a method; version 2 rewrites Handler, drops Store and the class, adds Extra. */
const pyFile = (i: number, version: 1 | 2, marker: string): string =>
  version === 1
    ? `def handler${i}(x):\n    return x + ${i}  # ${marker}\n\n\ndef store${i}():\n    return "${marker}"\n\n\nclass Gone${i}:\n    def method${i}(self):\n        return ${i}\n`
    : `def handler${i}(x):\n    return x * ${i}  # ${marker}\n\n\ndef extra${i}():\n    return "${marker}"\n`;

const paths = Array.from({ length: FILES }, (_, i) => `m${i}.py`);

/** The files at version 1 (markers `<marker><i>z`), written in one batch with FTS5's own merging off, so each segment
 * written afterwards stays to be counted. */
async function indexedTree(marker: string) {
  const repo = tempDir('clew-batchdel-repo-');
  const data = tempDir('clew-batchdel-data-');
  dirs.push(repo, data);
  writeTree(repo.path, Object.fromEntries(paths.map((p, i) => [p, pyFile(i, 1, `${marker}${i}z`)])));
  const file = join(data.path, 'clew.db');
  const db = openMigrated(file);
  const store = new IndexStore(db);
  const row = store.ensureRepo(repo.path, 'k', 'r');
  for (const table of TABLES) db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('automerge', 0)`).run();
  store.writeBatch(row, [], await Promise.all(paths.map((p) => preparedWrite(repo.path, p))));
  const segmentIds = (table: string): number[] => db.prepare<[], number>(`SELECT DISTINCT segid FROM ${table}_idx`).pluck().all();
  return { repo, file, db, store, row, segmentIds };
}

describe('deletes of a batch that rewrites indexed files', () => {
  it('reach each full-text index with the batch, as one segment, and leave exactly the stored rows', async () => {
    const { repo, file, db, store, row, segmentIds } = await indexedTree('oldmarker');
    try {
      const before = TABLES.map((t) => new Set(segmentIds(t)));
      const goneIds = db.prepare<[], number>("SELECT id FROM symbols WHERE name LIKE 'store%' OR name LIKE 'Gone%' OR name LIKE 'method%'").pluck().all();
      expect(goneIds).toHaveLength(FILES * 3);

      // Every file changes: its chunks, a rewritten function, a gone function, a gone class whose method goes with it.
      writeTree(repo.path, Object.fromEntries(paths.map((p, i) => [p, pyFile(i, 2, `newmarker${i}z`)])));
      store.writeBatch(row, [], await Promise.all(paths.map((p) => preparedWrite(repo.path, p))));
      const added = TABLES.map((t, i) => segmentIds(t).filter((id) => !before[i]?.has(id)).length);
      expect(added).toEqual([1, 1, 1]);
      // No gone symbol's id was given to a new symbol.
      expect(db.prepare<[string], number>('SELECT count(*) FROM symbols WHERE id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(goneIds))).toBe(0);

      // m0.py written twice in one batch: the second write replaces the first's rows.
      writeTree(repo.path, { 'm0.py': pyFile(0, 1, 'firstwrite0z') });
      const first = await preparedWrite(repo.path, 'm0.py');
      writeTree(repo.path, { 'm0.py': pyFile(0, 2, 'secondwrite0z'), 'm1.py': pyFile(1, 1, 'again1z') });
      store.writeBatch(row, [], [first, await preparedWrite(repo.path, 'm1.py'), await preparedWrite(repo.path, 'm0.py')]);

      // A batch that fails on its second file rolls back: the first file's held deletes must not reach the next batch.
      writeTree(repo.path, { 'm2.py': pyFile(2, 1, 'rolledback2z'), 'm3.py': pyFile(3, 1, 'again3z') });
      await rolledBackBatch(store, row, repo.path, 'm2.py', 'm3.py');
      store.writeBatch(row, [], [await preparedWrite(repo.path, 'm3.py')]);
    } finally {
      db.close();
    }

    const check = new Database(file, { readonly: true });
    try {
      expectRowsOfStoredUnits(check);
      const trigramHits = (needle: string): number => hits(check, needle);
      const wordHits = (query: string): number => check.prepare<[string], number>('SELECT count(*) FROM words_fts WHERE words_fts MATCH ?').pluck().get(query) ?? 0;
      expect([trigramHits('oldmarker0z'), trigramHits('firstwrite0z'), trigramHits('secondwrite0z')]).toEqual([0, 0, 1]);
      expect([trigramHits('newmarker1z'), trigramHits('again1z'), trigramHits('oldmarker19z'), trigramHits('newmarker19z')]).toEqual([0, 1, 0, 1]);
      expect([trigramHits('newmarker2z'), trigramHits('rolledback2z'), trigramHits('again3z')]).toEqual([1, 0, 1]);
      // Symbol words: the gone ones left both word indexes, the kept and new ones are there once each.
      expect([wordHits('names:store19'), wordHits('names:gone19'), wordHits('names:method19'), wordHits('names:extra19'), wordHits('names:handler19')]).toEqual([0, 0, 0, 1, 1]);
      const symbolHits = (query: string): number => check.prepare<[string], number>('SELECT count(*) FROM symbols_fts WHERE symbols_fts MATCH ?').pluck().get(query) ?? 0;
      expect([symbolHits('store19'), symbolHits('extra19'), symbolHits('store1'), symbolHits('handler1')]).toEqual([0, 1, 1, 1]);
      expect(check.prepare<[], number>("SELECT count(*) FROM symbols WHERE name IN ('store1', 'Gone1', 'method1', 'handler1')").pluck().get()).toBe(4);
    } finally {
      check.close();
    }
    // Each index agrees with what it indexes (the trigram one with the chunk text).
    expectFullTextIntegrity(file);
  });

  it('keep the chunks whose lines are unchanged, unless the file was forgotten (its full-text rows may be missing)', async () => {
    const repo = tempDir('clew-batchdel-repo-');
    const data = tempDir('clew-batchdel-data-');
    dirs.push(repo, data);
    // Three chunks of 80 lines (base/source.ts); the edits keep the line count, so only the middle chunk's text changes.
    const long = (middle: string): string =>
      Array.from({ length: 240 }, (_, i) => (i === 0 ? 'firstpart1z = 1' : i === 120 ? `${middle} = 2` : i === 200 ? 'lastpart3z = 3' : `x${i} = ${i}`)).join('\n') + '\n';
    writeTree(repo.path, { 'long.py': long('middlepartold2z') });
    const file = join(data.path, 'clew.db');
    const db = openMigrated(file);
    const chunkIds = (): number[] => db.prepare<[], number>('SELECT id FROM chunks ORDER BY start_line').pluck().all();
    const trigramHits = (needle: string): number => hits(db, needle);
    const wordRows = (): number[] => db.prepare<[], number>('SELECT rowid FROM words_fts').pluck().all().sort((a, b) => a - b);
    const expectedWordRows = (): number[] => db.prepare<[], number>('SELECT id * 2 FROM symbols UNION ALL SELECT id * 2 + 1 FROM chunks').pluck().all().sort((a, b) => a - b);
    try {
      const store = new IndexStore(db);
      const row = store.ensureRepo(repo.path, 'k', 'r');
      store.writeBatch(row, [], [await preparedWrite(repo.path, 'long.py')]);
      const [first, middle, last] = chunkIds();
      expect(chunkIds()).toHaveLength(3);

      writeTree(repo.path, { 'long.py': long('middlepartnew2z') });
      store.writeBatch(row, [], [await preparedWrite(repo.path, 'long.py')]);
      const kept = chunkIds();
      expect([kept[0], kept[2]]).toEqual([first, last]);
      expect(kept[1]).not.toBe(middle);
      expect([trigramHits('firstpart1z'), trigramHits('middlepartold2z'), trigramHits('middlepartnew2z'), trigramHits('lastpart3z')]).toEqual([1, 0, 1, 1]);
      expect(wordRows()).toEqual(expectedWordRows());

      // As a migration that rebuilds the word index does: its rows gone, every file's hash forgotten. The same text is
      // then written again, and every chunk must get its rows back.
      db.prepare('DELETE FROM words_fts').run();
      db.prepare("UPDATE files SET mtime_ms = -1, content_hash = ''").run();
      store.writeBatch(row, [], [await preparedWrite(repo.path, 'long.py')]);
      expect(chunkIds().filter((id) => kept.includes(id))).toEqual([]);
      expect(wordRows()).toEqual(expectedWordRows());
      expect(db.prepare<[], number>("SELECT count(*) FROM words_fts WHERE words_fts MATCH 'body:lastpart3z'").pluck().get()).toBe(1);
      for (const table of TABLES) expect(() => db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run()).not.toThrow();
    } finally {
      db.close();
    }
  });
  it('removes many files with one statement: one segment of deletes per index, and nothing of theirs left', async () => {
    const { db, store, segmentIds } = await indexedTree('removed');
    try {
      const before = TABLES.map((t) => new Set(segmentIds(t)));
      const fileIds = db.prepare<[], number>('SELECT id FROM files').pluck().all();
      db.transaction(() => store.deleteFiles(fileIds.slice(2)))();
      // The trigram index takes a segment of deletes; the contentless word indexes write their tombstones in place.
      const added = TABLES.map((t, i) => segmentIds(t).filter((id) => !before[i]?.has(id)).length);
      expect(added[0]).toBe(1);
      expect(added.every((n) => n <= 1)).toBe(true);
      const count = (sql: string): number => db.prepare<[], number>(sql).pluck().get() ?? 0;
      expect([count('SELECT count(*) FROM files'), count('SELECT count(DISTINCT file_id) FROM chunks'), count('SELECT count(DISTINCT file_id) FROM symbols')]).toEqual([2, 2, 2]);
      expect(count('SELECT count(*) FROM symbols_fts')).toBe(count('SELECT count(*) FROM symbols'));
      expect([hits(db, 'removed19z'), hits(db, 'removed1z')]).toEqual([0, 1]);
      expect(() => db.prepare("INSERT INTO chunks_fts(chunks_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    } finally {
      db.close();
    }
  });
});
