// A run that fails midway still ends its progress ('done'), so no search goes on saying the repo is
// being indexed. The failure here is real: the write connection closes under the run.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexRuns, withRunsUnderWay } from '../../electron/core/indexRuns.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import type { IndexPhase } from '../../shared/types.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

describe('a failed index run', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempDir('clew-repo-');
    data = tempDir('clew-data-');
    writeTree(repo.path, smallTree(30));
  });
  afterEach(() => {
    repo.cleanup();
    data.cleanup();
  });

  it('ends its progress, and searches stop saying the repo is indexing', async () => {
    const db = openMigrated(join(data.path, 'clew.db'));
    const runs = new IndexRuns();
    const phases: IndexPhase[] = [];
    const run = indexRepo(db, repo.path, {
      embedderId: 'test', progressIntervalMs: 0,
      onProgress: (p) => {
        phases.push(p.phase);
        runs.progressed(p);
        if (p.phase === 'parsing' && db.open) db.close();
      },
    });
    await expect(run).rejects.toThrow();
    expect(phases).toContain('parsing');
    expect(phases.at(-1)).toBe('done');
    expect(runs.underWay()).toEqual([]);
    expect(withRunsUnderWay({ query: 'x' }, { results: [], tookMs: 0 }, runs.underWay()).indexing).toBeUndefined();
  });
});
