// Views that follow watched changes, end to end: a file saved in a watched repo changes the current
// search's answer (keeping the selected hit), the open file and its outline (with an "updated"
// mark), and a note on an edited symbol turns stale in the symbol panel and the Notes tab — all
// without reloading the page. A removed repo's hits leave the results.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, writeTree } from '../helpers/fixtures.js';
import { hasChromium } from './harness.js';
import { screenshot } from './screens.js';
import { servedBrowser } from './servedBrowser.js';

const CONTROLLER = 'src/main/java/com/acme/web/UserController.java';
const WATCH_TIMEOUT = { timeout: 30_000 };

describe.skipIf(!hasChromium)('live views in the browser UI', () => {
  const { repo, page } = servedBrowser('clew-e2e-live', async ({ repo, data }) => {
    writeTree(repo, SAMPLE_REPO);
    const backend = openWriter(data);
    await call(backend, 'repo:index', { path: repo });
    await backend.close();
    return ['--no-sync'];
  });
  const search = async (mode: string, query: string): Promise<void> => {
    await page().click(`[data-testid=mode-${mode}]`);
    await page().fill('[data-testid=search-input]', query);
    await page().press('[data-testid=search-input]', 'Enter');
    const summary = page().locator(`[data-testid=search-summary][data-mode="${mode}"][data-query="${query}"]`);
    await summary.waitFor();
  };
  const edit = (path: string, change: (text: string) => string): void => {
    const file = join(repo.path, path);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };

  it('waits for the watcher, opens a file and notes one of its methods', async () => {
    const item = page().locator(`[data-testid=repo][data-path="${repo.path}"] [data-testid=repo-state]`);
    await expect.poll(() => item.getAttribute('data-state'), WATCH_TIMEOUT).toBe('watching');
    await search('symbol', 'UserController');
    await page().locator(`[data-testid=hit][data-path="${CONTROLLER}"]`).first().click();
    await page().locator('[data-testid=outline-item]').filter({ hasText: /^methodget$/ }).click();
    await page().fill('[data-testid=note-input]', 'Reads through the repository.');
    await page().click('[data-testid=note-add]');
    await expect.poll(() => page().locator('[data-testid=symbol-panel] [data-testid=note]').getAttribute('data-state')).toBe('current');
  }, 60_000);

  it('a saved file changes the results, the open file, its outline and the note, without a reload', async () => {
    await search('keyword', 'zebraCrossingTotal');
    expect(await page().locator('[data-testid=search-summary]').textContent()).toContain('No results');
    // Survives only if the page is not reloaded.
    await page().evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });

    edit(CONTROLLER, (text) => text
      .replace('return repository.findById(id);', 'return repository.findById(id + 0);')
      .replace('    public void parseConfig', '    public int zebraCrossingTotal() {\n        return 1;\n    }\n\n    public void parseConfig'));

    const hits = page().locator('[data-testid=hit]');
    await expect.poll(() => hits.count(), WATCH_TIMEOUT).toBe(1);
    expect(await hits.first().getAttribute('data-path')).toBe(CONTROLLER);
    await expect.poll(() => page().locator('[data-testid=editor] .cm-content').textContent(), WATCH_TIMEOUT).toContain('zebraCrossingTotal');
    await expect.poll(() => page().locator('[data-testid=outline-item]').allTextContents(), WATCH_TIMEOUT).toContain('methodzebraCrossingTotal');
    expect(await page().locator('[data-testid=code-updated]').isVisible()).toBe(true);
    await expect.poll(() => page().locator('[data-testid=symbol-panel] [data-testid=note]').getAttribute('data-state'), WATCH_TIMEOUT).toBe('stale');
    await screenshot(page(), 'live-updated');

    await page().click('[data-testid=tab-notes]');
    const note = page().locator('[data-testid=notes-list] [data-testid=note]');
    await expect.poll(() => note.getAttribute('data-state'), WATCH_TIMEOUT).toBe('stale');
    expect(await note.locator('[data-testid=note-explanation]').textContent()).toContain('code changed');
    expect(await page().evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await page().click('[data-testid=tab-search]');
  }, 90_000);

  it('a re-run search keeps the selected hit selected', async () => {
    await search('keyword', 'hello');
    const hits = page().locator('[data-testid=hit]');
    const before = await hits.count();
    expect(before).toBeGreaterThan(1);
    await page().press('[data-testid=search-input]', 'ArrowDown');
    const selected = page().locator('[data-testid=hit][aria-selected=true]');
    await expect.poll(() => selected.getAttribute('data-index')).toBe('1');
    const where = `${await selected.getAttribute('data-path')}:${await selected.getAttribute('data-line')}`;

    // A new file that matches too, so the answer changes around the selected hit.
    writeTree(repo.path, { 'docs/greeting.md': '# Greeting\nThe service says hello to every caller.\n' });
    await expect.poll(() => hits.count(), WATCH_TIMEOUT).toBe(before + 1);
    expect(`${await selected.getAttribute('data-path')}:${await selected.getAttribute('data-line')}`).toBe(where);
  }, 60_000);

  it('a removed repo takes its hits out of the results', async () => {
    const hits = page().locator('[data-testid=hit]');
    expect(await hits.count()).toBeGreaterThan(0);
    const item = page().locator(`[data-testid=repo][data-path="${repo.path}"]`);
    await item.locator('[data-testid=repo-remove]').click();
    await item.locator('[data-testid=repo-remove-confirm]').click();
    await expect.poll(() => hits.count(), WATCH_TIMEOUT).toBe(0);
    expect(await page().locator('[data-testid=search-summary]').textContent()).toContain('No results');
  }, 60_000);
});
