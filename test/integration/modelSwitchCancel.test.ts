// Cancelling a re-embed with the real Chroma sidecar: a switch to a (built, BERT-shaped) transformer model is
// cancelled mid-way; it stops within a slice of units rather than at the end of its batch, the previous embedder keeps
// serving, semantic search answers from the old generation, nothing is lost, and the next switch runs normally.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { openRead } from '../../electron/db/connection.js';
import { activeGeneration } from '../../electron/db/read/generations.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import type { ReembedProgress } from '../../shared/models.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { writeBertModel } from '../helpers/tinyModel/bertModel.js';
import { writeTinyStatic } from '../helpers/tinyModel/staticModel.js';
import { SPECIAL_TOKENS } from '../helpers/tinyModel/tokenizerFiles.js';

function activeNow(dataDir: string): ReturnType<typeof activeGeneration> {
  const db = openRead(join(dataDir, 'clew.db'));
  try {
    return activeGeneration(db);
  } finally {
    db.close();
  }
}

function manyFunctions(n: number): string {
  return Array.from({ length: n }, (_, i) => `def parse_config_${i}(raw):\n    return load_json(raw, user_name_${i % 50})\n`).join('\n');
}

const VOCAB = [...SPECIAL_TOKENS, 'def', 'parse', 'config', 'raw', 'return', 'load', 'json', 'user', 'name', '_', '(', ')', ':', ',', ...'0123456789'.split('').map((d) => `##${d}`), ...'0123456789'.split('')];

describe('cancelling a re-embed', () => {
  const repo = tempDir('clew-cancel-switch-repo-');
  const data = tempDir('clew-cancel-switch-data-');
  const models = tempDir('clew-cancel-switch-models-');
  // Large enough that a batch of the fill (500 units) takes seconds: a cancel must not wait for it.
  const bert = join(models.path, 'slow-bert');
  const reembeds: Array<ReembedProgress & { at: number }> = [];
  let backend: Backend;

  const semantic = () => call(backend, 'search:query', { query: 'parse config', mode: 'semantic', limit: 5 });
  const ended = (model: string) => waitFor(`re-embedding for ${model} to end`, () => reembeds.find((r) => r.model === model && r.state !== 'running'), 180_000);

  beforeAll(async () => {
    writeTree(repo.path, { ...SAMPLE_REPO, 'py/many.py': manyFunctions(1500) });
    writeBertModel(bert, { shape: { layers: 4, hidden: 256, heads: 4, intermediate: 1024, maxPositions: 64 }, vocab: VOCAB, weights: 'fp32' });
    writeTinyStatic(join(models.path, 'static'), { dim: 32, extraWords: ['def', 'return', 'raw', 'parse_config'] });
    backend = openWriter(data.path, { vectors: { mode: 'sidecar' } });
    backend.on('models:reembed', (p) => reembeds.push({ ...p, at: Date.now() }));
    await call(backend, 'repo:index', { path: repo.path });
    await waitFor('every row synced with the hash embedder', async () => (await call(backend, 'status:get', {})).sync.pending === 0, 120_000);
    await waitFor('a semantic answer', async () => ((await backend.invoke('search:query', { query: 'parse config', mode: 'semantic', limit: 5 })).ok ? true : null), 60_000);
  }, 180_000);

  afterAll(async () => {
    await backend?.close();
    [repo, data, models].forEach((d) => d.cleanup());
  }, 60_000);

  it('stops mid-batch; the old embedder and generation keep serving with every vector', async () => {
    const before = await call(backend, 'status:get', {});
    const url = before.vectorStore.url!;
    const generation = activeNow(data.path)!;
    const vectorsBefore = await new ChromaStore(url).count(generation.collection);
    expect(vectorsBefore).toBe(before.sync.synced);
    const answerBefore = await semantic();

    await call(backend, 'models:use', { id: 'folder', modelDir: bert, kind: 'transformers' });
    const first = await waitFor('the first batch of the fill', () => reembeds.find((r) => r.model === 'slow-bert' && r.done > 0), 180_000, 20);
    const fillStart = reembeds.find((r) => r.model === 'slow-bert' && r.total > 0)!;
    expect(first.done).toBeLessThan(first.total);
    // While it runs, the old generation answers.
    expect((await semantic()).results.length).toBe(5);

    const cancelAt = Date.now();
    expect(await call(backend, 'models:cancel', { id: 'slow-bert' })).toEqual({ cancelled: true });
    const end = await ended('slow-bert');
    expect(end).toMatchObject({ state: 'cancelled' });
    expect(end.error).toMatch(/cancelled; clew-hash-v1\S* keeps serving/);
    expect(end.done).toBeLessThan(end.total);
    // One batch took `batch` ms; the cancel lands within a slice of it, not at its end.
    const batch = first.at - fillStart.at;
    expect(end.at - cancelAt).toBeLessThan(batch / 2);

    const after = await call(backend, 'status:get', {});
    expect(after.sync.embedder).toBe(before.sync.embedder);
    expect(after.embedderFallback).toBeNull();
    expect(after.sync.pending).toBe(0);
    expect(after.sync.synced).toBe(before.sync.synced);
    expect(activeNow(data.path)).toEqual(generation);
    expect(await new ChromaStore(url).count(generation.collection)).toBe(vectorsBefore);
    expect((await call(backend, 'settings:get', {})).saved.embedder).toEqual({ kind: 'hash' });
    expect((await call(backend, 'models:list', {})).current).toEqual({ kind: 'hash', modelId: null, modelDir: null });
    expect((await semantic()).results.map((h) => [h.path, h.line])).toEqual(answerBefore.results.map((h) => [h.path, h.line]));
    // Writes carry on, embedded by the old embedder.
    expect((await call(backend, 'note:add', { fqn: 'py.app.hello', text: 'written after the cancel' })).state).toBe('current');
    await waitFor('the note synced', async () => (await call(backend, 'status:get', {})).sync.pending === 0, 60_000);
  }, 240_000);

  it('a switch after the cancel runs to the end', async () => {
    await call(backend, 'models:use', { id: 'folder', modelDir: join(models.path, 'static'), kind: 'static' });
    expect(await ended('static')).toMatchObject({ state: 'done', error: null });
    expect((await call(backend, 'status:get', {})).sync.embedder).toMatch(/^static:static:/);
    expect((await semantic()).results.length).toBe(5);
  }, 180_000);
});
