// Honest state in the browser UI, end to end through `clew serve --no-sync`: Pause shows "Pausing…"
// at once and "Paused" when the engine confirms; a search meanwhile says the repo is still being indexed
// (x of y files) until the run ends; Cancel (of a paused or a running first index) shows
// "Cancelling…" then "Cancelled (incomplete: x of y files)", never "watching"; the sync badge says "No vector server"; Entry points
// hide tests until "Show tests"; every control is reached by Tab with a visible focus ring, and axe
// finds no serious or critical violation in light and dark themes.
import { describe, expect, it } from 'vitest';
import { writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';
import { seriousViolations } from './axe.js';
import { controlsWithoutFocusRing } from './focusRing.js';
import { hasChromium } from './harness.js';
import { screenshot } from './screens.js';
import { servedBrowser } from './servedBrowser.js';

const SIZES = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }, { width: 900, height: 700 }] as const;
const TEST_ROUTES = {
  'tests/test_routes.py': `from flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/only-in-tests')\ndef fake():\n    return 'x'\n`,
  'src/routes.test.ts': `import express from 'express';\nconst app = express();\napp.post('/test-only', () => undefined);\n`,
};

describe.skipIf(!hasChromium)('honest state in the browser UI', () => {
  const { repo, page } = servedBrowser('clew-e2e-state', ({ repo }) => {
    writeTree(repo, { ...smallTree(2500, 1), ...TEST_ROUTES });
    return ['--no-sync'];
  });
  const card = () => page().locator(`[data-testid=repo][data-path="${repo.path}"]`);
  const state = () => card().locator('[data-testid=repo-state]');
  /** Every state the card passed through, sampled on each animation frame. */
  const recordStates = () => page().evaluate(() => {
    const seen: string[] = [];
    const tick = (): void => {
      const s = document.querySelector('[data-testid=repo] [data-testid=repo-state]')?.getAttribute('data-state');
      if (s && seen[seen.length - 1] !== s) seen.push(s);
      (globalThis as unknown as { __states: string[] }).__states = seen;
      requestAnimationFrame(tick);
    };
    tick();
  });
  const states = () => page().evaluate(() => (globalThis as unknown as { __states: string[] }).__states);

  it('says "No vector server" when started with --no-sync', async () => {
    const badge = page().locator('[data-testid=sync-button]');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('off');
    expect(await badge.textContent()).toBe('No vector server');
    await badge.click();
    const panel = page().locator('[data-testid=sync-panel]');
    expect(await page().locator('[data-testid=vector-off]').textContent()).toMatch(/No vector server.*Keyword, symbol and regex search work/);
    // No pending counts, chart or failed rows that would suggest a sync is on its way.
    for (const id of ['count-pending', 'count-synced', 'pending-chart', 'failed-list', 'sync-pause', 'repair-start']) {
      expect(await panel.locator(`[data-testid=${id}]`).count(), id).toBe(0);
    }
    expect(await panel.textContent()).not.toMatch(/pending|Syncing/i);
    await screenshot(page(), 'state-no-vector-server');
    await page().locator('[data-testid=sync-panel]').getByRole('button', { name: 'Close' }).click();
  }, 60_000);

  it('pauses at once, then cancels a first index into an honest "incomplete" state', async () => {
    expect(await page().getByText(/drop a repository/i).count()).toBe(0);
    await page().fill('[data-testid=repo-path]', repo.path);
    await page().click('[data-testid=repo-add]');
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 60_000 }).toBe('indexing');
    await expect.poll(async () => Number(await card().locator('[role=progressbar]').getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(50);
    // No "No repositories yet" beside the first repo while it indexes.
    expect(await page().getByText(/No repositories yet/).count()).toBe(0);
    await recordStates();
    const clicked = Date.now();
    await card().locator('[data-testid=repo-pause]').click();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 30_000 }).toBe('paused');
    const pausedAfter = Date.now() - clicked;
    expect(await states()).toContain('pausing');
    // Where it stopped is what it committed: the progress and the card's count agree once both have arrived.
    const pausedAtText = async (): Promise<string | undefined> => (await card().locator('[data-testid=index-progress]').textContent())?.match(/^paused at ([\d,]+)\/[\d,]+ files$/)?.[1];
    await expect.poll(async () => (await card().textContent())?.includes(`${await pausedAtText()} files ·`), { timeout: 10_000 }).toBe(true);
    const pausedAt = await pausedAtText();
    // A search meanwhile answers from the files read so far, and says so.
    await page().fill('[data-testid=search-input]', 'compute');
    await page().press('[data-testid=search-input]', 'Enter');
    const during = page().locator('[data-testid=search-summary][data-query=compute] [data-testid=search-indexing]');
    await during.waitFor({ timeout: 30_000 });
    expect(await during.textContent()).toMatch(new RegExp(`^clew-e2e-state-repo-\\w+ \\(${pausedAt} of 2,502 files\\) is still being indexed: results may be missing, and refresh when it is done\\.$`));
    expect(await page().locator('[data-testid=hit]').count()).toBeGreaterThan(0);
    await screenshot(page(), 'state-paused');
    // The other views follow the index under way: the repo is picked, and the entry points found so far are listed,
    // as many as the card counts.
    await page().click('[data-testid=tab-entrypoints]');
    expect(await page().locator('[data-testid=repo-picker]').inputValue()).toBe(repo.path);
    await expect.poll(() => page().locator('[data-testid=entry-row]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const carded = Number((await card().textContent())?.match(/([\d,]+) entry points?/)?.[1]?.replace(/,/g, ''));
    const listed = (await page().locator('[data-testid=entry-count]').textContent())?.match(/^\d+ of (\d+) entry points(?:, (\d+) in tests hidden)?$/);
    expect(Number(listed?.[1]) + Number(listed?.[2] ?? 0)).toBe(carded);
    expect(await page().locator('[data-testid=view-indexing]').textContent()).toMatch(new RegExp(`^clew-e2e-state-repo-\\w+ is still being indexed \\(${pausedAt} of 2,502 files\\): this list grows as files are read\\.$`));
    await screenshot(page(), 'state-paused-entry-points');
    await page().click('[data-testid=tab-search]');

    // Cancelled while paused: the first index stopped part-way, and that is what the card says.
    await card().locator('[data-testid=repo-cancel]').click();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 60_000 }).toBe('incomplete');
    expect((await state().textContent())?.trim()).toMatch(/^Cancelled \(incomplete: [\d,]+ of 2,502 files\)\. Resume to finish\.$/);
    // The run ended: the search was asked again by itself, and no longer says a run is under way; nor do the lists.
    await page().click('[data-testid=tab-deps]');
    expect(await page().locator('[data-testid=view-indexing]').count()).toBe(0);
    await page().click('[data-testid=tab-search]');
    await expect.poll(() => page().locator('[data-testid=search-indexing]').count(), { timeout: 30_000 }).toBe(0);
    await page().locator('[data-testid=search-summary][data-query=compute]').waitFor();
    // What it says instead: the index stopped part-way, and how to finish it (as the card does).
    expect(await page().locator('[data-testid=search-incomplete]').textContent())
      .toMatch(/^clew-e2e-state-repo-\w+'s index is incomplete \([\d,]+ of 2,502 files\): results may be missing\. Resume to finish\.$/);
    expect(await card().locator('[data-testid=index-progress]').count()).toBe(0);
    // The message agrees with the card: Re-index is refused while the repo is paused.
    await expect.poll(() => page().locator('[data-testid=message]').textContent()).toMatch(/Indexing cancelled: [\d,]+ of 2,502 files indexed\. Resume to finish\./);
    await screenshot(page(), 'state-paused-then-cancelled');

    // Resumed (the watcher's catch-up carries on with the index), then cancelled again.
    await card().locator('[data-testid=repo-resume]').click();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 60_000 }).toBe('indexing');
    await card().locator('[data-testid=repo-cancel]').click();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 60_000 }).toBe('incomplete');
    expect(await states()).toContain('cancelling');
    expect(await state().textContent()).toMatch(/Cancelled \(incomplete: [\d,]+ of 2,502 files\)\. Re-index to finish\./);
    expect(await states()).not.toContain('watching');
    await screenshot(page(), 'state-cancelled-incomplete');
    process.stderr.write(`pause confirmed ${pausedAfter} ms after the click\n`);
    expect(await state().locator('svg').count()).toBe(1);
  }, 180_000);

  it('finishes on Re-index, then Entry points hide tests until Show tests', async () => {
    await expect.poll(() => card().locator('[data-testid=repo-reindex]').isEnabled(), { timeout: 30_000 }).toBe(true);
    await card().locator('[data-testid=repo-reindex]').click();
    await expect.poll(() => state().getAttribute('data-state'), { timeout: 240_000, interval: 500 }).toMatch(/^(watching|watch-on)$/);
    // Whole now: the search no longer says anything is missing.
    await page().click('[data-testid=tab-search]');
    await expect.poll(() => page().locator('[data-testid=search-incomplete]').count(), { timeout: 10_000 }).toBe(0);
    await page().click('[data-testid=tab-entrypoints]');
    await page().locator('[data-testid=entry-row]').first().waitFor({ timeout: 30_000 });
    const paths = () => page().locator('[data-testid=entry-row]').allTextContents();
    expect((await paths()).join('\n')).not.toMatch(/only-in-tests|test-only/);
    expect(await page().locator('[data-testid=entry-show-tests]').locator('..').textContent()).toMatch(/Show tests \(2\)/);
    await page().click('[data-testid=entry-show-tests]');
    await expect.poll(async () => (await paths()).join('\n')).toMatch(/only-in-tests/);
    expect((await paths()).join('\n')).toMatch(/test-only/);
    await page().click('[data-testid=entry-show-tests]');
    // With 2,500 files indexed and nothing embedded, the sync panel still promises no sync.
    await page().click('[data-testid=sync-button]');
    expect(await page().locator('[data-testid=sync-button]').textContent()).toBe('No vector server');
    expect(await page().locator('[data-testid=sync-panel]').textContent()).not.toMatch(/pending|Syncing/i);
    await page().locator('[data-testid=sync-panel]').getByRole('button', { name: 'Close' }).click();
    for (const size of SIZES) {
      await page().setViewportSize(size);
      await page().waitForTimeout(150);
      await screenshot(page(), `state-entry-points-${size.width}x${size.height}`);
    }
    await page().setViewportSize({ width: 1280, height: 800 });
  }, 300_000);

  it('reaches every control by Tab with a visible focus ring, and passes axe in light and dark', async () => {
    await page().click('[data-testid=tab-search]');
    await page().fill('[data-testid=search-input]', 'compute');
    await page().locator('[data-testid=hit]').first().click();
    await page().locator('[data-testid=outline-item]').first().waitFor();
    const screens: Array<[string, () => Promise<void>]> = [
      ['search', () => page().click('[data-testid=tab-search]')],
      ['entry-points', () => page().click('[data-testid=tab-entrypoints]')],
      ['dependencies', () => page().click('[data-testid=tab-deps]')],
      ['notes', () => page().click('[data-testid=tab-notes]')],
      ['settings', () => page().click('[data-testid=tab-settings]')],
      ['sync-panel', () => page().click('[data-testid=sync-button]')],
    ];
    const problems: string[] = [];
    for (const [name, show] of screens) {
      await show();
      await page().waitForTimeout(200);
      await page().locator('body').focus();
      const walk = await controlsWithoutFocusRing(page());
      if (walk.visited < 5) problems.push(`${name}: Tab reached only ${walk.visited} controls`);
      problems.push(...walk.missing.map((m) => `${name}: no focus ring on ${m}`));
      for (const scheme of ['light', 'dark'] as const) {
        await page().emulateMedia({ colorScheme: scheme });
        problems.push(...(await seriousViolations(page())).map((v) => `${name} (${scheme}): axe ${v}`));
      }
      await page().emulateMedia({ colorScheme: 'light' });
      if (name === 'sync-panel') await page().keyboard.press('Escape');
      if (await page().locator('[data-testid=sync-panel]').count()) await page().locator('[data-testid=sync-panel]').getByRole('button', { name: 'Close' }).click();
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
