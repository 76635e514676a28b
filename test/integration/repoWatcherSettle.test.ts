// The watcher follows a large burst with a re-walk once it settles: the kernel's event queue can overflow
// during a big checkout on a loaded machine and drop events silently, and only a re-walk catches those.
// The real folder watcher on a real folder; the burst size and quiet time are scaled down for the test.
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangeBatch, RepoWatcher } from '../../electron/engine/watch/repoWatcher.js';
import { waitFor } from '../helpers/chroma.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

describe('watcher settle re-walk after a large burst', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const watchers: RepoWatcher[] = [];
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    dirs.splice(0).forEach((d) => d.cleanup());
  });

  async function watched(): Promise<{ root: string; batches: ChangeBatch[] }> {
    const dir = tempDir('clew-settle-');
    dirs.push(dir);
    writeTree(dir.path, { 'keep.txt': 'x\n' });
    const batches: ChangeBatch[] = [];
    const watcher = new RepoWatcher(dir.path, (b) => batches.push(b), { debounceMs: 50, maxWaitMs: 200, largeBurst: 40, settleMs: 400 });
    watchers.push(watcher);
    await watcher.start();
    return { root: dir.path, batches };
  }

  it('a burst of at least largeBurst paths is followed by one re-walk, after the quiet time', async () => {
    const { root, batches } = await watched();
    writeTree(root, Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`burst/f${i}.txt`, `${i}\n`])));
    const rewalk = await waitFor('a settle re-walk', () => batches.find((b) => b.rewalk), 15_000);
    expect(rewalk.rewalk).toBe(true);
    const listed = new Set(batches.filter((b) => !b.rewalk).flatMap((b) => b.paths));
    expect(listed.size).toBeGreaterThanOrEqual(40);
    // Once: quiet afterwards, no loop of re-walks.
    await new Promise((r) => setTimeout(r, 1200));
    expect(batches.filter((b) => b.rewalk)).toHaveLength(1);
  });

  it('a small change lists its paths and is not followed by a re-walk', async () => {
    const { root, batches } = await watched();
    writeTree(root, { 'a.txt': 'a\n', 'b.txt': 'b\n' });
    await waitFor('the change', () => batches.some((b) => b.paths.includes('b.txt')), 15_000);
    await new Promise((r) => setTimeout(r, 1200));
    expect(batches.some((b) => b.rewalk)).toBe(false);
  });
});
