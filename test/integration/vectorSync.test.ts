// Vector sync against the real Chroma sidecar: sync, semantic and hybrid search, re-index, notes,
// an unreachable server, seeded damage and repair, vectors the index lost, index files rolled back,
// a wiped Chroma directory, and an in-flight edit.
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { type WriteDb, openWrite } from '../../electron/db/connection.js';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { repair } from '../../electron/engine/sync/repair.js';
import { findUnsearchable } from '../../electron/engine/sync/searchable.js';
import { startupCheck } from '../../electron/engine/sync/startupCheck.js';
import { SyncLoop } from '../../electron/engine/sync/syncLoop.js';
import { freePort } from '../../electron/sidecar/freePort.js';
import { nodeLauncher } from '../../electron/sidecar/nodeLauncher.js';
import { serverEntry } from '../../electron/sidecar/serverEntry.js';
import { generateCorpus } from '../bench/corpus.js';
import { call, openWriter } from '../helpers/backend.js';
import { startSidecar, waitFor } from '../helpers/chroma.js';
import { SAMPLE_REPO, tempDir, USER_CONTROLLER, writeTree } from '../helpers/fixtures.js';
import { writeTinyBert } from '../helpers/tinyModel/tinyBert.js';
import { activeCollection, remoteRows, serverUrl, syncedRows } from '../helpers/vectors.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const cleanups = cleanupAfterEach();

function dirs(): { data: string; repo: string } {
  const data = tempDir('clew-vec-data-');
  const repo = tempDir('clew-vec-repo-');
  cleanups.push(data.cleanup, repo.cleanup);
  writeTree(repo.path, SAMPLE_REPO);
  return { data: data.path, repo: repo.path };
}

function sidecarBackend(dataDir: string): Backend {
  const backend = openWriter(dataDir, { vectors: { mode: 'sidecar' } });
  cleanups.push(() => backend.close());
  return backend;
}

/** The sample repo indexed and closed, then a Chroma sidecar on its data dir and a connection to its db, for driving a SyncLoop by hand. */
async function indexedThenServed(): Promise<{ data: string; url: string; db: WriteDb }> {
  const { data, repo } = dirs();
  const writer = openWriter(data);
  await call(writer, 'repo:index', { path: repo });
  await writer.close();
  const { sidecar, url } = await startSidecar(data);
  cleanups.push(() => sidecar.stop());
  const db = openWrite(join(data, 'clew.db'));
  cleanups.push(() => { db.close(); });
  return { data, url, db };
}

async function synced(backend: Backend): Promise<void> {
  const waited = await call(backend, 'sync:wait', { timeoutMs: 60_000 });
  expect(waited.drained).toBe(true);
  expect(waited.sync).toMatchObject({ pending: 0, failed: 0, tombstones: 0 });
}

/** SQLite and Chroma agree exactly: same ids, and every remote hash is the row's content hash. */
async function expectInAgreement(dataDir: string, url: string): Promise<void> {
  const local = syncedRows(dataDir);
  const remote = await remoteRows(url, activeCollection(dataDir));
  expect([...remote.keys()].filter((id) => id !== undefined).sort()).toEqual([...local.keys()].sort());
  for (const [id, hash] of local) expect(remote.get(id)).toBe(hash);
}

