// Pause and cancel answer while a large first index runs: the writer yields to its messages between
// files, so a person's Pause or Cancel is seen within a fraction of a second, not after seconds.
import { describe, expect, it } from 'vitest';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const FILES = 2000;
// Symbol-dense files (20 copies of each small module): a batch of them is what kept the writer busy for seconds.
const dense = (tree: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(tree).map(([path, text]) => [
  path, Array.from({ length: 20 }, (_, j) => text.replace(/(item|compute_|Store)(\d+)/g, `$1$2x${j}`)).join('\n'),
]));

describe('repo control while a first index runs', () => {
  it('answers Pause at once and ends a cancelled run quickly, reporting it incomplete', async () => {
    const repo = tempDir('clew-latency-repo-');
    const data = tempDir('clew-latency-data-');
    writeTree(repo.path, dense(smallTree(FILES, 1)));
    const backend = openWriter(data.path);
    try {
      let done = 0;
      backend.on('index:progress', (p) => { done = p.filesDone; });
      const run = call(backend, 'repo:index', { path: repo.path });
      await expect.poll(() => done, { timeout: 120_000, interval: 20 }).toBeGreaterThan(200);

      let started = performance.now();
      const paused = await call(backend, 'repo:pause', { repo: repo.path });
      const pauseMs = performance.now() - started;
      expect(paused.paused).toBe(true);

      started = performance.now();
      expect((await call(backend, 'repo:cancel', { repo: repo.path })).cancelled).toBe(true);
      const report = await run;
      const cancelMs = performance.now() - started;
      expect(report.cancelled).toBe(true);
      process.stderr.write(`pause answered in ${pauseMs.toFixed(0)} ms, cancelled run ended in ${cancelMs.toFixed(0)} ms\n`);
      // Generous for a loaded machine: before the fix Pause took 31 s on such a tree.
      expect(pauseMs).toBeLessThan(3000);
      expect(cancelMs).toBeLessThan(5000);

      const summary = (await call(backend, 'repo:list', {})).find((r) => r.path === report.repo.path);
      expect(summary?.lastIndexMs).toBeNull();
    } finally {
      await backend.close();
      repo.cleanup();
      data.cleanup();
    }
  }, 300_000);
});
