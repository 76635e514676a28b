// Settings and start-up recovery in the UI, end to end: a damaged clew.db and a bad settings.json
// before `clew serve` starts → both banners → the Settings view shows the file's problem → a save
// repairs it, says which changes wait for a restart, and a value the Backend refuses is shown.
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databaseFile, notesFile, settingsFile } from '../../electron/core/dataDir.js';
import { call, openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, writeTree } from '../helpers/fixtures.js';
import { hasChromium } from './harness.js';
import { screenshot } from './screens.js';
import { servedBrowser } from './servedBrowser.js';

describe.skipIf(!hasChromium)('settings and recovery in the browser UI', () => {
  const { data, page } = servedBrowser('clew-e2e-settings', async ({ repo, data }) => {
    writeTree(repo, SAMPLE_REPO);
    const backend = openWriter(data);
    await call(backend, 'repo:index', { path: repo });
    await call(backend, 'note:add', { fqn: 'com.acme.web.UserController.get(long)', text: 'hot path, cached upstream' });
    await backend.close();
    // Damage the middle of the closed database, and leave a settings file with a wrong type in it.
    const file = databaseFile(data);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(statSync(file).size / 2));
    closeSync(fd);
    writeFileSync(settingsFile(data), JSON.stringify({ maxFileBytes: 'big', watch: false }));
    return ['--no-sync'];
  });

  it('tells the person the index database was damaged, moved aside and rebuilt with the notes restored', async () => {
    const banner = page().locator('[data-testid=recovery-banner]');
    await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toMatch(/Rebuilt 1 repos; 1 notes restored from notes\.db/);
    expect(await banner.textContent()).toMatch(/damaged .* moved aside to .*clew\.corrupt-.*\.db and kept/);
    await page().click('[data-testid=tab-notes]');
    await expect.poll(() => page().locator('[data-testid=notes-list]').textContent(), { timeout: 20_000 }).toContain('hot path, cached upstream');
  });

  it('shows a bad settings file, and saving from the Settings view repairs it', async () => {
    const banner = page().locator('[data-testid=settings-banner]');
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/maxFileBytes/);
    await banner.getByText('Open settings').click();
    await expect.poll(() => page().locator('[data-testid=settings-file-error]').textContent()).toMatch(/maxFileBytes/);
    // Valid fields of the file were kept.
    expect(await page().locator('[data-testid=settings-watch]').isChecked()).toBe(false);
    await page().fill('[data-testid=settings-max-kib]', '512');
    await page().fill('[data-testid=settings-ignores]', 'vendor/\n*.min.js');
    await page().click('[data-testid=settings-save]');
    await expect.poll(() => page().locator('[data-testid=message]').textContent()).toMatch(/Settings saved/);
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(0);
    expect(await page().locator('[data-testid=settings-file-error]').count()).toBe(0);
    expect(JSON.parse(readFileSync(settingsFile(data.path), 'utf8'))).toMatchObject({ maxFileBytes: 512 * 1024, extraIgnores: ['vendor/', '*.min.js'], watch: false });
  });

  it('says which saved changes wait for a restart, and shows a value the Backend refuses', async () => {
    await page().fill('[data-testid=settings-chroma-url]', 'http://127.0.0.1:8123');
    await page().click('[data-testid=settings-save]');
    await expect.poll(() => page().locator('[data-testid=message]').textContent()).toMatch(/Restart Clew to switch the Chroma URL/);
    expect(await page().locator('[data-testid=settings-restart]').textContent()).toMatch(/chromaUrl apply when Clew starts next/);
    await screenshot(page(), 'settings');
    await page().fill('[data-testid=settings-chroma-url]', 'not a url');
    await page().click('[data-testid=settings-save]');
    // In plain words next to the field, with no internals, and no "saved" banner beside it.
    await expect.poll(() => page().locator('[data-testid=settings-error-chromaUrl]').textContent()).toBe('Type a URL like http://127.0.0.1:8000, or leave it empty so Clew runs its own server.');
    expect(await page().locator('[data-testid=settings-chroma-url]').getAttribute('aria-invalid')).toBe('true');
    expect(await page().locator('[data-testid=message]').count()).toBe(0);
    expect(await page().locator('.settings').textContent()).not.toMatch(/settings:set/);
    expect(JSON.parse(readFileSync(settingsFile(data.path), 'utf8'))).toMatchObject({ chromaUrl: 'http://127.0.0.1:8123' });
    await screenshot(page(), 'settings-refused');
    // A negative size gets our words, not the browser's "must be ≥ 0.01".
    await page().fill('[data-testid=settings-chroma-url]', '');
    await page().fill('[data-testid=settings-max-kib]', '-5');
    await page().click('[data-testid=settings-save]');
    await expect.poll(() => page().locator('[data-testid=settings-error-maxFileBytes]').textContent()).toMatch(/^Use a size above 0 KiB/);
    expect(await page().locator('[data-testid=settings-max-kib]').evaluate((el) => (el as unknown as { validationMessage: string }).validationMessage)).toBe('');
    expect(JSON.parse(readFileSync(settingsFile(data.path), 'utf8'))).toMatchObject({ maxFileBytes: 512 * 1024 });
  });
});

describe.skipIf(!hasChromium)('a damaged notes.db in the browser UI', () => {
  const { page } = servedBrowser('clew-e2e-notescopy', async ({ repo, data }) => {
    writeTree(repo, SAMPLE_REPO);
    const backend = openWriter(data);
    await call(backend, 'repo:index', { path: repo });
    await call(backend, 'note:add', { fqn: 'com.acme.web.UserController.get(long)', text: 'hot path, cached upstream' });
    await backend.close();
    const fd = openSync(notesFile(data), 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 0);
    closeSync(fd);
    return ['--no-sync'];
  });

  it('says the copy of the notes was damaged and written again, and the note is still there', async () => {
    const banner = page().locator('[data-testid=notes-copy-banner]');
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toMatch(/notes\.db, the copy of your notes, was damaged .* moved aside to .*notes\.corrupt-.*\.db and kept.*no note was lost/);
    await page().click('[data-testid=tab-notes]');
    await expect.poll(() => page().locator('[data-testid=notes-list]').textContent(), { timeout: 20_000 }).toContain('hot path, cached upstream');
    await banner.getByText('Dismiss').click();
    expect(await banner.count()).toBe(0);
  });
});
