// The sync sends 5,000 rows a request by default: Chroma saves its HNSW segment (graph entries and an id
// map of every vector) after each upsert that reaches its sync threshold, so bigger requests save less
// often. Real Chroma sidecar, real SQLite, the real hash embedder.
import { describe, expect, it } from 'vitest';
import { SyncLoop } from '../../electron/engine/sync/syncLoop.js';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { syncLoopSetup } from '../helpers/syncLoopSetup.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupAfterEach();

describe('sync batch size', () => {
  it('sends up to 5,000 rows an upsert when no batch size is set, every row once', async () => {
    const { db, slowStore, pending } = await syncLoopSetup('batch', 1800, cleanups);
    const total = pending();
    expect(total).toBeGreaterThan(5000);

    const sizes: number[] = [];
    // In the order the requests are made (two may be in flight, the smaller one finishing first).
    const store = slowStore(0, async (send, items) => {
      sizes.push(items.length);
      await send();
    });
    const loop = new SyncLoop(db, new HashEmbedder());
    cleanups.push(() => loop.stop().then(() => undefined));
    loop.setStore(store);
    expect(await loop.drain(240_000)).toBe(true);

    expect(sizes[0]).toBe(5000);
    expect(Math.max(...sizes)).toBe(5000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    expect(pending()).toBe(0);
  }, 300_000);
});
