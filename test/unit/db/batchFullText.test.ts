// A write batch's full-text rows are written after all its files' other rows, in rowid order: one segment per index
// per batch (a chunk insert's trigger, or a rowid lower than the one before, made FTS5 write a segment each time), and
// the indexes still hold exactly the rows of the chunks and symbols stored, also when a file is written twice in one
// batch or a write repeats a symbol's FQN.
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

const goFile = (i: number, marker: string): string =>
  `package p\n\n// Handler${i} answers ${marker}.\nfunc Handler${i}(x int) int {\n\treturn x + ${i} // ${marker}\n}\n\ntype Store${i} struct{ n int }\n`;

describe('full-text rows written with their batch', () => {
  it('adds one segment per index for a batch of many files, and every index holds exactly the stored rows', async () => {
    const repo = tempDir('clew-batchfts-repo-');
    const data = tempDir('clew-batchfts-data-');
    dirs.push(repo, data);
    const tree: Record<string, string> = {};
    for (let i = 0; i < 30; i++) tree[`f${i}.go`] = goFile(i, `firstmarker${i}z`);
    tree['twice.py'] = 'def handle(x):\n    return "one"\n\n\ndef handle(x):\n    return "two"\n';
    writeTree(repo.path, tree);
    const file = join(data.path, 'clew.db');
    const db = openMigrated(file);
    try {
      const store = new IndexStore(db);
      const row = store.ensureRepo(repo.path, 'k', 'r');
      // Without FTS5's own merging, each segment written stays to be counted.
      for (const table of ['chunks_fts', 'words_fts', 'symbols_fts']) db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('automerge', 0)`).run();
      const writes = await Promise.all(Object.keys(tree).map((p) => preparedWrite(repo.path, p)));
      // The parsers number a repeated FQN (`#2`); a write that repeats one anyway rewrites the first symbol's row.
      const twice = writes.find((w) => w.relPath === 'twice.py')?.analysis?.symbols;
      if (!twice?.[0] || !twice[1]) throw new Error('twice.py: expected two symbols');
      twice[1] = { ...twice[1], fqn: twice[0].fqn };
      store.writeBatch(row, [], writes);
      const segments = (table: string): number => db.prepare<[], number>(`SELECT count(DISTINCT segid) FROM ${table}_idx`).pluck().get() ?? 0;
      expect([segments('chunks_fts'), segments('words_fts'), segments('symbols_fts')]).toEqual([1, 1, 1]);

      // f0.go written twice in one batch (the second write deletes the first's rows), f1.go changed.
      writeTree(repo.path, { 'f0.go': goFile(0, 'secondmarker0z') });
      const second = await preparedWrite(repo.path, 'f0.go');
      writeTree(repo.path, { 'f0.go': goFile(0, 'thirdmarker0z'), 'f1.go': goFile(1, 'secondmarker1z') });
      store.writeBatch(row, [], [second, await preparedWrite(repo.path, 'f0.go'), await preparedWrite(repo.path, 'f1.go')]);

      // A batch that fails on its second file rolls back: the first file's held rows must not reach the next batch.
      writeTree(repo.path, { 'f2.go': goFile(2, 'rolledback2z'), 'f3.go': goFile(3, 'secondmarker3z') });
      await rolledBackBatch(store, row, repo.path, 'f2.go', 'f3.go');
      store.writeBatch(row, [], [await preparedWrite(repo.path, 'f3.go')]);
    } finally {
      db.close();
    }

    const check = new Database(file, { readonly: true });
    try {
      expectRowsOfStoredUnits(check);
      const trigramHits = (needle: string): number => hits(check, needle);
      expect([trigramHits('firstmarker0z'), trigramHits('secondmarker0z'), trigramHits('thirdmarker0z')]).toEqual([0, 0, 1]);
      expect([trigramHits('firstmarker1z'), trigramHits('secondmarker1z'), trigramHits('firstmarker29z')]).toEqual([0, 1, 1]);
      expect([trigramHits('firstmarker2z'), trigramHits('rolledback2z'), trigramHits('secondmarker3z')]).toEqual([1, 0, 1]);
      expect(check.prepare<[], number>("SELECT count(*) FROM symbols WHERE name = 'handle'").pluck().get()).toBe(1);
    } finally {
      check.close();
    }
    // Each index agrees with what it indexes (the trigram one with the chunk text).
    expectFullTextIntegrity(file);
  });
});
