// The sync health panel against a misbehaving vector server, end to end: kill the Chroma process
// (by the pid the panel shows) → the panel shows it down while pending grows → the supervisor
// brings it back and pending drains → seed orphan vectors → "Repair sync" shows them in a dry run,
// deletes them, and every count returns to zero. While an index run has the cores, the badge says the
// vectors wait for it instead of "Syncing".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/dataDir.js';
import { openRead } from '../../electron/db/connection.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';
import { layoutProblems } from './fits.js';
import { hasChromium } from './harness.js';
import { screenshot } from './screens.js';
import { servedBrowser } from './servedBrowser.js';

const ORPHANS = 3;

describe.skipIf(!hasChromium)('sync health end to end', () => {
  const { repo, data, page, serve } = servedBrowser('clew-e2e-sync', ({ repo }) => {
    writeTree(repo, SAMPLE_REPO);
    return [];
  });
  const server = () => page().locator('[data-testid=vector-server]');
  const count = async (name: string): Promise<number> => Number(await page().locator(`[data-testid=count-${name}]`).getAttribute('data-value'));
  /** Checks on every animation frame, so a short-lived state is not missed; a timeout says what the panel and the server showed. */
  const observe = async (predicate: (arg: string | null) => boolean, arg: string | null, timeout = 60_000): Promise<void> => {
    try {
      await page().waitForFunction(predicate, arg, { polling: 'raf', timeout });
    } catch (e) {
      const panel = await page().locator('[data-testid=sync-panel]').textContent({ timeout: 1000 }).catch(() => null);
      throw new Error(`${e instanceof Error ? e.message : String(e)}\nthe sync panel showed: ${panel ?? '(closed)'}\nclew serve's stderr ended: ${serve().stderr().slice(-2000) || '(empty)'}`);
    }
  };
  /** A screenshot at 1280×800 and one at 900×700, where the panel must fit too. */
  const atBothSizes = async (name: string): Promise<void> => {
    await screenshot(page(), name);
    await page().setViewportSize({ width: 900, height: 700 });
    await page().waitForTimeout(150);
    await screenshot(page(), `${name}-900x700`);
    const problems = await layoutProblems(page());
    await page().setViewportSize({ width: 1280, height: 800 });
    expect(problems, name).toEqual([]);
  };

  beforeAll(async () => {
    await page().fill('[data-testid=repo-path]', repo.path);
    await page().click('[data-testid=repo-add]');
    await page().locator('[data-testid=message]', { hasText: 'Indexed' }).waitFor({ timeout: 60_000 });
    await page().click('[data-testid=sync-button]');
    await observe(() => document.querySelector('[data-testid=vector-server]')?.getAttribute('data-state') === 'ready', null);
    await observe(() => document.querySelector('[data-testid=count-pending]')?.getAttribute('data-value') === '0', null);
  }, 120_000);

  it('shows the server down and pending growing when Chroma dies, then recovers', async () => {
    const pid = Number(await server().getAttribute('data-pid'));
    expect(pid).toBeGreaterThan(0);
    const restartsBefore = Number(await page().locator('[data-testid=vector-restarts]').textContent());
    process.kill(pid, 'SIGKILL');
    await observe(() => document.querySelector('[data-testid=vector-server]')?.getAttribute('data-state') !== 'ready', null);
    await screenshot(page(), '10-vector-server-down');

    // Writes keep working while the server is down; their vectors wait as pending.
    writeTree(repo.path, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extra/mod${i}.py`, `def handler_${i}(event):\n    return event\n`])));
    writeFileSync(join(repo.path, 'py/extra.py'), 'def more():\n    return 1\n');
    await page().click(`[data-testid=repo][data-path="${repo.path}"] [data-testid=repo-reindex]`);
    await observe(() => Number(document.querySelector('[data-testid=count-pending]')?.getAttribute('data-value')) > 0, null);

    // The supervisor restarts it on a new process; pending drains to zero.
    await observe((old: string | null) => {
      const s = document.querySelector('[data-testid=vector-server]');
      return s?.getAttribute('data-state') === 'ready' && s.getAttribute('data-pid') !== old;
    }, String(pid), 90_000);
    expect(Number(await page().locator('[data-testid=vector-restarts]').textContent())).toBeGreaterThan(restartsBefore);
    await expect.poll(() => count('pending'), { timeout: 90_000 }).toBe(0);
    expect(await count('failed')).toBe(0);
    expect(await page().locator('[data-testid=pending-chart]').getAttribute('data-points')).not.toBe('0');
  }, 240_000);

  it('repairs seeded orphans: dry-run findings first, then the report, then zero', async () => {
    const url = await server().getAttribute('data-url');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const db = openRead(databaseFile(data.path));
    const active = db.prepare<[], { collection: string; dimension: number }>("SELECT collection, dimension FROM vector_generations WHERE state = 'active'").get();
    db.close();
    if (!active || !url) throw new Error('no active vector collection');
    const store = new ChromaStore(url);
    await store.upsert(active.collection, Array.from({ length: ORPHANS }, (_, i) => ({
      id: `e2e-orphan-${i}`, embedding: Array.from({ length: active.dimension }, (_, d) => ((d * 7 + i) % 11) / 11), hash: 'orphan',
    })));

    await page().click('[data-testid=repair-start]');
    const findings = page().locator('[data-testid=repair-findings]');
    await findings.waitFor({ timeout: 60_000 });
    expect(Number(await findings.getAttribute('data-orphans'))).toBe(ORPHANS);
    await atBothSizes('11-repair-findings');
    // A dry run deletes nothing.
    expect((await store.page(active.collection, 0, 10_000)).filter((v) => v.id.startsWith('e2e-orphan-'))).toHaveLength(ORPHANS);

    await page().click('[data-testid=repair-confirm]');
    const report = page().locator('[data-testid=repair-report]');
    await report.waitFor({ timeout: 120_000 });
    expect(Number(await report.getAttribute('data-deleted'))).toBe(ORPHANS);
    await atBothSizes('12-repair-report');
    await page().click('[data-testid=repair-close]');

    await expect.poll(() => count('pending'), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => count('tombstones'), { timeout: 60_000 }).toBe(0);
    expect(await count('failed')).toBe(0);
    expect((await store.page(active.collection, 0, 10_000)).filter((v) => v.id.startsWith('e2e-orphan-'))).toHaveLength(0);

    // Run twice: the second dry run finds nothing.
    await page().click('[data-testid=repair-start]');
    await findings.waitFor({ timeout: 60_000 });
    expect(Number(await findings.getAttribute('data-orphans'))).toBe(0);
    expect(Number(await findings.getAttribute('data-missing'))).toBe(0);
    expect(Number(await findings.getAttribute('data-unsearchable'))).toBe(0);
    // Nothing found: nothing to confirm, only a way out.
    expect(await page().locator('[data-testid=repair-confirm]').count()).toBe(0);
    expect(await page().locator('[data-testid=repair-clean]').textContent()).toMatch(/Nothing to repair/);
    await atBothSizes('13-repair-nothing');
    await page().click('[data-testid=repair-close]');
    // The panel's last-check figures come from that second check.
    await expect.poll(() => page().locator('[data-testid=check-orphans]').textContent(), { timeout: 30_000 }).toBe('0');

    await page().click('[data-testid=failed-list]');
    await expect.poll(() => page().locator('[data-testid=sync-panel]').textContent()).toContain('No failed rows.');
  }, 240_000);

  it('says the vectors wait while an index run has the cores, then syncs them', async () => {
    const badge = page().locator('[data-testid=sync-button]');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('in-sync');
    const big = tempDir('clew-e2e-sync-big-');
    try {
      writeTree(big.path, smallTree(1500, 1));
      // Every badge text on every animation frame: the waiting state lasts only as long as the index.
      await page().evaluate(() => {
        const seen: string[] = [];
        (globalThis as unknown as { __badges: string[] }).__badges = seen;
        const tick = (): void => {
          const b = document.querySelector('[data-testid=sync-button]');
          const text = `${b?.getAttribute('data-state')}: ${b?.textContent}`;
          if (seen[seen.length - 1] !== text) seen.push(text);
          requestAnimationFrame(tick);
        };
        tick();
      });
      await page().fill('[data-testid=repo-path]', big.path);
      await page().click('[data-testid=repo-add]');
      await page().locator('[data-testid=message]', { hasText: 'Indexed 1,500 files' }).waitFor({ timeout: 120_000 });
      await expect.poll(() => badge.getAttribute('data-state'), { timeout: 120_000 }).toBe('in-sync');
      const badges = await page().evaluate(() => (globalThis as unknown as { __badges: string[] }).__badges);
      const waiting = badges.filter((b) => b.startsWith('waiting: '));
      expect(waiting.length, badges.join('\n')).toBeGreaterThan(0);
      expect(waiting.every((b) => /^waiting: Vectors wait for indexing \([\d,]+ pending\)$/.test(b)), badges.join('\n')).toBe(true);
      // Waiting comes first, syncing after: nothing claims a sync while the index has the cores.
      expect(badges.findIndex((b) => b.startsWith('waiting: '))).toBeLessThan(badges.findLastIndex((b) => b.startsWith('syncing: ')));
      await page().click(`[data-testid=repo][data-path="${big.path}"] [data-testid=repo-remove]`);
      await page().click(`[data-testid=repo][data-path="${big.path}"] [data-testid=repo-remove-confirm]`);
      await expect.poll(() => page().locator(`[data-testid=repo][data-path="${big.path}"]`).count(), { timeout: 30_000 }).toBe(0);
    } finally {
      big.cleanup();
    }
  }, 240_000);

  it('says sync is paused while it is, never "In sync"', async () => {
    const badge = page().locator('[data-testid=sync-button]');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('in-sync');
    await page().click('[data-testid=sync-pause]');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('paused');
    expect(await badge.textContent()).toMatch(/^Sync paused/);
    await atBothSizes('14-sync-paused');
    await page().click('[data-testid=sync-resume]');
    await expect.poll(() => badge.getAttribute('data-state'), { timeout: 30_000 }).toBe('in-sync');
  }, 60_000);
});
