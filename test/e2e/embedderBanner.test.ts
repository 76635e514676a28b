// A model folder that went missing before `clew serve` started: the UI says so in a banner, and
// adding a repository (a write) still works, on the offline hash embedder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFile } from '../../electron/core/dataDir.js';
import { SAMPLE_REPO, writeTree } from '../helpers/fixtures.js';
import { hasChromium } from './harness.js';
import { servedBrowser } from './servedBrowser.js';

describe.skipIf(!hasChromium)('a model that cannot be loaded, in the browser UI', () => {
  const { repo, data, page } = servedBrowser('clew-e2e-model', ({ repo, data }) => {
    writeTree(repo, SAMPLE_REPO);
    writeFileSync(settingsFile(data), JSON.stringify({ embedder: { kind: 'transformers', modelDir: join(data, 'gone-model') } }));
    return ['--no-sync'];
  });

  it('shows why in a banner, and a repository can still be added', async () => {
    const banner = page().locator('[data-testid=embedder-banner]');
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`model folder ${join(data.path, 'gone-model')} does not exist; the offline hash embedder is used`));
    await page().fill('[data-testid=repo-path]', repo.path);
    await page().click('[data-testid=repo-add]');
    await page().locator(`[data-testid=repo][data-path="${repo.path}"]`).waitFor({ timeout: 60_000 });
    await page().locator('[data-testid=message]', { hasText: 'Indexed' }).waitFor({ timeout: 60_000 });
  }, 120_000);
});
