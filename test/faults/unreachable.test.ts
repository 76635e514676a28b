// Fault: the vector server is unreachable for the whole run. Indexing and notes complete, rows stay
// pending, memory stays flat across many rounds of writes, and everything syncs once it comes up.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../electron/sidecar/freePort.js';
import { nodeLauncher } from '../../electron/sidecar/nodeLauncher.js';
import { serverEntry } from '../../electron/sidecar/serverEntry.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { tempDir } from '../helpers/fixtures.js';
import { generateCorpus } from '../bench/corpus.js';

const MiB = 1024 * 1024;

describe('vector server unreachable for the whole run', () => {
  it('indexes and saves notes with rows pending, keeps memory flat, then syncs everything when the server appears', async () => {
    const data = tempDir('clew-fault-unreach-');
    const repo = tempDir('clew-fault-unreach-repo-');
    const chroma = tempDir('clew-fault-unreach-chroma-');
    generateCorpus(repo.path, 120, 80);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const backend = openWriter(data.path, { vectors: { mode: 'external', url } });
    let child: { kill(signal?: 'SIGTERM' | 'SIGKILL'): void } | null = null;
    try {
      const first = await call(backend, 'repo:index', { path: repo.path });
      const rss: number[] = [];
      for (let round = 0; round < 30; round++) {
        appendFileSync(join(repo.path, 'extra.py'), `\ndef round_${round}(x):\n    return x + ${round}\n`);
        await call(backend, 'repo:index', { path: repo.path });
        await call(backend, 'note:add', { fqn: 'extra.round_0', text: `round ${round}` });
        rss.push(process.memoryUsage().rss);
      }
      const status = await call(backend, 'status:get', {});
      expect(status.sync.synced).toBe(0);
      expect(status.sync.pending).toBeGreaterThanOrEqual(first.units + 30);
      expect(status.vectorStore.state).not.toBe('ready');
      // Flat: after warm-up, thirty rounds of writes against a dead server add no lasting memory.
      expect((rss[29] as number) - (rss[4] as number)).toBeLessThan(64 * MiB);

      const { entry, execArgv } = serverEntry();
      child = nodeLauncher.launch(entry, ['--path', chroma.path, '--host', '127.0.0.1', '--port', String(port)], { env: {}, execArgv });
      await waitFor('the server to be seen', async () => (await call(backend, 'status:get', {})).vectorStore.state === 'ready');
      const waited = await call(backend, 'sync:wait', { timeoutMs: 120_000 });
      expect(waited.drained).toBe(true);
      expect(waited.sync).toMatchObject({ pending: 0, failed: 0 });
      expect(waited.sync.synced).toBe(status.sync.pending + status.sync.synced);
    } finally {
      await backend.close();
      child?.kill('SIGKILL');
      [data, repo, chroma].forEach((d) => d.cleanup());
    }
  }, 300_000);
});
