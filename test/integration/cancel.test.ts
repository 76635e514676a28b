// Cancelling an index run: finished batches keep their new index, every other file its previous
// one, nothing is removed, nothing is half-written; a re-index afterwards completes.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/dataDir.js';
import { DEFAULT_EMBEDDER_ID } from '../../electron/vectors/embedders/hashEmbedder.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { RunControl } from '../../electron/engine/runControl.js';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { type FileSnapshot, indexByFile } from '../helpers/indexSnapshot.js';
import { smallTree } from '../helpers/smallTree.js';
import { openMigrated } from '../helpers/db.js';
import type { IndexProgress } from '../../shared/types.js';

const FILES = 1500;

describe('cancelling an index', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };

  beforeEach(() => {
    repo = tempDir('clew-cancel-');
    data = tempDir('clew-data-');
  });
  afterEach(() => {
    repo.cleanup();
    data.cleanup();
  });

  /** A fresh index of the tree as it is now. */
  const fresh = async (): Promise<Map<string, FileSnapshot>> => {
    const dir = tempDir('clew-fresh-');
    try {
      const db = openMigrated(join(dir.path, 'clew.db'));
      await indexRepo(db, repo.path, { embedderId: DEFAULT_EMBEDDER_ID });
      db.close();
      return indexByFile(join(dir.path, 'clew.db'));
    } finally {
      dir.cleanup();
    }
  };

  it('leaves every file fully at its new or its previous version, removes nothing, and a re-index completes', async () => {
    writeTree(repo.path, smallTree(FILES, 1));
    const before = await fresh();
    const db = openMigrated(databaseFile(data.path));
    await indexRepo(db, repo.path, { embedderId: DEFAULT_EMBEDDER_ID });

    // Every file gets new symbols; and a file that a finished run would remove.
    writeTree(repo.path, smallTree(FILES, 2));
    const after = await fresh();
    const control = new RunControl();
    const report = await indexRepo(db, repo.path, {
      embedderId: DEFAULT_EMBEDDER_ID, control, progressIntervalMs: 0,
      onProgress: (p) => { if (p.filesDone >= 450) control.cancel(); },
    });
    expect(report.cancelled).toBe(true);
    expect(report.removed).toBe(0);

    const now = indexByFile(databaseFile(data.path));
    expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
    let updated = 0;
    for (const [path, file] of now) {
      const isNew = JSON.stringify(file) === JSON.stringify(after.get(path));
      const isOld = JSON.stringify(file) === JSON.stringify(before.get(path));
      expect(isNew || isOld, `${path} is half-indexed`).toBe(true);
      if (isNew) updated++;
    }
    // Some batches were committed, and the run stopped well before the end.
    expect(updated).toBeGreaterThan(0);
    expect(updated).toBeLessThan(FILES);

    const again = await indexRepo(db, repo.path, { embedderId: DEFAULT_EMBEDDER_ID });
    expect(again.cancelled).toBe(false);
    db.close();
    expect(Object.fromEntries(indexByFile(databaseFile(data.path)))).toEqual(Object.fromEntries(after));
  }, 300_000);

  it('a paused run waits, and cancelling it releases it', async () => {
    writeTree(repo.path, smallTree(300, 1));
    const db = openMigrated(databaseFile(data.path));
    const control = new RunControl(true);
    let progressed = 0;
    const run = indexRepo(db, repo.path, { embedderId: DEFAULT_EMBEDDER_ID, control, progressIntervalMs: 0, onProgress: (p) => { progressed = p.filesDone; } });
    // Give the paused run every chance to move (it must not): wait for many turns of the event loop.
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(progressed).toBe(0);
    control.cancel();
    const report = await run;
    expect(report).toMatchObject({ cancelled: true, changed: 0 });
    expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(0);
    db.close();
  });

  it('a run paused part-way commits the files it prepared and says exactly how far it got', async () => {
    writeTree(repo.path, smallTree(FILES, 1));
    const backend = openWriter(data.path);
    try {
      let last: IndexProgress | null = null;
      let paused: Promise<unknown> | null = null;
      // Through the channel, as the app pauses: the engine reads the request between two files.
      backend.on('index:progress', (p) => {
        last = p;
        if (!paused && p.phase === 'parsing' && p.filesDone >= 300) paused = backend.invoke('repo:pause', { repo: repo.path });
      });
      const run = call(backend, 'repo:index', { path: repo.path });
      await expect.poll(() => paused, { timeout: 60_000 }).not.toBeNull();
      await paused;
      const files = async (): Promise<number> => (await call(backend, 'repo:list', {}))[0]?.files ?? -1;
      // Held: what it prepared is searchable, and the progress it last said is where it stopped.
      await expect.poll(async () => (last as IndexProgress | null)?.filesDone === (await files()), { timeout: 30_000 }).toBe(true);
      const held = await files();
      await new Promise((r) => setTimeout(r, 300));
      expect(await files()).toBe(held);
      expect(held).toBeGreaterThanOrEqual(300);
      expect(held).toBeLessThan(FILES);
      await call(backend, 'repo:resume', { repo: repo.path });
      expect(await run).toMatchObject({ cancelled: false, files: FILES });
    } finally {
      await backend.close();
    }
  }, 120_000);

  it('cancels through the channel: the report says so and a re-index completes', async () => {
    writeTree(repo.path, smallTree(FILES, 1));
    const backend = openWriter(data.path);
    try {
      let asked: Promise<unknown> | null = null;
      backend.on('index:progress', (p) => {
        if (!asked && p.phase === 'parsing' && p.filesDone > 0) asked = backend.invoke('repo:cancel', { repo: repo.path });
      });
      const report = await call(backend, 'repo:index', { path: repo.path });
      expect(await asked).toEqual({ ok: true, value: { cancelled: true } });
      expect(report.cancelled).toBe(true);
      expect(report.files).toBeLessThan(FILES);
      const again = await call(backend, 'repo:index', { path: repo.path });
      expect(again).toMatchObject({ cancelled: false, files: FILES });
    } finally {
      await backend.close();
    }
  }, 300_000);

  it('a cancelled first index stays cancelled while watching: no watcher quietly finishes it, and a re-index then watches', async () => {
    writeTree(repo.path, smallTree(600, 1));
    const backend = openWriter(data.path, { watch: true });
    try {
      let asked: Promise<unknown> | null = null;
      let ended = false;
      let progressAfterEnd = 0;
      backend.on('index:progress', (p) => {
        if (ended) progressAfterEnd++;
        if (!asked && p.phase === 'parsing' && p.filesDone > 0) asked = backend.invoke('repo:cancel', { repo: repo.path });
      });
      const report = await call(backend, 'repo:index', { path: repo.path });
      ended = true;
      expect(await asked).toEqual({ ok: true, value: { cancelled: true } });
      expect(report.cancelled).toBe(true);
      // Long enough for a watcher to start and its catch-up pass to report progress.
      await new Promise((r) => setTimeout(r, 3000));
      const [after] = await call(backend, 'repo:list', {});
      expect(progressAfterEnd).toBe(0);
      expect(after).toMatchObject({ watching: false, lastIndexMs: null, files: report.files });
      expect(after?.files).toBeLessThan(600);

      const again = await call(backend, 'repo:index', { path: repo.path });
      expect(again).toMatchObject({ cancelled: false, files: 600 });
      expect((await call(backend, 'repo:list', {}))[0]?.watching).toBe(true);
    } finally {
      await backend.close();
    }
  }, 300_000);
});
