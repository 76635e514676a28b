// Fault: the Clew process is SIGKILLed during a first index, while it runs as a bulk load (deferred indexes absent,
// FTS5 merging off). The next run finds a sound database, builds what the load deferred, and completes the index.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { missingIndexes } from '../../electron/db/bulkLoad.js';
import { FULL_TEXT_TABLES } from '../../electron/db/fullTextTables.js';
import { CLI } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const FILES = 3000;

/** Files committed so far and deferred indexes missing, read beside the writer; null before the schema exists. */
function peek(file: string): { files: number; missing: number } | null {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true });
    try {
      return { files: db.prepare<[], number>('SELECT count(*) FROM files').pluck().get() ?? 0, missing: missingIndexes(db).length };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

describe('Clew killed during a first index (bulk load)', () => {
  it('leaves a sound database that the next run completes, with every index built', async () => {
    const data = tempDir('clew-fault-bulk-');
    const repo = tempDir('clew-fault-bulk-repo-');
    writeTree(repo.path, smallTree(FILES));
    const file = join(data.path, 'clew.db');
    const args = [CLI, '--data-dir', data.path, '--no-sync', 'index', repo.path];
    try {
      const child = spawn(process.execPath, args, { stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let seen: { files: number; missing: number } | null = null;
      const started = Date.now();
      while (Date.now() - started < 60_000 && child.exitCode === null) {
        seen = peek(file);
        if (seen && seen.files > 0 && seen.files < FILES && seen.missing > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      child.kill('SIGKILL');
      expect(await exited).toBeNull();
      // Killed mid-load: some files committed, the deferred indexes not built yet.
      expect(seen?.missing).toBe(11);
      expect(seen?.files).toBeGreaterThan(0);
      expect(seen?.files).toBeLessThan(FILES);

      const again = spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect(again.status, again.stderr).toBe(0);
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(missingIndexes(db)).toEqual([]);
        for (const table of FULL_TEXT_TABLES) expect(db.prepare(`SELECT v FROM ${table}_config WHERE k = 'automerge'`).pluck().get()).toBe(4);
        expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(FILES);
      } finally {
        db.close();
      }
      const found = spawnSync(process.execPath, [CLI, '--data-dir', data.path, '--json', 'search', '--mode', 'symbol', 'compute_2999_v1'], { encoding: 'utf8' });
      expect(found.status, found.stderr).toBe(0);
      expect(found.stdout).toContain('compute_2999_v1');
    } finally {
      data.cleanup();
      repo.cleanup();
    }
  });
});
