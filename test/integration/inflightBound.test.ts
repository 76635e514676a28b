// A run hands the parse workers no more bytes of files than the writer's bound allows (each prepared file holds
// several times its bytes in the writer's heap until it is written), and still indexes every file.
// Real parse worker threads, a real SQLite file.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexRepo } from '../../electron/engine/indexer.js';
import { inflightBytesLimit } from '../../electron/engine/fileWriter.js';
import { ParsePool } from '../../electron/engine/parsePool.js';
import type { Prepared, PrepareRequest } from '../../electron/engine/prepareFile.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

/** The real pool, recording the bytes of the files it holds at once. */
class MeasuredPool extends ParsePool {
  holding = 0;
  most = 0;

  override async prepare(request: PrepareRequest): Promise<Prepared> {
    const bytes = statSync(request.absPath).size;
    this.holding += bytes;
    this.most = Math.max(this.most, this.holding);
    try {
      return await super.prepare(request);
    } finally {
      this.holding -= bytes;
    }
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('files in flight to the parse workers', () => {
  it('stay within the byte bound on a tree of large files, and every file is indexed', async () => {
    const FILE_BYTES = 600 * 1024;
    const line = 'a line of plain text that repeats to make a large file\n';
    const text = line.repeat(Math.ceil(FILE_BYTES / line.length));
    const repo = tempDir('clew-inflight-repo-');
    cleanups.push(repo.cleanup);
    writeTree(repo.path, Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`docs/big${i}.txt`, `${i}\n${text}`])));
    const pool = new MeasuredPool(1);
    cleanups.push(() => pool.close());
    const data = tempDir('clew-inflight-data-');
    cleanups.push(data.cleanup);
    const db = openMigrated(join(data.path, 'clew.db'));
    cleanups.push(() => { db.close(); });
    const report = await indexRepo(db, repo.path, { embedderId: 'test', parsePool: pool });
    expect(report.changed).toBe(24);
    expect(pool.prepared).toBe(24);
    // One worker: 4 MiB in flight (24 MiB before: all 14 MiB of this tree at once). The bound may be passed by
    // the one file that starts a new stretch, never by more.
    expect(inflightBytesLimit(1)).toBe(4 * 1024 * 1024);
    expect(pool.most).toBeLessThanOrEqual(4 * 1024 * 1024 + FILE_BYTES + 16);
    expect(pool.most).toBeGreaterThan(FILE_BYTES);
  });
});
