// Settings → Semantic model in the browser, end to end: `clew serve` with the model endpoint set to a
// local server with the hub's layout; Download shows a progress bar and ends in "Use"; Use re-embeds
// into the real Chroma sidecar and the model becomes the one in use.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { settingsFile } from '../../electron/core/dataDir.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { LocalHub } from '../helpers/localHub.js';
import { writeTinyStatic } from '../helpers/tinyModel/staticModel.js';
import { hasChromium } from './harness.js';
import { servedBrowser } from './servedBrowser.js';

describe.skipIf(!hasChromium)('choosing a semantic model in the browser UI', () => {
  const model = tempDir('clew-e2e-model-');
  let hub: LocalHub | undefined;
  const { page } = servedBrowser('clew-e2e-models', async ({ repo, data }) => {
    writeTree(repo, SAMPLE_REPO);
    const backend = openWriter(data);
    await call(backend, 'repo:index', { path: repo });
    await backend.close();
    // A table big enough (about 2 MB) that the download shows progress before it ends.
    writeTinyStatic(model.path, { dim: 128, extraWords: Array.from({ length: 4000 }, (_, i) => `word${i}`) });
    hub = await LocalHub.start();
    hub.publish('minishlab/potion-code-16M-v2', 'main', model.path);
    writeFileSync(settingsFile(data), JSON.stringify({ modelEndpoint: hub.endpoint }));
    return [];
  });
  afterAll(async () => {
    await hub?.close();
    model.cleanup();
  });

  it('downloads with a progress bar, then uses the model: it re-embeds and becomes the one in use', async () => {
    await page().click('[data-testid=tab-settings]');
    const row = page().locator('[data-testid=model-potion-code-16m]');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('absent');
    expect(await page().locator('[data-testid=settings-model-endpoint]').inputValue()).toBe(hub!.endpoint);
    // The server sends the table slowly enough for the progress bar to be seen.
    hub!.faults.set('/minishlab/potion-code-16M-v2/resolve/main/model.safetensors', { bytesPerTick: 32 * 1024 });
    await page().click('[data-testid=model-potion-code-16m-download]');
    const bar = page().locator('[data-testid=model-potion-code-16m-progress] [role=progressbar]');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow').catch(() => null)), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('aria-valuemax'))).toBeGreaterThan(2_000_000);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    await page().click('[data-testid=model-potion-code-16m-use]');
    await expect.poll(() => row.getAttribute('data-active'), { timeout: 120_000 }).toBe('true');
    expect(await page().locator('[data-testid=semantic-model-current]').textContent()).toMatch(/In use: potion-code-16m/);
    expect(await page().locator('[data-testid=model-potion-code-16m-active]').textContent()).toBe('in use');
  }, 240_000);
});
