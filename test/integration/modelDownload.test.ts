// Downloading a model from a hub-shaped local server: progress, resume after a cut connection (in one
// try and across tries), cancel, a damaged file, a 404 and no server at all. No test needs the internet.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueModel } from '../../shared/models.js';
import { ResultError } from '../../shared/result.js';
import { StaticEmbedder } from '../../electron/vectors/embedders/staticEmbedder.js';
import { downloadModel, modelFolder, modelState, type DownloadProgress } from '../../electron/vectors/models/modelDownload.js';
import { LocalHub } from '../helpers/localHub.js';
import { writeTinyStatic } from '../helpers/tinyModel/staticModel.js';

const root = mkdtempSync(join(tmpdir(), 'clew-model-dl-'));
let hub: LocalHub;
const source = join(root, 'source');
const TABLE = 'model.safetensors';

const model = (revision: string, extra: Partial<CatalogueModel> = {}): CatalogueModel => ({
  id: 'tiny-static', name: 'tiny', kind: 'static', repo: 'clew-test/tiny-static', revision,
  files: [{ path: 'config.json', bytes: 100 }, { path: 'tokenizer.json', bytes: 1000 }, { path: TABLE, bytes: 1 }],
  dimension: 64, pooling: 'mean', queryPrefix: '', documentPrefix: '', goodFor: 'tests', ...extra,
});

async function failure(p: Promise<unknown>): Promise<ResultError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ResultError);
  return e as ResultError;
}

beforeAll(async () => {
  writeTinyStatic(source, { dim: 64, extraWords: Array.from({ length: 3000 }, (_, i) => `word${i}`) });
  hub = await LocalHub.start();
  for (const rev of ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']) hub.publish('clew-test/tiny-static', rev, source);
});
afterAll(async () => {
  await hub.close();
  rmSync(root, { recursive: true, force: true });
});

describe('model download', () => {
  it('fetches every file with progress, checks it, and renames the folder into place', async () => {
    const dataDir = join(root, 'd1');
    const progress: DownloadProgress[] = [];
    const folder = await downloadModel(model('r1'), { dataDir, endpoint: hub.endpoint, onProgress: (p) => progress.push(p) });
    expect(folder).toBe(modelFolder(dataDir, model('r1')));
    expect(folder.endsWith('clew-test--tiny-static@r1')).toBe(true);
    expect(readFileSync(join(folder, TABLE)).equals(readFileSync(join(source, TABLE)))).toBe(true);
    expect(modelState(dataDir, model('r1'))).toBe('ready');
    const last = progress.at(-1)!;
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(progress.every((p, i) => i === 0 || p.bytesDone >= progress[i - 1]!.bytesDone)).toBe(true);
    // The large file came through the hub's redirect (X-Linked-Etag), the small ones directly.
    expect(hub.log).toContain(`HEAD /clew-test/tiny-static/resolve/r1/${TABLE}`);
    expect(hub.log).toContain(`GET /cdn/clew-test/tiny-static/resolve/r1/${TABLE}`);
    const embedder = await StaticEmbedder.load({ modelDir: folder });
    expect(embedder.dimension).toBe(64);
  });

  it('resumes with a Range request after the connection drops mid-body', async () => {
    const dataDir = join(root, 'd2');
    hub.faults.set(`/clew-test/tiny-static/resolve/r2/${TABLE}`, { cutAfter: 100_000, times: 2 });
    const folder = await downloadModel(model('r2'), { dataDir, endpoint: hub.endpoint });
    expect(readFileSync(join(folder, TABLE)).equals(readFileSync(join(source, TABLE)))).toBe(true);
    const ranged = hub.log.filter((l) => l.startsWith(`GET /cdn/clew-test/tiny-static/resolve/r2/${TABLE} bytes=`));
    expect(ranged.length).toBe(2);
    expect(ranged[0]).toMatch(/bytes=\d+-$/);
  });

  it('keeps a cut download when retries run out, and the next download resumes it', async () => {
    const dataDir = join(root, 'd3');
    hub.faults.set(`/clew-test/tiny-static/resolve/r3/${TABLE}`, { cutAfter: 200_000, times: 1 });
    const e = await failure(downloadModel(model('r3'), { dataDir, endpoint: hub.endpoint, retries: 0 }));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/resumes it/);
    expect(modelState(dataDir, model('r3'))).toBe('partial');
    await downloadModel(model('r3'), { dataDir, endpoint: hub.endpoint });
    expect(hub.log.some((l) => /^GET \/cdn\/clew-test\/tiny-static\/resolve\/r3\/model\.safetensors bytes=[1-9]\d*-$/.test(l))).toBe(true);
    expect(readFileSync(join(modelFolder(dataDir, model('r3')), TABLE)).equals(readFileSync(join(source, TABLE)))).toBe(true);
  });

  it('refuses a file whose bytes do not match the hub hash, and keeps nothing of it', async () => {
    const dataDir = join(root, 'd4');
    const real = readFileSync(join(source, TABLE));
    const damaged = Buffer.from(real);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    hub.faults.set(`/clew-test/tiny-static/resolve/r4/${TABLE}`, { corruptWith: damaged });
    const e = await failure(downloadModel(model('r4'), { dataDir, endpoint: hub.endpoint }));
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(/arrived damaged \(sha256 [0-9a-f]{64} where the hub says [0-9a-f]{64}\)/);
    expect(existsSync(modelFolder(dataDir, model('r4')))).toBe(false);
    const staging = `${modelFolder(dataDir, model('r4'))}.partial`;
    expect(readdirSync(staging).filter((f) => f.startsWith(TABLE))).toEqual([]);
  });

  it('says which file is missing on a 404 and creates nothing', async () => {
    const dataDir = join(root, 'd5');
    const missing = model('r5', { files: [{ path: 'config.json', bytes: 1 }, { path: 'onnx/model.onnx', bytes: 1 }] });
    const e = await failure(downloadModel(missing, { dataDir, endpoint: hub.endpoint }));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toContain('/clew-test/tiny-static/resolve/r5/onnx/model.onnx is not on the hub (HTTP 404)');
    expect(existsSync(join(dataDir, 'models'))).toBe(false);
  });

  it('says the endpoint cannot be reached when nothing listens there', async () => {
    const dataDir = join(root, 'd6');
    const closed = await LocalHub.start();
    const endpoint = closed.endpoint;
    await closed.close();
    const e = await failure(downloadModel(model('r1'), { dataDir, endpoint }));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); nothing was changed$/);
  });

  it('cancels, keeps what was fetched, and resumes it next time', async () => {
    const dataDir = join(root, 'd7');
    const abort = new AbortController();
    const e = await failure(downloadModel(model('r6'), {
      dataDir, endpoint: hub.endpoint, signal: abort.signal,
      onProgress: (p) => { if (p.file === TABLE && p.bytesDone > 0) abort.abort(); },
    }));
    expect(e.message).toMatch(/cancelled/);
    expect(modelState(dataDir, model('r6'))).toBe('partial');
    expect(existsSync(join(`${modelFolder(dataDir, model('r6'))}.partial`, `${TABLE}.part`))).toBe(true);
    await downloadModel(model('r6'), { dataDir, endpoint: hub.endpoint });
    expect(modelState(dataDir, model('r6'))).toBe('ready');
  });
});
