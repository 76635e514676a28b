// A big first index does not wait for the whole walk: files are parsed and committed while the walk goes
// on, the totals grow as it finds files, and no time left is claimed until they are known.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexProgress } from '../../shared/types.js';
import { IndexStore } from '../../electron/db/write/indexStore.js';
import { type FileSource, writeFiles } from '../../electron/engine/fileWriter.js';
import { RunProgress } from '../../electron/engine/runProgress.js';
import { startRepoWalk, walkRepo } from '../../electron/engine/walk/walker.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('a streamed walk', () => {
  it('walks in steps to the same files as one walk', () => {
    const repo = tempDir('clew-stream-walk-');
    dirs.push(repo);
    writeTree(repo.path, { ...smallTree(40), 'docs/a.md': '# a\n', 'docs/deep/b.md': '# b\n', '.gitignore': 'ignored/\n', 'ignored/x.ts': 'x\n' });
    const walk = startRepoWalk(repo.path);
    const sizes: number[] = [];
    // A zero budget walks one folder per step.
    while (!walk.step(0)) sizes.push(walk.files.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(walk.done).toBe(true);
    const whole = walkRepo(repo.path);
    expect(walk.files.map((f) => f.relPath).sort()).toEqual(whole.files.map((f) => f.relPath));
    expect(walk.result.skipped).toEqual(whole.skipped);
  });

  it('commits the first files before the walk has ended, with growing totals and no time left claimed meanwhile', async () => {
    const repo = tempDir('clew-stream-repo-');
    const data = tempDir('clew-stream-data-');
    dirs.push(repo, data);
    writeTree(repo.path, smallTree(300));
    const all = walkRepo(repo.path).files;
    const dbFile = join(data.path, 'clew.db');
    const db = openMigrated(dbFile);
    const reader = new Database(dbFile, { readonly: true });
    try {
      const committed = (): number => reader.prepare('SELECT count(*) FROM files').pluck().get() as number;
      // A walk that finds its last files only once the first ones are searchable (or after a long wait,
      // which fails the test below): a run that waited for the whole walk before parsing would never see it.
      let found = 100;
      let committedDuringWalk = 0;
      const deadline = performance.now() + 60_000;
      const source: FileSource = {
        get files() { return all.slice(0, found); },
        get done() { return found === all.length; },
        step(): boolean {
          if (found < all.length) {
            committedDuringWalk = committed();
            if (committedDuringWalk > 0 || performance.now() > deadline) found = Math.min(all.length, found + 50);
          }
          return found === all.length;
        },
      };
      const store = new IndexStore(db);
      const repoRow = store.ensureRepo(repo.path, 'k', 'stream');
      const events: IndexProgress[] = [];
      const progress = new RunProgress(repo.path, (p) => events.push(p), 0);
      const outcome = await writeFiles({
        store, repo: repoRow, embedderId: 'hash-v1', parseWorkers: 1, progress, issues: [], skip: () => undefined,
      }, source, new Map());

      expect(committedDuringWalk).toBeGreaterThan(0);
      expect(outcome.changed).toBe(300);
      expect(committed()).toBe(300);
      const walking = events.filter((e) => e.phase === 'walking');
      expect(walking.length).toBeGreaterThan(0);
      expect(walking.every((e) => e.etaSeconds === null)).toBe(true);
      // Files were done while the walk went on, and the total grew with it, never shrinking.
      expect(walking.some((e) => e.filesDone > 0)).toBe(true);
      const totals = events.map((e) => e.filesTotal);
      expect(totals.every((t, i) => i === 0 || t >= (totals[i - 1] ?? 0))).toBe(true);
      expect(totals[0]).toBeLessThan(300);
      expect(totals.at(-1)).toBe(300);
    } finally {
      reader.close();
      db.close();
    }
  }, 120_000);
});
