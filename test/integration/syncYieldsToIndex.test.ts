// While an index runs, the sync yields the cores to it: a pass in flight ends after its batch, none
// starts, and the vectors follow once the index is over. Real Chroma sidecar, real SQLite.
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

describe('sync loop yielding to an index run', () => {
  it('stops sending after the batch in flight while yielding, and drains everything once released', async () => {
    const data = tempDir('clew-yield-data-');
    const repo = tempDir('clew-yield-repo-');
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

    // The real store, each upsert held 50 ms: the pass is still sending when the index starts.
    const real = new ChromaStore(url);
    const store = Object.assign(Object.create(real) as ChromaStore, {
      upsert: async (name: string, items: Array<{ id: string; embedding: Float32Array | number[]; hash: string }>) => {
        await new Promise((r) => setTimeout(r, 50));
        return real.upsert(name, items);
      },
    });
    let active = false;
    const loop = new SyncLoop(db, new HashEmbedder(), { batchSize: 5, idlePollMs: 50, onStatus: (s) => { active = s.active; } });
    cleanups.push(() => loop.stop().then(() => undefined));
    loop.setStore(store);
    loop.kick(0);
    await waitFor('the pass to send its first batch', () => pending() < total || null);

    loop.setYielding(true);
    await waitFor('the pass in flight to end', () => !active || null);
    const left = pending();
    expect(left).toBeGreaterThan(0);
    // Nothing is sent while the index runs, not even by the idle poll or a kick.
    loop.kick(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(pending()).toBe(left);

    loop.setYielding(false);
    expect(await loop.drain(60_000)).toBe(true);
    expect(pending()).toBe(0);
  }, 120_000);
});
