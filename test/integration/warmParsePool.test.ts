// The engine's parse workers are kept warm between runs: a run given the pool prepares every file there
// (a one-file watched pass too, so nothing is parsed on the writer thread) and starts no workers of its
// own; a worker that grew large or prepared many files is replaced, and the index is the same as without.
// Real worker threads, real SQLite files.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexPaths, indexRepo } from '../../electron/engine/indexer.js';
import { DEFAULT_RECYCLE, EngineParsePool, ParsePool } from '../../electron/engine/parsePool.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { indexSnapshot } from '../helpers/indexSnapshot.js';
import { smallTree } from '../helpers/smallTree.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function repoOf(files: number): string {
  const repo = tempDir('clew-warm-repo-');
  cleanups.push(repo.cleanup);
  writeTree(repo.path, smallTree(files));
  return repo.path;
}

/** Indexes `repo` into a fresh clew.db (with `pool` when given) and returns that file. */
async function indexed(repo: string, pool?: ParsePool): Promise<string> {
  const data = tempDir('clew-warm-data-');
  cleanups.push(data.cleanup);
  const file = join(data.path, 'clew.db');
  const db = openMigrated(file);
  try {
    const report = await indexRepo(db, repo, { embedderId: 'test', parseWorkers: 1, ...(pool ? { parsePool: pool } : {}) });
    expect(report.changed).toBeGreaterThan(0);
  } finally {
    db.close();
  }
  return file;
}

function poolOf(size: number, limits?: ConstructorParameters<typeof ParsePool>[1], idle?: ConstructorParameters<typeof ParsePool>[2]): ParsePool {
  const pool = new ParsePool(size, limits, idle);
  cleanups.push(() => pool.close());
  return pool;
}

describe('the warm parse pool', () => {
  it('prepares every file of a run, a one-file run too, and a second run reuses its workers', async () => {
    const repo = repoOf(100);
    const pool = poolOf(2);
    const data = tempDir('clew-warm-data-');
    cleanups.push(data.cleanup);
    const db = openMigrated(join(data.path, 'clew.db'));
    cleanups.push(() => { db.close(); });
    const first = await indexRepo(db, repo, { embedderId: 'test', parsePool: pool });
    expect(first.changed).toBe(100);
    expect(pool.prepared).toBe(100);
    // A watched pass of one file: prepared by a warm worker, not inline on the writer.
    appendFileSync(join(repo, 'pkg1/mod1.py'), '\n\ndef added_later():\n    return 1\n');
    const one = await indexPaths(db, repo, ['pkg1/mod1.py'], { embedderId: 'test', parsePool: pool });
    expect(one.changed).toBe(1);
    expect(pool.prepared).toBe(101);
    appendFileSync(join(repo, 'pkg2/mod2.py'), '\n\ndef added_again():\n    return 2\n');
    const again = await indexRepo(db, repo, { embedderId: 'test', parsePool: pool });
    expect(again.changed).toBe(1);
    expect(pool.prepared).toBe(102);
    // The same two workers all along: none started for a run, none replaced.
    expect(pool.spawned).toBe(2);
  });

  it('replaces a worker after its file limit, and the index equals one made without the pool', async () => {
    const repo = repoOf(90);
    const pool = poolOf(1, { heapBytes: Number.MAX_SAFE_INTEGER, files: 10 });
    const recycled = await indexed(repo, pool);
    expect(pool.prepared).toBe(90);
    expect(pool.spawned).toBeGreaterThan(1);
    expect(indexSnapshot(recycled)).toEqual(indexSnapshot(await indexed(repo)));
  });

  it('replaces a worker whose tree-sitter heap passed the limit', async () => {
    const repo = repoOf(70);
    // The heap starts at 32 MiB: every answer is over this limit.
    const pool = poolOf(1, { heapBytes: 16 * 1024 * 1024, files: Number.MAX_SAFE_INTEGER });
    const recycled = await indexed(repo, pool);
    expect(pool.spawned).toBeGreaterThan(1);
    expect(indexSnapshot(recycled)).toEqual(indexSnapshot(await indexed(repo)));
  });

  it('starts no workers in the engine until a run needs them, then keeps the same ones', async () => {
    const engine = new EngineParsePool(1);
    cleanups.push(() => engine.close());
    expect(engine.started).toBe(false);
    const repo = repoOf(20);
    const data = tempDir('clew-warm-data-');
    cleanups.push(data.cleanup);
    const db = openMigrated(join(data.path, 'clew.db'));
    cleanups.push(() => { db.close(); });
    await indexRepo(db, repo, { embedderId: 'test', parsePool: engine.get() });
    expect(engine.started).toBe(true);
    expect(engine.get().prepared).toBe(20);
    expect(engine.get().spawned).toBe(1);
  });

  it('shrinks to one fresh worker when idle after a big run, keeps it for a one-file pass, and grows back for a big run', async () => {
    const repo = repoOf(80);
    const pool = poolOf(2, DEFAULT_RECYCLE, { afterMs: 300, keep: 1, renewAfterFiles: 50 });
    const data = tempDir('clew-warm-data-');
    cleanups.push(data.cleanup);
    const db = openMigrated(join(data.path, 'clew.db'));
    cleanups.push(() => { db.close(); });
    await indexRepo(db, repo, { embedderId: 'test', parsePool: pool });
    expect(pool.workers).toBe(2);
    expect(pool.spawned).toBe(2);
    await vi.waitFor(() => expect(pool.released).toBe(1), { timeout: 10_000, interval: 50 });
    // The second worker ended; the kept one prepared 80 files (≥ 50) and was replaced by a fresh one.
    expect(pool.workers).toBe(1);
    expect(pool.spawned).toBe(3);
    // A watched save: the one worker prepares it, the pool does not grow.
    appendFileSync(join(repo, 'pkg1/mod1.py'), '\n\ndef added_later():\n    return 1\n');
    expect((await indexPaths(db, repo, ['pkg1/mod1.py'], { embedderId: 'test', parsePool: pool })).changed).toBe(1);
    expect(pool.workers).toBe(1);
    expect(pool.spawned).toBe(3);
    // Quiet again after one file: fewer than 50 since it shrank, so the kept worker stays as it is.
    await vi.waitFor(() => expect(pool.released).toBe(2), { timeout: 10_000, interval: 50 });
    expect(pool.spawned).toBe(3);
    // A big run keeps the one worker busy: the pool grows back to its size, and the index is as without the pool.
    const other = repoOf(60);
    const file = await indexed(other, pool);
    expect(pool.workers).toBe(2);
    expect(pool.spawned).toBe(4);
    expect(indexSnapshot(file)).toEqual(indexSnapshot(await indexed(other)));
  });
});
