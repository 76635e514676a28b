// What a SyncLoop test starts from: a small tree indexed into a fresh data dir, the real Chroma sidecar on it,
// a write connection, and the real store with each upsert held back (a server busy with a large graph).
import { join } from 'node:path';
import { openWrite, type WriteDb } from '../../electron/db/connection.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { call, openWriter } from './backend.js';
import { startSidecar } from './chroma.js';
import { tempDir, writeTree } from './fixtures.js';
import { smallTree } from './smallTree.js';

type UpsertItems = Parameters<ChromaStore['upsert']>[1];

export interface SyncLoopSetup {
  db: WriteDb;
  url: string;
  /** Rows whose vector is not (or not as it is now) in the store. */
  pending(): number;
  /** The real store whose upserts wait `ms` first; `around` runs each one (the wait and the real upsert) when given. */
  slowStore(ms: number, around?: (send: () => Promise<void>, items: UpsertItems) => Promise<void>): ChromaStore;
}

/** Indexes `files` functions' worth of tree, starts the sidecar and opens the database; `cleanups` undo it. */
export async function syncLoopSetup(prefix: string, files: number, cleanups: Array<() => Promise<void> | void>): Promise<SyncLoopSetup> {
  const data = tempDir(`clew-${prefix}-data-`);
  const repo = tempDir(`clew-${prefix}-repo-`);
  cleanups.push(data.cleanup, repo.cleanup);
  writeTree(repo.path, smallTree(files));
  const writer = openWriter(data.path);
  await call(writer, 'repo:index', { path: repo.path });
  await writer.close();
  const { sidecar, url } = await startSidecar(data.path);
  cleanups.push(() => sidecar.stop());
  const db = openWrite(join(data.path, 'clew.db'));
  cleanups.push(() => { db.close(); });
  const real = new ChromaStore(url);
  return {
    db,
    url,
    pending: () => db.prepare<[], number>('SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash').pluck().get() ?? 0,
    slowStore: (ms, around = (send) => send()) => Object.assign(Object.create(real) as ChromaStore, {
      upsert: (name: string, items: UpsertItems) => around(async () => {
        await new Promise((r) => setTimeout(r, ms));
        await real.upsert(name, items);
      }, items),
    }),
  };
}
