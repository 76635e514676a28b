// The sync thread: its own write connection, embedder and sync loop (see syncThread.ts for why).
import { workerData } from 'node:worker_threads';
import { emitter, serve } from '../base/rpc/server.js';
import { openDatabase } from '../db/connection.js';
import { createEmbedder } from '../vectors/embedders/index.js';
import type { SyncCommands, SyncEvents, SyncReady, SyncThreadInit } from './syncThread.js';
import { VectorSync } from './vectorSync.js';

const init = workerData as SyncThreadInit;
const db = openDatabase(init.dbFile, { migrate: false, manualCheckpoints: true });
// The writers' commits never checkpoint (a commit that did would stall a note save); this thread does,
// passively: it never waits for, or blocks, a writer.
const CHECKPOINT_MS = 500;
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next tick tries again.
  }
}, CHECKPOINT_MS).unref();
const emit = emitter<SyncEvents>();

await serve<SyncCommands, SyncReady>(async () => {
  const embedder = await createEmbedder(init.embedder);
  const vectors = new VectorSync(db, embedder, (status) => emit('status', status), init.sync);
  return {
    ready: { embedderId: embedder.id },
    handlers: {
      kick: () => (vectors.kick(), null),
      setServer: (req) => (vectors.setServer(req.url), null),
      wait: (req) => vectors.wait(req.timeoutMs),
      repair: (req) => vectors.repair(req.dryRun, (progress) => emit('repairProgress', progress)),
      retryFailed: () => vectors.retryFailed(),
      stop: (req) => vectors.stop(req.drainMs),
      setPaused: (req) => (vectors.setPaused(req.paused), null),
    },
    close: () => {
      void embedder.close();
      db.close();
    },
  };
}, { startFailure: (e) => ({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }) });
