// Rows an older analysis wrote are re-derived: a full run re-reads every file of a repo whose stored analysis
// version is not the current one, even files whose content did not change; then it writes nothing again.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_VERSION } from '../../electron/engine/analysisVersion.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

describe('the analysis version', () => {
  const repo = tempDir('clew-analysis-repo-');
  const data = tempDir('clew-analysis-data-');
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('re-reads an unchanged repo once when its rows come from an older analysis, and only then', async () => {
    writeTree(repo.path, smallTree(12));
    const file = join(data.path, 'clew.db');
    const db = openMigrated(file);
    const run = () => indexRepo(db, repo.path, { embedderId: 'test', progressIntervalMs: 0 });
    try {
      const first = await run();
      expect(first.changed).toBe(12);
      const reader = new Database(file, { readonly: true });
      expect(reader.prepare('SELECT analysis_version FROM repos').pluck().get()).toBe(ANALYSIS_VERSION);
      reader.close();
      expect((await run()).changed).toBe(0);

      // As a repo indexed by an older Clew looks after the upgrade's migration.
      db.prepare('UPDATE repos SET analysis_version = ?').run(ANALYSIS_VERSION - 1);
      const upgraded = await run();
      expect(upgraded.changed).toBe(12);
      expect(upgraded.files).toBe(12);
      expect((await run()).changed).toBe(0);
    } finally {
      db.close();
    }
  });
});
