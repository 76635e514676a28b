// Choosing a downloaded model with the real Chroma sidecar: the download comes from a local server
// with the hub's layout (the model endpoint setting points at it), every unit is re-embedded into a
// new generation while semantic search keeps answering from the old one, and the new model takes
// over only when it is done; switching back works the same way, and a model that cannot load leaves
// the previous embedder serving with a notice in status.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import type { ModelProgress, ReembedProgress } from '../../shared/models.js';
import { ResultError } from '../../shared/result.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { LocalHub } from '../helpers/localHub.js';
import { writeTinyStatic } from '../helpers/tinyModel/staticModel.js';
import { writeTinyBert } from '../helpers/tinyModel/tinyBert.js';

/** Enough units that re-embedding takes a while, so searches land while it runs. */
function manyFunctions(n: number): string {
  return Array.from({ length: n }, (_, i) => `def parse_config_${i}(raw):\n    return load_json(raw, user_name_${i % 50})\n`).join('\n');
}

describe('switching embedding models', () => {
  const repo = tempDir('clew-switch-repo-');
  const data = tempDir('clew-switch-data-');
  const models = tempDir('clew-switch-models-');
  let hub: LocalHub;
  let backend: Backend;
  const downloads: ModelProgress[] = [];
  const reembeds: ReembedProgress[] = [];

  // A search worker loads the new model on its first query, which may run past the search time limit on a busy machine.
  const answered = () => waitFor('a semantic answer', async () => {
    const r = await backend.invoke('search:query', { query: 'parse config', mode: 'semantic', limit: 5 });
    return r.ok ? r.value : null;
  }, 60_000);
  const finished = async (model: string): Promise<ReembedProgress> =>
    waitFor(`re-embedding for ${model} to end`, () => reembeds.find((r) => r.model === model && r.state !== 'running'), 120_000);

  beforeAll(async () => {
    writeTree(repo.path, { ...SAMPLE_REPO, 'py/many.py': manyFunctions(1500) });
    hub = await LocalHub.start();
    writeTinyStatic(join(models.path, 'static'), { dim: 32, extraWords: ['def', 'return', 'raw', 'parse_config'] });
    hub.publish('minishlab/potion-code-16M-v2', 'main', join(models.path, 'static'));
    // The sentence model's slot serves a model whose graph is damaged: the hub's hashes match it, onnxruntime refuses it.
    writeTinyBert(join(models.path, 'broken'));
    writeFileSync(join(models.path, 'broken', 'onnx', 'model.onnx'), Buffer.from('not an onnx graph'.repeat(100)));
    hub.publish('Xenova/bge-small-en-v1.5', 'main', join(models.path, 'broken'), { 'onnx/model.onnx': 'onnx/model_quantized.onnx' });
    backend = openWriter(data.path, { vectors: { mode: 'sidecar' } });
    backend.on('models:progress', (p) => downloads.push(p));
    backend.on('models:reembed', (p) => reembeds.push(p));
    await call(backend, 'settings:set', { modelEndpoint: hub.endpoint });
    await call(backend, 'repo:index', { path: repo.path });
    await waitFor('every row synced with the hash embedder', async () => (await call(backend, 'status:get', {})).sync.pending === 0, 120_000);
  }, 180_000);
  afterAll(async () => {
    await backend?.close();
    await hub?.close();
    [repo, data, models].forEach((d) => d.cleanup());
  }, 60_000);

  it('lists the catalogue with sizes and purpose, nothing downloaded, the hash embedder in use', async () => {
    const info = await call(backend, 'models:list', {});
    expect(info.endpoint).toBe(hub.endpoint);
    expect(info.current).toEqual({ kind: 'hash', modelId: null, modelDir: null });
    expect(info.models.map((m) => [m.id, m.kind, m.state])).toEqual([['potion-code-16m', 'static', 'absent'], ['bge-small-en', 'transformers', 'absent'], ['jina-code-v2', 'transformers', 'absent']]);
    expect(info.models.every((m) => m.files.length > 0 && m.goodFor.length > 20 && m.dimension > 0)).toBe(true);
  });

  it('downloads from the endpoint with progress, then re-embeds into a new generation while the old one answers', async () => {
    await call(backend, 'models:download', { id: 'potion-code-16m' });
    const done = await waitFor('the download to end', () => downloads.find((d) => d.id === 'potion-code-16m' && d.state !== 'downloading'), 60_000);
    expect(done).toMatchObject({ state: 'done', error: null });
    expect(done.bytesDone).toBe(done.bytesTotal);
    expect((await call(backend, 'models:list', {})).models[0]).toMatchObject({ id: 'potion-code-16m', state: 'ready', active: false });

    // The first semantic search starts a search worker's embedder and server client (seconds); not what this test times.
    expect((await answered()).results.length).toBe(5);
    const before = (await call(backend, 'status:get', {})).sync.embedder;
    expect(before).toMatch(/^clew-hash/);
    const started = await call(backend, 'models:use', { id: 'potion-code-16m' });
    expect(started.reembed).toMatchObject({ model: 'potion-code-16m', state: 'running' });
    // While it runs, semantic search answers from the old generation (the hash embedder's).
    const during: number[] = [];
    const ended = (): boolean => reembeds.some((r) => r.model === 'potion-code-16m' && r.state !== 'running');
    while (!ended()) {
      // A query sent in the moment between the new generation's commit and the host learning of it is refused as
      // "being rebuilt" (the host still embeds with the old model); it must then be the switch, never mid-run.
      const answer = await call(backend, 'search:query', { query: 'parse config', mode: 'semantic', limit: 5 }).catch((e: unknown) => {
        if (e instanceof ResultError && e.code === 'UNAVAILABLE' && /being rebuilt for/.test(e.message)) return null;
        throw e;
      });
      const embedder = (await call(backend, 'status:get', {})).sync.embedder;
      if (answer === null) expect(embedder).not.toBe(before);
      if (embedder !== before) {
        // The switch is the re-embed's last step: its 'done' event may reach us a moment after the status, not later.
        const seen = Date.now();
        await finished('potion-code-16m');
        expect(Date.now() - seen).toBeLessThan(5_000);
        break;
      }
      if (answer && !ended()) during.push(answer.results.length);
    }
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((n) => n === 5)).toBe(true);
    expect(await finished('potion-code-16m')).toMatchObject({ state: 'done', error: null });
    const running = reembeds.filter((r) => r.model === 'potion-code-16m' && r.state === 'running' && r.total > 0);
    expect(running.length).toBeGreaterThan(1);
    expect(running.at(-1)!.done).toBe(running.at(-1)!.total);
    expect(running.some((r) => r.etaSeconds !== null)).toBe(true);

    const status = await call(backend, 'status:get', {});
    expect(status.sync.embedder).toMatch(/^static:/);
    expect(status.sync.pending).toBe(0);
    const info = await call(backend, 'models:list', {});
    expect(info.current.modelId).toBe('potion-code-16m');
    const settings = await call(backend, 'settings:get', {});
    expect(settings.saved.embedder).toMatchObject({ kind: 'static', modelDir: info.models[0]!.folder });
    expect(settings.restartNeeded).toEqual([]);
    expect((await answered()).results.length).toBe(5);
  }, 180_000);

  it('switches back to the hash embedder the same way', async () => {
    await call(backend, 'models:use', { id: 'hash' });
    expect(await finished('hash')).toMatchObject({ state: 'done' });
    expect((await call(backend, 'status:get', {})).sync.embedder).toMatch(/^clew-hash/);
    expect((await call(backend, 'settings:get', {})).saved.embedder).toEqual({ kind: 'hash' });
    expect((await answered()).results.length).toBe(5);
  }, 180_000);

  it('a downloaded model that cannot load leaves the previous embedder serving, and status says why', async () => {
    await call(backend, 'models:download', { id: 'bge-small-en' });
    await waitFor('the download to end', () => downloads.find((d) => d.id === 'bge-small-en' && d.state === 'done'), 60_000);
    await call(backend, 'models:use', { id: 'bge-small-en' });
    const ended = await finished('bge-small-en');
    expect(ended.state).toBe('failed');
    expect(ended.error).toMatch(/the model could not be loaded \(.+\); clew-hash-v1\S* keeps serving/);
    const status = await call(backend, 'status:get', {});
    expect(status.embedderFallback).toBe(ended.error);
    expect(status.sync.embedder).toMatch(/^clew-hash/);
    expect((await call(backend, 'settings:get', {})).saved.embedder).toEqual({ kind: 'hash' });
    // Writes and search carry on.
    expect((await call(backend, 'note:add', { fqn: 'py.app.hello', text: 'still writable' })).state).toBe('current');
    expect((await call(backend, 'search:query', { query: 'parse config', mode: 'semantic', limit: 5 })).results.length).toBe(5);
  }, 180_000);
});
