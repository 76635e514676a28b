// Shutdown drains the vector queue for at most its limit: a pass that is sending a large backlog ends
// after its batch in flight, the rest stays pending for the next start. Real Chroma sidecar, real SQLite.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWrite } from '../../electron/db/connection.js';
import { SyncLoop } from '../../electron/engine/sync/syncLoop.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { call, openWriter } from '../helpers/backend.js';
import { startSidecar, waitFor } from '../helpers/chroma.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('sync loop stop', () => {
  it('returns within its drain limit while a long pass is sending, leaving the rest pending', async () => {
    const data = tempDir('clew-drain-data-');
    const repo = tempDir('clew-drain-repo-');
    cleanups.push(data.cleanup, repo.cleanup);
    writeTree(repo.path, smallTree(120));
    const writer = openWriter(data.path);
    await call(writer, 'repo:index', { path: repo.path });
    await writer.close();
    const { sidecar, url } = await startSidecar(data.path);
    cleanups.push(() => sidecar.stop());
    const db = openWrite(join(data.path, 'clew.db'));
    cleanups.push(() => { db.close(); });
    const pending = (): number => db.prepare<[], number>('SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash').pluck().get() ?? 0;
    const total = pending();
    expect(total).toBeGreaterThan(200);

    // The real store, each upsert held 100 ms: sending every row in batches of 5 takes far longer than the limit.
    const real = new ChromaStore(url);
    const store = Object.assign(Object.create(real) as ChromaStore, {
      upsert: async (name: string, items: Array<{ id: string; embedding: Float32Array | number[]; hash: string }>) => {
        await new Promise((r) => setTimeout(r, 100));
        return real.upsert(name, items);
      },
    });
    const loop = new SyncLoop(db, new HashEmbedder(), { batchSize: 5 });
    loop.setStore(store);
    loop.kick(0);
    await waitFor('the pass to send its first batch', () => pending() < total || null);

    const started = Date.now();
    const drained = await loop.stop(300);
    const took = Date.now() - started;
    expect(drained).toBe(false);
    expect(took).toBeLessThan(3_000);
    const left = pending();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(total);
    // Nothing moves after stop: what is left waits for the next start.
    await new Promise((r) => setTimeout(r, 500));
    expect(pending()).toBe(left);
  }, 120_000);
});