describe('vector sync with the real Chroma sidecar', () => {
  it('syncs every text unit, answers semantic and hybrid queries, and reports the server and counts', async () => {
    const { data, repo } = dirs();
    const backend = sidecarBackend(data);
    const report = await call(backend, 'repo:index', { path: repo });
    await synced(backend);
    const status = await call(backend, 'status:get', {});
    expect(status.sync.synced).toBe(report.units);
    expect(status.sync.lastRun).toMatchObject({ failed: 0, error: null });
    expect(status.sync.lastCheck).toMatchObject({ kind: 'startup', healthy: true });
    expect(status.vectorStore).toMatchObject({ mode: 'sidecar', state: 'ready', version: '1.0.0' });
    expect(status.vectorStore.pid).toBeGreaterThan(0);
    await expectInAgreement(data, serverUrl(status));

    const semantic = await call(backend, 'search:query', { query: 'find one user by id', mode: 'semantic', limit: 5 });
    expect(semantic.results.slice(0, 3).map((h) => h.symbol)).toContain('com.acme.web.UserController.get(long)');
    const hit = semantic.results.find((h) => h.symbol === 'com.acme.web.UserController.get(long)');
    expect(hit).toMatchObject({ path: 'src/main/java/com/acme/web/UserController.java', line: 12, language: 'java' });
    const filtered = await call(backend, 'search:query', { query: 'find one user by id', mode: 'semantic', lang: 'python' });
    expect(filtered.results.every((h) => h.language === 'python')).toBe(true);
    const hybrid = await call(backend, 'search:query', { query: 'parse config', mode: 'hybrid', limit: 10 });
    expect(hybrid.results.map((h) => h.symbol)).toContain('com.acme.web.UserController.parseConfig(String)');
    expect(hybrid.notice).toBeUndefined();
  });

  it('makes notes searchable by meaning, and re-indexing replaces changed vectors and removes deleted ones without dropping the collection', async () => {
    const { data, repo } = dirs();
    const backend = sidecarBackend(data);
    await call(backend, 'repo:index', { path: repo });
    await call(backend, 'note:add', { fqn: 'app/server:OrderService.total', text: 'rounding bug in the invoice totals reported by finance' });
    await synced(backend);
    const noteHits = await call(backend, 'search:query', { query: 'invoice totals rounding bug finance', mode: 'semantic', limit: 3 });
    expect(noteHits.results[0]).toMatchObject({ symbol: 'app/server:OrderService.total', symbolKind: 'note' });
    const collection = activeCollection(data);

    writeFileSync(join(repo, 'src/main/java/com/acme/web/UserController.java'), USER_CONTROLLER.replace('Finds one user by id.', 'Looks a customer up by primary key.'));
    rmSync(join(repo, 'py/app.py'));
    await call(backend, 'repo:index', { path: repo });
    await synced(backend);
    expect(activeCollection(data)).toBe(collection);
    await expectInAgreement(data, serverUrl(await call(backend, 'status:get', {})));
    const after = await call(backend, 'search:query', { query: 'load settings', mode: 'semantic', limit: 20 });
    expect(after.results.some((h) => h.path === 'py/app.py')).toBe(false);
  });

  it('never makes writes wait for an unreachable server, and catches up when it comes up', async () => {
    const { data, repo } = dirs();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const backend = openWriter(data, { vectors: { mode: 'external', url } });
    cleanups.push(() => backend.close());
    const report = await call(backend, 'repo:index', { path: repo });
    await call(backend, 'note:add', { fqn: 'py.app.hello', text: 'greets people' });
    const down = await call(backend, 'status:get', {});
    expect(down.sync).toMatchObject({ synced: 0, pending: report.units + 1 });
    expect(down.vectorStore).toMatchObject({ mode: 'external', url, pid: null });
    expect(['starting', 'down']).toContain(down.vectorStore.state);
    const semantic = await backend.invoke('search:query', { query: 'hello', mode: 'semantic' });
    expect(semantic).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    const hybrid = await call(backend, 'search:query', { query: 'hello', mode: 'hybrid' });
    expect(hybrid.results.length).toBeGreaterThan(0);
    expect(hybrid.notice).toMatch(/keyword results only/);
    const keyword = await call(backend, 'search:query', { query: 'load settings' });
    expect(keyword.results.length).toBeGreaterThan(0);

    // Now the server comes up on that port.
    const chromaData = tempDir('clew-ext-chroma-');
    cleanups.push(chromaData.cleanup);
    const { entry, execArgv } = serverEntry();
    const child = nodeLauncher.launch(entry, ['--path', chromaData.path, '--host', '127.0.0.1', '--port', String(port)], { env: {}, execArgv });
    cleanups.push(() => child.kill('SIGKILL'));
    await waitFor('external server ready', async () => (await call(backend, 'status:get', {})).vectorStore.state === 'ready');
    await synced(backend);
    expect((await call(backend, 'status:get', {})).sync.synced).toBe(report.units + 1);
    await expectInAgreement(data, url);
  });

  it('repairs seeded damage exactly (dry run first), and a second repair finds nothing', async () => {
    const { data, repo } = dirs();
    const backend = sidecarBackend(data);
    await call(backend, 'repo:index', { path: repo });
    await synced(backend);
    const url = serverUrl(await call(backend, 'status:get', {}));
    const collection = activeCollection(data);
    const store = new ChromaStore(url);
    const ids = [...syncedRows(data).keys()].slice(0, 4);
    await store.delete(collection, ids);
    const dimension = new HashEmbedder().dimension;
    const foreign = ['foreign-1', 'foreign-2', 'foreign-3'].map((id, i) => ({ id, embedding: Array.from({ length: dimension }, (_, k) => (k === i ? 1 : 0)), hash: 'x' }));
    await store.upsert(collection, foreign);
    const before = await store.count(collection);

    const dry = await call(backend, 'sync:repair', { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, orphans: 3, missing: 4, stale: 0, orphansDeleted: 0, requeued: 0, rebuilt: false });
    expect(await store.count(collection)).toBe(before);
    expect((await call(backend, 'status:get', {})).sync).toMatchObject({ orphans: 3, missing: 4 });

    const fixed = await call(backend, 'sync:repair', {});
    expect(fixed).toMatchObject({ dryRun: false, orphans: 3, missing: 4, orphansDeleted: 3, requeued: 4, rebuilt: false, healthy: true });
    await synced(backend);
    await expectInAgreement(data, url);
    const again = await call(backend, 'sync:repair', {});
    expect(again).toMatchObject({ orphans: 0, missing: 0, stale: 0, orphansDeleted: 0, requeued: 0, rebuilt: false, healthy: true });
    expect((await call(backend, 'status:get', {})).sync).toMatchObject({ orphans: 0, missing: 0 });
  });

  it('restores every vector from SQLite after the Chroma directory was deleted while stopped', async () => {
    const { data, repo } = dirs();
    const first = openWriter(data, { vectors: { mode: 'sidecar' } });
    const report = await call(first, 'repo:index', { path: repo });
    await synced(first);
    await first.close();
    rmSync(join(data, 'chroma'), { recursive: true, force: true });

    const second = sidecarBackend(data);
    await synced(second);
    const status = await call(second, 'status:get', {});
    expect(status.sync.synced).toBe(report.units);
    expect(status.sync.lastCheck?.detail).toMatch(/gone from the server/);
    await expectInAgreement(data, serverUrl(status));
    expect(await call(second, 'sync:repair', {})).toMatchObject({ orphans: 0, missing: 0, stale: 0, healthy: true });
    const found = await call(second, 'search:query', { query: 'say hello', mode: 'semantic', limit: 3 });
    expect(found.results.map((h) => h.symbol)).toContain('py.app.hello');
  });

  it('keeps a row edited while its batch is in flight pending, then syncs its new content', async () => {
    const { data, url, db } = await indexedThenServed();
    const target = db.prepare<[], { vector_id: string }>("SELECT vector_id FROM text_units WHERE kind = 'symbol' ORDER BY id LIMIT 1").get()!.vector_id;
    const real = new ChromaStore(url);
    let edited = false;
    // The real store, with an edit of one row slipped in while its batch is on the wire.
    const store = Object.assign(Object.create(real) as ChromaStore, {
      upsert: async (name: string, items: Array<{ id: string; embedding: Float32Array | number[]; hash: string }>) => {
        if (!edited && items.some((i) => i.id === target)) {
          edited = true;
          db.prepare("UPDATE text_units SET text = text || ' edited', content_hash = 'edited-hash' WHERE vector_id = ?").run(target);
        }
        return real.upsert(name, items);
      },
    });
    const loop = new SyncLoop(db, new HashEmbedder(), { batchSize: 5 });
    loop.setStore(store);
    expect(await loop.drain(60_000)).toBe(true);
    await loop.stop();
    expect(edited).toBe(true);
    const row = db.prepare<[string], { synced_hash: string | null; content_hash: string }>('SELECT synced_hash, content_hash FROM text_units WHERE vector_id = ?').get(target)!;
    expect(row).toEqual({ synced_hash: 'edited-hash', content_hash: 'edited-hash' });
    expect((await remoteRows(url, activeCollection(data))).get(target)).toBe('edited-hash');
  });

  it('re-inserts vectors the server still lists but its index no longer finds, from repair and from the check after a restart', async () => {
    const { data, url, db } = await indexedThenServed();
    const embedder = new HashEmbedder();
    const loop = new SyncLoop(db, embedder, { batchSize: 50 });
    cleanups.push(async () => { await loop.stop(); });
    const real = new ChromaStore(url);
    loop.setStore(real);
    expect(await loop.drain(60_000)).toBe(true);
    // What a server killed mid-write leaves: the vector is listed, with its embedding, yet no query returns it.
    // Deleting it (and adding it again) is what links it afresh.
    const unlinked = new Set<string>();
    const hide = (hits: Array<{ id: string; distance: number }>) => hits.filter((h) => !unlinked.has(h.id));
    const store = Object.assign(Object.create(real) as ChromaStore, {
      queryMany: async (name: string, embeddings: Array<Float32Array | number[]>, n: number) => (await real.queryMany(name, embeddings, n)).map(hide),
      query: async (name: string, embedding: Float32Array | number[], n: number) => hide(await real.query(name, embedding, n)),
      delete: async (name: string, ids: string[]) => {
        for (const id of ids) unlinked.delete(id);
        await real.delete(name, ids);
      },
    });
    const symbols = db.prepare<[], { vector_id: string }>("SELECT vector_id FROM text_units WHERE kind = 'symbol' ORDER BY id LIMIT 3").all().map((r) => r.vector_id);
    for (const id of symbols.slice(0, 2)) unlinked.add(id);

    const dry = await repair(db, store, embedder, { dryRun: true });
    expect(dry).toMatchObject({ orphans: 0, missing: 0, stale: 0, unsearchable: 2, requeued: 0, rebuilt: false });
    expect(unlinked.size).toBe(2);
    const fixed = await loop.exclusive(() => repair(db, store, embedder));
    expect(fixed).toMatchObject({ orphans: 0, missing: 0, stale: 0, unsearchable: 2, requeued: 2, rebuilt: false, healthy: true });
    expect(unlinked.size).toBe(0);
    expect(await loop.drain(60_000)).toBe(true);
    await expectInAgreement(data, url);
    expect(await repair(db, store, embedder)).toMatchObject({ unsearchable: 0, requeued: 0, healthy: true });

    // The check run when a server comes back finds the latest vectors it lost, without a repair.
    unlinked.add(symbols[2]!);
    const check = await loop.exclusive(() => startupCheck(db, store, embedder.id, 'restart'));
    expect(check).toMatchObject({ kind: 'restart', healthy: true, detail: expect.stringMatching(/^1 stored vector that search could not reach was re-inserted$/) });
    expect(unlinked.size).toBe(0);
    expect(await loop.drain(60_000)).toBe(true);
    await expectInAgreement(data, url);
    const found = await real.query(activeCollection(data), (await real.getEmbeddings(activeCollection(data), [symbols[2]!]))[0]!.embedding, 1);
    expect(found[0]?.id).toBe(symbols[2]);
  });

  it('rebuilds a collection whose index files were rolled back ("Error finding id"), after which search finds every vector', async () => {
    const data = tempDir('clew-vec-rollback-');
    const first = tempDir('clew-vec-repo-a-');
    const second = tempDir('clew-vec-repo-b-');
    cleanups.push(data.cleanup, first.cleanup, second.cleanup);
    generateCorpus(first.path, 40, 30);
    generateCorpus(second.path, 100, 60);
    const embedder = new HashEmbedder();
    const chroma = join(data.path, 'chroma');
    const segments = (): string[] => readdirSync(chroma, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const indexThenSync = async (repo: string): Promise<void> => {
      const writer = openWriter(data.path);
      await call(writer, 'repo:index', { path: repo });
      await writer.close();
      const { sidecar } = await startSidecar(data.path);
      const db = openWrite(join(data.path, 'clew.db'));
      const loop = new SyncLoop(db, embedder);
      loop.setStore(new ChromaStore(sidecar.readyUrl() ?? ''));
      expect(await loop.drain(120_000)).toBe(true);
      await loop.stop();
      db.close();
      await sidecar.stop();
    };
    await indexThenSync(first.path);
    for (const segment of segments()) cpSync(join(chroma, segment), join(data.path, 'snapshot', segment), { recursive: true });
    // More than the server's persist threshold (1,000) written after the snapshot, so its files record them.
    await indexThenSync(second.path);
    for (const segment of segments()) {
      rmSync(join(chroma, segment), { recursive: true, force: true });
      cpSync(join(data.path, 'snapshot', segment), join(chroma, segment), { recursive: true });
    }

    const { sidecar, url } = await startSidecar(data.path);
    cleanups.push(() => sidecar.stop());
    const db = openWrite(join(data.path, 'clew.db'));
    cleanups.push(() => { db.close(); });
    const store = new ChromaStore(url);
    const dry = await repair(db, store, embedder, { dryRun: true });
    expect(dry).toMatchObject({ orphans: 0, missing: 0, stale: 0, healthy: false, healthError: expect.stringMatching(/Error finding id/), rebuilt: false });
    const fixed = await repair(db, store, embedder);
    expect(fixed).toMatchObject({ rebuilt: true, healthy: true });
    const synced = [...syncedRows(data.path).keys()];
    expect(synced.length).toBeGreaterThan(2000);
    expect(await findUnsearchable(store, activeCollection(data.path), synced)).toEqual({ lost: [], stored: synced.length, error: null });
    await expectInAgreement(data.path, url);
  }, 240_000);

  it('re-embeds every row into a new generation when the embedder changes, then drops the old collection', async () => {
    const { data, repo } = dirs();
    const first = openWriter(data, { vectors: { mode: 'sidecar' } });
    const report = await call(first, 'repo:index', { path: repo });
    await synced(first);
    const oldCollection = activeCollection(data);
    await first.close();

    const model = tempDir('clew-tiny-model-');
    cleanups.push(model.cleanup);
    writeTinyBert(model.path);
    const second = openWriter(data, { vectors: { mode: 'sidecar' }, embedder: { kind: 'transformers', modelDir: model.path } });
    cleanups.push(() => second.close());
    await synced(second);
    const status = await call(second, 'status:get', {});
    expect(status.sync.synced).toBe(report.units);
    expect(status.sync.embedder).not.toBe('clew-hash-v1');
    const newCollection = activeCollection(data);
    expect(newCollection).not.toBe(oldCollection);
    const url = serverUrl(status);
    expect(await new ChromaStore(url).findCollection(oldCollection)).toBeNull();
    await expectInAgreement(data, url);
    const found = await call(second, 'search:query', { query: 'user', mode: 'semantic', limit: 3 });
    expect(found.results.length).toBe(3);
  });

  it('picks up rows nobody kicked it for, on its idle poll', async () => {
    const { data, url, db } = await indexedThenServed();
    const loop = new SyncLoop(db, new HashEmbedder(), { idlePollMs: 200 });
    cleanups.push(async () => { await loop.stop(); });
    loop.setStore(new ChromaStore(url));
    expect(await loop.drain(60_000)).toBe(true);
    // Another connection re-queues every row; nothing kicks the loop.
    const other = openWrite(join(data, 'clew.db'));
    const requeued = other.prepare('UPDATE text_units SET synced_hash = NULL').run().changes;
    other.close();
    expect(requeued).toBeGreaterThan(0);
    await waitFor('the idle poll to sync them', () => (db.prepare('SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash').pluck().get() as number) === 0, 30_000, 100);
  });
});
