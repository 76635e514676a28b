// The index writer keeps the WAL near its bound during a long run of batches: with the writers' own checkpoints off
// (as the engine opens its connection), nothing else starts the WAL over while batches are committed back to back.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openWrite } from '../../../electron/db/connection.js';
import { IndexStore } from '../../../electron/db/write/indexStore.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';
import { preparedWrite } from '../../helpers/preparedWrites.js';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

const goFile = (i: number): string =>
  `package p\n\n// Handler${i} answers request ${i}.\nfunc Handler${i}(x int) int {\n\treturn x + ${i}\n}\n\n`.repeat(8);

/** Writes 40 batches of 5 files with the given bound; the largest WAL file seen after a batch. */
async function largestWal(boundBytes: number): Promise<number> {
  const repo = tempDir('clew-walbound-repo-');
  const data = tempDir('clew-walbound-data-');
  dirs.push(repo, data);
  const tree: Record<string, string> = {};
  for (let i = 0; i < 200; i++) tree[`f${i}.go`] = goFile(i);
  writeTree(repo.path, tree);
  const file = join(data.path, 'clew.db');
  migrateDatabase(file);
  const db = openWrite(file, { manualCheckpoints: true });
  try {
    const store = new IndexStore(db, boundBytes);
    const row = store.ensureRepo(repo.path, 'k', 'r');
    const writes = await Promise.all(Object.keys(tree).map((p) => preparedWrite(repo.path, p)));
    let largest = 0;
    for (let i = 0; i < writes.length; i += 5) {
      store.writeBatch(row, [], writes.slice(i, i + 5));
      largest = Math.max(largest, statSync(`${file}-wal`).size);
    }
    return largest;
  } finally {
    db.close();
  }
}

describe('the WAL during a long run of batches', () => {
  it('stays near the bound: the writer checkpoints after a batch that left it past the bound, and the next batch starts it over', async () => {
    const bound = 256 * 1024;
    // A batch of these five files writes well under 1 MiB of pages; the 40 batches write several times that.
    expect(await largestWal(bound)).toBeLessThan(bound + 1024 * 1024);
    expect(await largestWal(Number.MAX_SAFE_INTEGER)).toBeGreaterThan(4 * (bound + 1024 * 1024));
  });
});
