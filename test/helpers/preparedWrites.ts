// A file prepared by the real per-file code (engine/prepareFile.ts), as the writer takes it: for tests that write
// batches through IndexStore without running the indexer.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FileWrite, IndexStore, RepoRow } from '../../electron/db/write/indexStore.js';
import { prepareFile } from '../../electron/engine/prepareFile.js';

/** `relPath` under `root` prepared (it must be a text file), with a fixed size and mtime. */
export async function preparedWrite(root: string, relPath: string, repoKey = 'k'): Promise<FileWrite> {
  const p = await prepareFile({ absPath: join(root, relPath), relPath, repoKey, embedderId: 'test', previousHash: null });
  if (p.kind !== 'text') throw new Error(`${relPath}: ${p.kind}`);
  return { ...p, relPath, size: 1, mtimeMs: 1 };
}

/** A batch of `first` and then `broken` with its derived rows missing: the writer throws on `broken` and the batch rolls back. */
export async function rolledBackBatch(store: IndexStore, repo: RepoRow, root: string, first: string, broken: string): Promise<void> {
  const writes = [await preparedWrite(root, first), { ...(await preparedWrite(root, broken)), symbolRows: [] }];
  expect(() => store.writeBatch(repo, [], writes)).toThrow(/missing derived row/);
}
