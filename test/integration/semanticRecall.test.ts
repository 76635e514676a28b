// Semantic recall through the real Backend, sync thread and Chroma: a newly saved symbol whose name
// matches nothing else is the top semantic hit for its own name, one save at a time. Chroma's default
// HNSW graph missed about 1 in 4 such vectors on a 15k-vector index; the graph settings and the exact
// pass over recently synced vectors each close part of that gap.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { DEFAULT_EMBEDDER_ID, HASH_DEFAULT_DIMENSION } from '../../electron/vectors/embedders/hashEmbedder.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { collectionMetadata, collectionName } from '../../electron/vectors/generations.js';
import { generateCorpus } from '../bench/corpus.js';
import { call, openWriter } from '../helpers/backend.js';
import { startSidecar } from '../helpers/chroma.js';
import { tempDir } from '../helpers/fixtures.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupAfterEach();

async function indexedCorpus(java: number, python: number, vectors: Parameters<typeof openWriter>[1]): Promise<{ repo: string; backend: Backend }> {
  const repo = tempDir('clew-recall-repo-');
  const data = tempDir('clew-recall-data-');
  cleanups.push(repo.cleanup, data.cleanup);
  generateCorpus(repo.path, java, python);
  const backend = openWriter(data.path, vectors);
  cleanups.push(() => backend.close());
  await call(backend, 'repo:index', { path: repo.path });
  expect((await call(backend, 'sync:wait', { timeoutMs: 300_000 })).drained).toBe(true);
  return { repo: repo.path, backend };
}

/** Saves `count` new symbols unlike anything in the corpus, one at a time; each one's rank for its own name. */
async function ranksOfNewSymbols(backend: Backend, repo: string, count: number): Promise<Record<string, number>> {
  const ranks: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const name = `zebrafinch${i}quokka${7919 * (i + 1)}_handler`;
    const rel = `python/recall_${i}.py`;
    writeFileSync(join(repo, rel), `def ${name}(event):\n    """Routes the event."""\n    return event\n`);
    await call(backend, 'repo:index', { path: repo });
    expect((await call(backend, 'sync:wait', { timeoutMs: 60_000 })).drained).toBe(true);
    const hits = (await call(backend, 'search:query', { query: name, mode: 'semantic', limit: 10 })).results;
    ranks[name] = hits.findIndex((h) => h.path === rel);
  }
  return ranks;
}

const allFirst = (ranks: Record<string, number>): Record<string, number> => Object.fromEntries(Object.keys(ranks).map((name) => [name, 0]));

describe('semantic recall of freshly saved symbols', () => {
  it('on a 15k-vector index, finds every new symbol as the top hit for its name', async () => {
    const { repo, backend } = await indexedCorpus(800, 700, { vectors: { mode: 'sidecar' } });
    expect((await call(backend, 'status:get', {})).sync.synced).toBeGreaterThan(14_000);
    const ranks = await ranksOfNewSymbols(backend, repo, 30);
    expect(ranks).toEqual(allFirst(ranks));
  }, 600_000);

  it('finds them through the exact pass over recent vectors even when the HNSW graph is too sparse to', async () => {
    const data = tempDir('clew-recall-chroma-');
    cleanups.push(data.cleanup);
    const { sidecar, url } = await startSidecar(data.path);
    cleanups.push(() => sidecar.stop());
    // The collection Clew will use, made beforehand with a starved graph (Clew opens it as it is).
    const metadata = { ...collectionMetadata({ generation: 1, embedderId: DEFAULT_EMBEDDER_ID, dimension: HASH_DEFAULT_DIMENSION }), 'hnsw:M': 2, 'hnsw:construction_ef': 2, 'hnsw:search_ef': 2 };
    await new ChromaStore(url).ensureCollection(collectionName(1, DEFAULT_EMBEDDER_ID), metadata);
    const { repo, backend } = await indexedCorpus(300, 200, { vectors: { mode: 'external', url } });
    const ranks = await ranksOfNewSymbols(backend, repo, 10);
    expect(ranks).toEqual(allFirst(ranks));

    // An edited body changes a recent vector in place (same id): its new embedding is scored, not a kept copy.
    const [first] = Object.keys(ranks);
    writeFileSync(join(repo, 'python/recall_0.py'), `def ${first}(event):\n    return pangolin42wombat_value(pangolin42wombat_value)\n`);
    await call(backend, 'repo:index', { path: repo });
    expect((await call(backend, 'sync:wait', { timeoutMs: 60_000 })).drained).toBe(true);
    const hits = (await call(backend, 'search:query', { query: 'pangolin42wombat_value', mode: 'semantic', limit: 10 })).results;
    expect(hits[0]).toMatchObject({ path: 'python/recall_0.py', symbol: `python.recall_0.${first}` });
  }, 600_000);
});
