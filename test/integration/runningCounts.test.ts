// A first index shows its file, symbol and entry-point counts growing as batches commit, not 0 until it ends.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexRepo } from '../../electron/engine/indexer.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

describe('repo counts during a first index', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  beforeEach(() => {
    repo = tempDir('clew-repo-');
    data = tempDir('clew-data-');
    writeTree(repo.path, smallTree(900));
  });
  afterEach(() => {
    repo.cleanup();
    data.cleanup();
  });

  it('grow with each committed batch and end exact', async () => {
    const file = join(data.path, 'clew.db');
    const db = openMigrated(file);
    const reader = new Database(file, { readonly: true });
    const counts = (): { files: number; symbols: number; entryPoints: number } =>
      reader.prepare('SELECT file_count AS files, symbol_count AS symbols, entry_point_count AS entryPoints FROM repos').get() as { files: number; symbols: number; entryPoints: number };
    const seen: Array<{ done: number; files: number; symbols: number; entryPoints: number; bytesDone: number; bytesTotal: number }> = [];
    try {
      const report = await indexRepo(db, repo.path, {
        embedderId: 'test', progressIntervalMs: 0, parseWorkers: 1,
        // What another connection (the host's status snapshot) reads while the run is under way.
        onProgress: (p) => { if (p.phase === 'parsing') seen.push({ done: p.filesDone, ...counts(), bytesDone: p.bytesDone, bytesTotal: p.bytesTotal }); },
      });
      const midway = seen.filter((s) => s.done < 900);
      // smallTree: every third file is an express module with one route.
      expect(midway.some((s) => s.files > 0 && s.files < 900 && s.symbols > 0 && s.entryPoints > 0)).toBe(true);
      // Never more than the files already prepared, and never shrinking.
      for (const [i, s] of midway.entries()) {
        expect(s.files).toBeLessThanOrEqual(s.done);
        expect(s.files).toBeGreaterThanOrEqual(midway[i - 1]?.files ?? 0);
        expect(s.entryPoints).toBeGreaterThanOrEqual(midway[i - 1]?.entryPoints ?? 0);
        expect(s.entryPoints).toBeLessThanOrEqual(report.entryPoints);
        expect(s.bytesDone).toBeLessThanOrEqual(s.bytesTotal);
      }
      expect(seen.at(-1)?.bytesTotal).toBeGreaterThan(0);
      expect(counts()).toEqual({ files: report.files, symbols: report.symbols, entryPoints: report.entryPoints });
      expect(report.entryPoints).toBe(300);
    } finally {
      reader.close();
      db.close();
    }
  });
});
