// The sync pipelines its batches: the next one is claimed and embedded while the server stores the ones
// before, two upserts run at once, and no row is sent twice. Real Chroma sidecar, real SQLite, the real hash embedder (timed).
import { describe, expect, it } from 'vitest';
import { SyncLoop } from '../../electron/engine/sync/syncLoop.js';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { syncLoopSetup } from '../helpers/syncLoopSetup.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupAfterEach();

describe('sync pipeline', () => {
  it('embeds the next batch while upserts are in flight, two at a time, sending every row once', async () => {
    const { db, slowStore } = await syncLoopSetup('pipe', 60, cleanups);
    const total = db.prepare<[], number>('SELECT count(*) FROM text_units').pluck().get() ?? 0;
    expect(total).toBeGreaterThan(100);

    // The real store, each upsert held 100 ms (a server busy with a large graph); count embeds begun meanwhile.
    let inFlight = 0;
    let maxInFlight = 0;
    let embedsDuringUpsert = 0;
    const sent: string[] = [];
    const store = slowStore(100, async (send, items) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        await send();
        sent.push(...items.map((i) => i.id));
      } finally {
        inFlight--;
      }
    });
    const hash = new HashEmbedder();
    const embedder = Object.assign(Object.create(hash) as HashEmbedder, {
      embed: (texts: readonly string[]) => {
        if (inFlight > 0) embedsDuringUpsert++;
        return hash.embed(texts);
      },
    });
    const loop = new SyncLoop(db, embedder, { batchSize: 10 });
    cleanups.push(() => loop.stop().then(() => undefined));
    loop.setStore(store);
    expect(await loop.drain(120_000)).toBe(true);

    expect(embedsDuringUpsert).toBeGreaterThan(0);
    expect(maxInFlight).toBe(2);
    expect(sent.length).toBe(total);
    expect(new Set(sent).size).toBe(total);
    expect(db.prepare<[], number>('SELECT count(*) FROM text_units WHERE synced_hash IS content_hash').pluck().get()).toBe(total);
  }, 180_000);
});
