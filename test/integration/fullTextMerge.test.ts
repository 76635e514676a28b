// A large index run leaves each full-text index in one segment (FTS5 leaves a many-batch run in several, which
// every search then reads); a small run does not pay for a merge, and a merged index answers as before.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexPaths, indexRepo, MERGE_AFTER_FILES } from '../../electron/engine/indexer.js';
import { fullTextSegments, mergeFullTextIndexes } from '../../electron/db/write/fullTextMerge.js';
import { needleExpression } from '../../electron/db/read/trigrams.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

describe('full-text index merge', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempDir('clew-merge-repo-');
    data = tempDir('clew-merge-data-');
  });
  afterEach(() => {
    repo.cleanup();
    data.cleanup();
  });

  it('merges after a large run, not after a small one', async () => {
    writeTree(repo.path, smallTree(MERGE_AFTER_FILES + 100));
    const db = openMigrated(join(data.path, 'clew.db'));
    try {
      const report = await indexRepo(db, repo.path, { embedderId: 'test', parseWorkers: 1 });
      expect(report.changed).toBeGreaterThanOrEqual(MERGE_AFTER_FILES);
      for (const table of ['chunks_fts', 'words_fts', 'symbols_fts'] as const) expect(fullTextSegments(db, table)).toBe(1);

      // Three changed files add segments and leave them there: a merge would rewrite the whole index for them.
      for (const rel of ['pkg1/mod1.py', 'pkg2/mod2.py', 'pkg4/mod4.py']) writeFileSync(join(repo.path, rel), 'def changed_here():\n    return 1\n');
      const small = await indexPaths(db, repo.path, ['pkg1/mod1.py', 'pkg2/mod2.py', 'pkg4/mod4.py'], { embedderId: 'test', parseWorkers: 1 });
      expect(small.changed).toBe(3);
      expect(fullTextSegments(db, 'chunks_fts')).toBeGreaterThan(1);
    } finally {
      db.close();
    }
  });

  it('answers the same matches, ranked the same, from the merged index', async () => {
    writeTree(repo.path, smallTree(300));
    const file = join(data.path, 'clew.db');
    const db = openMigrated(file);
    const reader = new Database(file, { readonly: true });
    const matches = (): unknown[] => [
      ...reader.prepare("SELECT rowid, bm25(chunks_fts) AS r FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY r, rowid").all(needleExpression('compute')),
      ...reader.prepare("SELECT rowid, bm25(words_fts) AS r FROM words_fts WHERE words_fts MATCH 'store OR item' ORDER BY r, rowid").all(),
    ];
    try {
      // Runs below the threshold, one batch each: several segments to merge.
      const tree = smallTree(300);
      const paths = Object.keys(tree);
      for (let i = 0; i < paths.length; i += 50) await indexPaths(db, repo.path, paths.slice(i, i + 50), { embedderId: 'test', parseWorkers: 1 });
      expect(fullTextSegments(db, 'chunks_fts')).toBeGreaterThan(1);
      const before = matches();
      expect(before.length).toBeGreaterThan(100);
      mergeFullTextIndexes(db);
      expect(fullTextSegments(db, 'chunks_fts')).toBe(1);
      expect(fullTextSegments(db, 'words_fts')).toBe(1);
      expect(matches()).toEqual(before);
    } finally {
      reader.close();
      db.close();
    }
  });
});
