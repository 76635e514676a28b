// A model setting that cannot be loaded never disables writes. Saving a missing folder is refused
// with the field named; a model that disappears (or breaks) before the next start degrades that run
// to the offline hash embedder: index, notes, hybrid search and watchers work, and status says why.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { writeTinyBert } from '../helpers/tinyModel/tinyBert.js';

describe('a model that cannot be loaded', () => {
  const repo = tempDir('clew-model-repo-');
  const data = tempDir('clew-model-data-');
  const model = tempDir('clew-model-');
  const open: Backend[] = [];
  const start = (): Backend => {
    const backend = openWriter(data.path, { vectors: { mode: 'sidecar' }, watch: true });
    open.push(backend);
    return backend;
  };
  const restart = async (backend: Backend): Promise<Backend> => {
    await backend.close();
    return start();
  };

  beforeAll(() => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    writeTinyBert(model.path);
  });
  afterAll(async () => {
    for (const backend of open) await backend.close();
    [repo, data, model].forEach((d) => d.cleanup());
  }, 60_000);

  it('is refused when saved, naming the field; a loadable one is saved', async () => {
    const backend = start();
    const missing = await backend.invoke('settings:set', { embedder: { kind: 'transformers', modelDir: '/nonexistent' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^embedder\.modelDir: model folder \/nonexistent does not exist/) } });
    const empty = tempDir('clew-empty-model-');
    const noFiles = await backend.invoke('settings:set', { embedder: { kind: 'transformers', modelDir: empty.path } });
    empty.cleanup();
    expect(noFiles).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('is missing config.json') } });
    const saved = await call(backend, 'settings:set', { embedder: { kind: 'transformers', modelDir: model.path } });
    expect(saved.saved.embedder).toEqual({ kind: 'transformers', modelDir: model.path });
    await backend.close();
  }, 60_000);

  it('gone at the next start: writes, hybrid and watchers work on the hash embedder, and status says why', async () => {
    rmSync(model.path, { recursive: true, force: true });
    let backend = start();
    const report = await call(backend, 'repo:index', { path: repo.path });
    expect(report.files).toBeGreaterThan(0);
    const note = await call(backend, 'note:add', { fqn: 'py.app.hello', text: 'still writable' });
    expect(note.state).toBe('current');
    const status = await call(backend, 'status:get', {});
    expect(status.embedderFallback).toMatch(new RegExp(`model folder ${model.path} does not exist; the offline hash embedder is used`));
    expect(status.sync.embedder).toMatch(/^clew-hash/);
    await waitFor('every row synced', async () => (await call(backend, 'status:get', {})).sync.pending === 0, 60_000);
    const hybrid = await call(backend, 'search:query', { query: 'say hello', mode: 'hybrid' });
    expect(hybrid.notice).toBeUndefined();
    expect(hybrid.results.map((h) => h.symbol)).toContain('py.app.hello');
    // Watchers are on: a new file is found without a re-index.
    writeFileSync(join(repo.path, 'late.py'), 'def arrived_while_watching():\n    return 1\n');
    await waitFor('the watcher to index late.py', async () => (await call(backend, 'search:query', { query: 'arrived_while_watching' })).results.length > 0, 30_000);

    // A second process (the CLI) is told the same, on its status and on stderr of other commands.
    backend = await restart(backend);
    const cli = cliFor(data.path);
    const human = cli.run('--no-sync', 'status');
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/embedder: model folder .* does not exist; the offline hash embedder is used/);
  }, 180_000);

  it('present but broken (a model file that will not load): the engine starts on the hash embedder and says why', async () => {
    await open.pop()?.close();
    writeTinyBert(model.path);
    writeFileSync(join(model.path, 'onnx', 'model.onnx'), 'not an onnx model');
    const backend = start();
    const note = await call(backend, 'note:add', { fqn: 'py.app.hello', text: 'written with a broken model' });
    expect(note.state).toBe('current');
    const status = await call(backend, 'status:get', {});
    expect(status.embedderFallback).toMatch(new RegExp(`the model in ${model.path} could not be loaded .*; the offline hash embedder is used`));
    const reindex = await call(backend, 'repo:index', { path: repo.path });
    expect(reindex.files).toBeGreaterThan(0);
  }, 120_000);
});
