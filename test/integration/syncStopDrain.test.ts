// Shutdown drains the vector queue for at most its limit: a pass that is sending a large backlog ends
// after its batch in flight, the rest stays pending for the next start. Real Chroma sidecar, real SQLite.
import { describe, expect, it } from 'vitest';
import { SyncLoop } from '../../electron/engine/sync/syncLoop.js';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { waitFor } from '../helpers/chroma.js';
import { syncLoopSetup } from '../helpers/syncLoopSetup.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupAfterEach();

describe('sync loop stop', () => {
  it('returns within its drain limit while a long pass is sending, leaving the rest pending', async () => {
    const { db, pending, slowStore } = await syncLoopSetup('drain', 120, cleanups);
    const total = pending();
    expect(total).toBeGreaterThan(200);

    // The real store, each upsert held 100 ms: sending every row in batches of 5 takes far longer than the limit.
    const store = slowStore(100);
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
