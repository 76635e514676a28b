// Fault: the Chroma server is SIGKILLed again and again during a large sync. Every row must end
// synced, with zero orphans and zero missing, every vector found by searching with its own embedding,
// and semantic queries must work (the check after each restart and repair heal what the kills did).
import { describe, expect, it } from 'vitest';
import { call, openWriter } from '../helpers/backend.js';
import { readyPid, waitFor } from '../helpers/chroma.js';
import { tempDir } from '../helpers/fixtures.js';
import { generateCorpus } from '../bench/corpus.js';
import { activeCollection, remoteRows, serverUrl, syncedRows } from '../helpers/vectors.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { findUnsearchable } from '../../electron/engine/sync/searchable.js';

describe('Chroma killed during a large sync', () => {
  it('ends with every row synced, zero orphans, zero missing, and working semantic search', async () => {
    const data = tempDir('clew-fault-chroma-');
    const repo = tempDir('clew-fault-repo-');
    generateCorpus(repo.path, 240, 160);
    const backend = openWriter(data.path, { vectors: { mode: 'sidecar' }, sync: { batchSize: 200 } });
    try {
      const report = await call(backend, 'repo:index', { path: repo.path });
      expect(report.units).toBeGreaterThan(2500);
      let kills = 0;
      const killed = new Set<number>();
      for (; kills < 4; kills++) {
        const pid = await waitFor('a new ready server', async () => {
          const ready = readyPid((await call(backend, 'status:get', {})).vectorStore);
          return ready && !killed.has(ready) ? ready : null;
        }, 60_000);
        killed.add(pid);
        // Let some batches land, then kill mid-stream.
        await waitFor('some progress', async () => (await call(backend, 'status:get', {})).sync.synced > kills * 300 || (await call(backend, 'status:get', {})).sync.pending === 0, 60_000, 20);
        process.kill(pid, 'SIGKILL');
      }
      const waited = await call(backend, 'sync:wait', { timeoutMs: 180_000 });
      expect(waited.drained).toBe(true);
      const status = await call(backend, 'status:get', {});
      expect(status.vectorStore.restarts).toBeGreaterThanOrEqual(kills);
      expect(status.sync).toMatchObject({ synced: report.units, pending: 0, failed: 0 });

      const repaired = await call(backend, 'sync:repair', {});
      expect(repaired.healthy).toBe(true);
      await call(backend, 'sync:wait', { timeoutMs: 180_000 });
      const check = await call(backend, 'sync:repair', { dryRun: true });
      expect(check).toMatchObject({ orphans: 0, missing: 0, stale: 0, unsearchable: 0, healthy: true, healthError: null });
      const url = serverUrl(await call(backend, 'status:get', {}));
      const remote = await remoteRows(url, activeCollection(data.path));
      const local = syncedRows(data.path);
      expect(remote.size).toBe(local.size);
      expect(local.size).toBe(report.units);
      // Listed is not enough: every vector is found by searching with its own embedding (a kill can unlink one).
      expect(await findUnsearchable(new ChromaStore(url), activeCollection(data.path), [...local.keys()])).toEqual({ lost: [], stored: report.units, error: null });
      const semantic = await call(backend, 'search:query', { query: 'validate the payment', mode: 'semantic', limit: 5 });
      expect(semantic.results.length).toBe(5);
    } finally {
      await backend.close();
      data.cleanup();
      repo.cleanup();
    }
  }, 420_000);
});
