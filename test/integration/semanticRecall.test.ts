// Semantic recall through the real Backend, sync thread and Chroma sidecar: on a 15k-vector index, each
// newly saved symbol whose name matches nothing else is the top semantic hit for its own name. With
// Chroma's default HNSW graph about 1 such vector in 4 was unreachable for a top-10 query.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { generateCorpus } from '../bench/corpus.js';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir } from '../helpers/fixtures.js';

const NEW_SYMBOLS = 30;

describe('semantic recall of freshly saved symbols', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  let backend: Backend;

  beforeAll(async () => {
    repo = tempDir('clew-recall-repo-');
    data = tempDir('clew-recall-data-');
    generateCorpus(repo.path, 800, 700);
    backend = openWriter(data.path, { vectors: { mode: 'sidecar' } });
    await call(backend, 'repo:index', { path: repo.path });
    expect((await call(backend, 'sync:wait', { timeoutMs: 300_000 })).drained).toBe(true);
  }, 600_000);
  afterAll(async () => {
    await backend.close();
    repo.cleanup();
    data.cleanup();
  });

  it('finds every new, unlike-anything-else symbol as the top hit for its name, one save at a time', async () => {
    expect((await call(backend, 'status:get', {})).sync.synced).toBeGreaterThan(14_000);
    const ranks: Record<string, number> = {};
    for (let i = 0; i < NEW_SYMBOLS; i++) {
      const name = `zebrafinch${i}quokka${7919 * (i + 1)}_handler`;
      const rel = `python/recall_${i}.py`;
      writeFileSync(join(repo.path, rel), `def ${name}(event):\n    """Routes the event."""\n    return event\n`);
      await call(backend, 'repo:index', { path: repo.path });
      expect((await call(backend, 'sync:wait', { timeoutMs: 60_000 })).drained).toBe(true);
      const hits = (await call(backend, 'search:query', { query: name, mode: 'semantic', limit: 10 })).results;
      ranks[name] = hits.findIndex((h) => h.path === rel);
    }
    expect(ranks).toEqual(Object.fromEntries(Object.keys(ranks).map((name) => [name, 0])));
  }, 300_000);
});
