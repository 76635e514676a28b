// While an index runs, the sync yields the cores to it: a pass in flight ends after its batch, none
// starts, its status says it waits for the index, and the vectors follow once the index is over. Real
// Chroma sidecar, real SQLite.
import { describe, expect, it } from 'vitest';
import { SyncLoop } from '../../electron/engine/sync/syncLoop.js';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { waitFor } from '../helpers/chroma.js';
import { syncLoopSetup } from '../helpers/syncLoopSetup.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupAfterEach();

describe('sync loop yielding to an index run', () => {
  it('stops sending after the batch in flight while yielding, and drains everything once released', async () => {
    const { db, pending, slowStore } = await syncLoopSetup('yield', 120, cleanups);
    const total = pending();
    expect(total).toBeGreaterThan(200);

    // The real store, each upsert held 50 ms: the pass is still sending when the index starts.
    const store = slowStore(50);
    let active = false;
    let waiting: boolean | null = null;
    const loop = new SyncLoop(db, new HashEmbedder(), { batchSize: 5, idlePollMs: 50, onStatus: (s) => { active = s.active; waiting = s.waitingForIndex; } });
    cleanups.push(() => loop.stop().then(() => undefined));
    loop.setStore(store);
    loop.kick(0);
    await waitFor('the pass to send its first batch', () => pending() < total || null);

    expect(waiting).toBe(false);
    loop.setYielding(true);
    // The status says why nothing is sent (the app's badge reads "Vectors wait for indexing").
    expect(waiting).toBe(true);
    await waitFor('the pass in flight to end', () => !active || null);
    const left = pending();
    expect(left).toBeGreaterThan(0);
    // Nothing is sent while the index runs, not even by the idle poll or a kick.
    loop.kick(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(pending()).toBe(left);

    loop.setYielding(false);
    expect(waiting).toBe(false);
    expect(await loop.drain(60_000)).toBe(true);
    expect(pending()).toBe(0);
  }, 120_000);
});
