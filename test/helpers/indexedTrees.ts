// A describe block's index, set up once: trees written to temp repos and indexed, in order, by one writer Backend
// on a temp data dir, opened before the block's tests and closed (and every folder removed) after them.
import { afterAll, beforeAll } from 'vitest';
import type { Backend, BackendOptions } from '../../electron/core/backend.js';
import { call, openWriter } from './backend.js';
import { tempDir, writeTree } from './fixtures.js';

type TempDir = ReturnType<typeof tempDir>;

export interface IndexedTrees {
  /** Set in beforeAll: read it inside tests, not while the block is collected. */
  readonly backend: Backend;
  /** One temp repo per tree, in the order given; `repo` is the first. */
  repos: TempDir[];
  repo: TempDir;
  data: TempDir;
}

export function useIndexedTrees(prefix: string, trees: ReadonlyArray<Record<string, string | Buffer>>, options: { timeoutMs?: number; backend?: Partial<BackendOptions> } = {}): IndexedTrees {
  const repos = trees.map((_, i) => tempDir(`${prefix}-repo${i}-`));
  const data = tempDir(`${prefix}-data-`);
  let backend: Backend | null = null;
  beforeAll(async () => {
    trees.forEach((tree, i) => writeTree(repos[i]!.path, tree));
    backend = openWriter(data.path, options.backend);
    for (const repo of repos) await call(backend, 'repo:index', { path: repo.path });
  }, options.timeoutMs);
  afterAll(async () => {
    await backend?.close();
    [...repos, data].forEach((d) => d.cleanup());
  });
  return {
    get backend(): Backend {
      if (!backend) throw new Error('the index is opened in beforeAll: read backend inside a test');
      return backend;
    },
    repos,
    repo: repos[0]!,
    data,
  };
}
