// The UI end to end: Chromium drives the built renderer served by the real `clew serve` (real
// Backend, SQLite and Chroma sidecar). Add a repo by path → progress → search in every mode → open a
// hit at its line → outline → quick-open → entry points → dependencies → a note that survives a
// re-index (turning stale) → edit it → remove the repo. No console error or CSP violation is allowed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/corpus.js';
import { SAMPLE_REPO, writeTree } from '../helpers/fixtures.js';
import { CHROMIUM, hasChromium } from './harness.js';
import { screenshot } from './screens.js';
import { servedBrowser } from './servedBrowser.js';

if (!hasChromium) console.warn(`e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const CONTROLLER = 'src/main/java/com/acme/web/UserController.java';

describe.skipIf(!hasChromium)('browser UI end to end', () => {
  const { repo, page, serve } = servedBrowser('clew-e2e', ({ repo }) => {
    writeTree(repo, SAMPLE_REPO);
    // Enough files that indexing takes long enough to show progress.
    generateCorpus(join(repo, 'generated'), 700, 500);
    return [];
  });
  const search = async (mode: string, query: string): Promise<number> => {
    await page().click(`[data-testid=mode-${mode}]`);
    await page().fill('[data-testid=search-input]', query);
    await page().press('[data-testid=search-input]', 'Enter');
    // The answer to this query: a live refresh (the index changed) may re-run the previous one in the new mode first.
    await page().locator(`[data-testid=search-summary][data-mode="${mode}"][data-query="${query}"]`).waitFor({ timeout: 20_000 });
    return page().locator('[data-testid=hit]').count();
  };

  it('keeps the token out of the address bar and out of cookies', async () => {
    expect(serve().url).toMatch(/\/#token=[\w-]+$/);
    expect(page().url()).not.toContain('token');
    expect(await page().context().cookies()).toEqual([]);
  });

  it('adds a repo by path and shows live progress with counts and rate', async () => {
    await page().fill('[data-testid=repo-path]', 'relative/path');
    await page().click('[data-testid=repo-add]');
    await expect.poll(() => page().locator('[data-testid=add-problem]').textContent()).toContain('full path');

    await page().fill('[data-testid=repo-path]', repo.path);
    await page().click('[data-testid=repo-add]');
    const progress = page().locator('[data-testid=index-progress]:not([data-phase=starting])').first();
    await progress.waitFor({ timeout: 30_000 });
    // Files and bytes of the total with their rate, once the walk has counted any ("walking…" until then).
    await expect.poll(() => progress.textContent(), { timeout: 30_000 })
      .toMatch(/(walking|parsing|writing|removing|done) [\d,]+\/[\d,]+ files, [\d.,]+\/[\d.,]+ MB/);
    await screenshot(page(), '01-indexing');
    await page().locator('[data-testid=message]', { hasText: 'Indexed' }).waitFor({ timeout: 90_000 });
    const item = page().locator(`[data-testid=repo][data-path="${repo.path}"]`);
    await expect.poll(() => item.locator('[data-testid=repo-counts]').textContent()).toMatch(/1,2\d\d files/);
    await expect.poll(() => page().locator('[data-testid=index-progress]').count()).toBe(0);
  }, 120_000);

  it('searches in every mode with highlighted snippets', async () => {
    // Semantic search needs the vectors: wait until everything is synced.
    await expect.poll(() => page().locator('[data-testid=sync-button]').textContent(), { timeout: 90_000 }).toContain('In sync');

    // One box that does the right thing: a question typed before any mode is chosen is answered in auto mode.
    expect(await page().locator('[data-testid=mode-auto]').getAttribute('aria-checked')).toBe('true');
    await page().fill('[data-testid=search-input]', 'find user by id');
    await page().press('[data-testid=search-input]', 'Enter');
    await page().locator('[data-testid=search-summary][data-mode="auto"][data-query="find user by id"]').waitFor({ timeout: 20_000 });
    expect(await page().locator('[data-testid=hit]').count()).toBeGreaterThan(0);

    expect(await search('keyword', 'parse config')).toBeGreaterThan(0);
    expect(await page().locator('[data-testid=hit] mark').first().textContent()).toMatch(/parse.?config/i);

    expect(await search('symbol', 'UserController')).toBeGreaterThan(0);
    const first = page().locator('[data-testid=hit]').first();
    expect(await first.getAttribute('data-path')).toBe(CONTROLLER);

    expect(await search('regex', '@(Get|Post)Mapping')).toBeGreaterThan(0);
    expect(await page().locator('[data-testid=hit] mark').first().textContent()).toMatch(/@(Get|Post)Mapping/);

    expect(await search('semantic', 'find user by id')).toBeGreaterThan(0);
    expect(await search('hybrid', 'UserController get user')).toBeGreaterThan(0);
    await screenshot(page(), '02-search');
  }, 120_000);

  it('filters by language and path, moves with the keyboard and opens a hit at its line', async () => {
    await page().click('[data-testid=mode-keyword]');
    await page().selectOption('[data-testid=filter-lang]', 'java');
    await page().fill('[data-testid=filter-path]', 'src/**/*.java');
    expect(await search('keyword', 'parseConfig')).toBe(2);
    const paths = await page().locator('[data-testid=hit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(new Set(paths)).toEqual(new Set([CONTROLLER]));

    await page().press('[data-testid=search-input]', 'ArrowDown');
    await expect.poll(() => page().locator('[data-testid=hit][aria-selected=true]').getAttribute('data-index')).toBe('1');
    await page().press('[data-testid=search-input]', 'ArrowUp');
    const selected = page().locator('[data-testid=hit][aria-selected=true]');
    const line = Number(await selected.getAttribute('data-line'));
    await page().press('[data-testid=search-input]', 'Enter');
    await expect.poll(() => page().locator('[data-testid=code-path]').textContent()).toBe(`${CONTROLLER}:${line}`);
    const activeLine = page().locator('[data-testid=editor] .cm-activeLine');
    await expect.poll(() => activeLine.textContent()).toContain('parse');
    const expected = (SAMPLE_REPO[CONTROLLER] ?? '').split('\n')[line - 1]?.trim();
    expect((await activeLine.textContent())?.trim()).toBe(expected);
    await page().selectOption('[data-testid=filter-lang]', '');
    await page().fill('[data-testid=filter-path]', '');
    await screenshot(page(), '03-code');
  }, 60_000);

  it('shows the outline and jumps to a symbol from it', async () => {
    const outline = page().locator('[data-testid=outline-item]');
    await expect.poll(() => outline.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('UserController'), expect.stringContaining('get'), expect.stringContaining('create')]));
    await outline.filter({ hasText: /^methodcreate$/ }).click();
    const createLine = (SAMPLE_REPO[CONTROLLER] ?? '').split('\n').findIndex((l) => l.includes('public User create')) + 1;
    await expect.poll(() => page().locator('[data-testid=editor]').getAttribute('data-line')).toMatch(new RegExp(`^(${createLine - 1}|${createLine})$`));
    await expect.poll(() => page().locator('[data-testid=symbol-panel]').getAttribute('data-fqn')).toContain('UserController.create');
  }, 30_000);

  it('quick-opens a file with Ctrl+P', async () => {
    await page().keyboard.press('Control+p');
    await page().fill('[data-testid=quick-input]', 'server.ts');
    await page().locator('[data-testid=quick-item]').first().waitFor();
    await page().keyboard.press('Enter');
    await expect.poll(() => page().locator('[data-testid=code-path]').textContent()).toBe('app/server.ts:1');
    expect(await page().locator('[data-testid=quick-open]').count()).toBe(0);
  }, 30_000);

  it('lists entry points, filters them and opens one', async () => {
    await page().click('[data-testid=tab-entrypoints]');
    const rows = page().locator('[data-testid=entry-row]');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const all = (await rows.allTextContents()).join('\n');
    expect(all).toContain('/api/users/{id}');
    expect(all).toContain('/health');
    expect(all).toContain('/hello');
    await page().fill('[data-testid=entry-filter]', '/health');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().click();
    await expect.poll(() => page().locator('[data-testid=code-path]').textContent()).toMatch(/^app\/server\.ts:\d+$/);
    await page().fill('[data-testid=entry-filter]', '');
    await screenshot(page(), '04-entry-points');
  }, 30_000);

  it('shows dependencies of the repo', async () => {
    await page().click('[data-testid=tab-deps]');
    const packages = page().locator('[data-testid=deps-packages] tbody tr');
    await expect.poll(() => packages.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('express')]));
    await screenshot(page(), '05-dependencies');
  }, 30_000);

  it('adds a note that survives a re-index, marked stale and explained when its code changes', async () => {
    await page().click('[data-testid=tab-search]');
    expect(await search('symbol', 'UserController')).toBeGreaterThan(0);
    await page().locator('[data-testid=hit]').first().click();
    await page().locator('[data-testid=outline-item]').filter({ hasText: /^methodget$/ }).click();
    await expect.poll(() => page().locator('[data-testid=symbol-panel]').getAttribute('data-fqn')).toContain('UserController.get');
    await page().fill('[data-testid=note-input]', 'Hot path: cached upstream.');
    await page().click('[data-testid=note-add]');
    const panelNote = page().locator('[data-testid=symbol-panel] [data-testid=note]');
    await expect.poll(() => panelNote.getAttribute('data-state')).toBe('current');

    // Change the method's body, then re-index from the sidebar.
    const file = join(repo.path, CONTROLLER);
    writeFileSync(file, readFileSync(file, 'utf8').replace('return repository.findById(id);', 'return repository.findById(id + 0);'));
    await page().click(`[data-testid=repo][data-path="${repo.path}"] [data-testid=repo-reindex]`);
    await page().locator('[data-testid=message]', { hasText: /Indexed .* files/ }).waitFor({ timeout: 60_000 });

    await page().click('[data-testid=tab-notes]');
    const note = page().locator('[data-testid=notes-list] [data-testid=note]');
    await expect.poll(() => note.getAttribute('data-state'), { timeout: 20_000 }).toBe('stale');
    expect(await note.locator('[data-testid=note-text]').textContent()).toBe('Hot path: cached upstream.');
    expect(await note.locator('[data-testid=note-explanation]').textContent()).toContain('code changed');
    await screenshot(page(), '06-notes');

    // Editing is re-reading: the note is current again.
    await note.locator('[data-testid=note-edit]').click();
    await note.locator('[data-testid=note-edit-input]').fill('Hot path: cached upstream (checked).');
    await note.locator('[data-testid=note-save]').click();
    await expect.poll(() => note.getAttribute('data-state')).toBe('current');
    expect(await note.locator('[data-testid=note-text]').textContent()).toBe('Hot path: cached upstream (checked).');
  }, 120_000);

  it('shows what the index skipped', async () => {
    await page().click(`[data-testid=repo][data-path="${repo.path}"] [data-testid=repo-issues]`);
    const dialog = page().locator('[data-testid=issues-dialog]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Nothing was skipped|:/);
    await page().keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  }, 30_000);

  it('shows sync health and follows the OS dark theme at 1280x800', async () => {
    await page().click('[data-testid=sync-button]');
    const server = page().locator('[data-testid=vector-server]');
    await expect.poll(() => server.getAttribute('data-state')).toBe('ready');
    expect(Number(await server.getAttribute('data-pid'))).toBeGreaterThan(0);
    expect(Number(await page().locator('[data-testid=count-synced]').getAttribute('data-value'))).toBeGreaterThan(1000);
    await screenshot(page(), '07-sync-health');
    await page().emulateMedia({ colorScheme: 'dark' });
    const background = await page().evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(27, 30, 36)');
    await screenshot(page(), '08-sync-health-dark');
    await page().emulateMedia({ colorScheme: 'light' });
    await page().locator('[data-testid=sync-panel]').getByRole('button', { name: 'Close' }).click();
    expect(await page().locator('[data-testid=sync-panel]').count()).toBe(0);
  }, 30_000);

  it('removes a repo only after asking, leaving tombstones for its vectors', async () => {
    const item = page().locator(`[data-testid=repo][data-path="${repo.path}"]`);
    await item.locator('[data-testid=repo-remove]').click();
    expect(await item.getByRole('alertdialog').textContent()).toContain('Remove');
    await item.locator('[data-testid=repo-remove-confirm]').click();
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page().locator('[data-testid=message]').textContent()).toMatch(/Removed .*; \d+ vectors queued for deletion/);
    await screenshot(page(), '09-removed');
  }, 60_000);
});
