// `clew models` as a person runs it: list, download from the endpoint in settings.json (a local
// hub-shaped server) with progress on stderr, use it (re-embedding into the vector server), and back.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelsInfo } from '../../shared/models.js';
import { CLI, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { LocalHub } from '../helpers/localHub.js';
import { writeTinyStatic } from '../helpers/tinyModel/staticModel.js';

const run = promisify(execFile);

describe('clew models', () => {
  const repo = tempDir('clew-cli-models-repo-');
  const data = tempDir('clew-cli-models-data-');
  const model = tempDir('clew-cli-models-model-');
  let hub: LocalHub;
  const clew = (...args: string[]) => run(process.execPath, [CLI, '--data-dir', data.path, ...args], { encoding: 'utf8' });

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    writeTinyStatic(model.path, { dim: 16 });
    hub = await LocalHub.start();
    hub.publish('minishlab/potion-code-16M-v2', 'main', model.path);
    writeFileSync(join(data.path, 'settings.json'), JSON.stringify({ modelEndpoint: hub.endpoint }));
    await clew('index', repo.path, '--wait-sync');
  }, 180_000);
  afterAll(async () => {
    await hub?.close();
    [repo, data, model].forEach((d) => d.cleanup());
  });

  it('lists, downloads with progress on stderr, uses the model and goes back to the hash embedder', async () => {
    const listed = await clew('models');
    expect(listed.stdout).toMatch(/^in use: the built-in hash embedder {3}endpoint: http:\/\/127\.0\.0\.1:\d+$/m);
    expect(listed.stdout).toMatch(/^ {2}potion-code-16m +absent /m);

    const download = await clew('models', 'download', 'potion-code-16m');
    expect(download.stdout.trim()).toBe('downloaded potion-code-16m');
    expect(download.stderr).toMatch(/downloading potion-code-16m: model\.safetensors [\d.]+ MB\/[\d.]+ MB/);

    const used = await clew('models', 'use', 'potion-code-16m');
    expect(used.stdout.trim()).toBe('using potion-code-16m');
    const info = JSON.parse((await clew('--json', 'models')).stdout) as ModelsInfo;
    expect(info.current.modelId).toBe('potion-code-16m');
    expect(info.models[0]).toMatchObject({ state: 'ready', active: true });
    const status = JSON.parse((await clew('--json', 'status')).stdout) as { sync: { embedder: string } };
    expect(status.sync.embedder).toMatch(/^static:/);

    await clew('models', 'use', 'hash');
    expect((JSON.parse((await clew('--json', 'status')).stdout) as { sync: { embedder: string } }).sync.embedder).toMatch(/^clew-hash/);
  }, 240_000);

  it('refuses an unknown model and a missing id as usage mistakes', async () => {
    const unknown = await clew('models', 'download', 'no-such-model').then(() => null, (e: { code: number; stderr: string }) => e);
    expect(unknown?.code).toBe(1);
    expect(unknown?.stderr).toMatch(/^clew: no model "no-such-model" in the catalogue \(known: potion-code-16m, bge-small-en, jina-code-v2\)$/m);
    const missing = await clew('models', 'use').then(() => null, (e: { code: number; stderr: string }) => e);
    expect(missing?.code).toBe(2);
    expect(missing?.stderr).toMatch(/missing model id/);
  });
});
