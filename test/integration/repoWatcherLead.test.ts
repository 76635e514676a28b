// A lone change is handed over within milliseconds, not after the debounce: a save becomes searchable at
// once. A burst is still batched (the first change at once, the rest together). The real folder watcher on a real
// folder; the debounce is made long so that waiting for it could not pass unnoticed.
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangeBatch, RepoWatcher } from '../../electron/engine/watch/repoWatcher.js';
import { waitFor } from '../helpers/chroma.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

const DEBOUNCE_MS = 4000;

describe('watcher hand-over of a lone change', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const watchers: RepoWatcher[] = [];
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    dirs.splice(0).forEach((d) => d.cleanup());
  });

  async function watched(): Promise<{ root: string; batches: Array<ChangeBatch & { at: number }> }> {
    const dir = tempDir('clew-lead-');
    dirs.push(dir);
    writeTree(dir.path, { 'keep.txt': 'x\n' });
    const batches: Array<ChangeBatch & { at: number }> = [];
    const watcher = new RepoWatcher(dir.path, (b) => batches.push({ ...b, at: performance.now() }), { debounceMs: DEBOUNCE_MS, maxWaitMs: 3 * DEBOUNCE_MS });
    watchers.push(watcher);
    await watcher.start();
    return { root: dir.path, batches };
  }

  it('hands over one saved file without waiting for the debounce', async () => {
    const { root, batches } = await watched();
    const saved = performance.now();
    writeTree(root, { 'a.txt': 'changed\n' });
    const batch = await waitFor('the change', () => batches.find((b) => b.paths.includes('a.txt')), 15_000);
    // Far below the debounce even on a loaded machine.
    expect(batch.at - saved).toBeLessThan(DEBOUNCE_MS / 2);
  });

  it('still batches a burst: the rest of it comes in one batch after the first', async () => {
    const { root, batches } = await watched();
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}.txt`, `${i}\n`]));
    // Written over ~100 ms, as a checkout by another process is: one synchronous write here would hand every
    // event to the watcher before its leading hand-over, leaving no "rest" (fs.watch does not trickle them).
    const entries = Object.entries(files);
    for (let i = 0; i < entries.length; i += 10) {
      writeTree(root, Object.fromEntries(entries.slice(i, i + 10)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor('every file of the burst', () => {
      const seen = new Set(batches.flatMap((b) => b.paths));
      return Object.keys(files).every((f) => seen.has(f)) || undefined;
    }, 30_000);
    expect(batches.length).toBeLessThanOrEqual(3);
    // The leading batch was read while the burst went on: its paths are listed again once it is quiet.
    const [lead, ...rest] = batches;
    expect(lead?.paths.length).toBeGreaterThan(0);
    expect(lead?.paths.every((p) => rest.some((b) => b.paths.includes(p)))).toBe(true);
  });
});
