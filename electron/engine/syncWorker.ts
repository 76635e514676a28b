// The sync thread: its own write connection, embedder and sync loop (see syncThread.ts for why).
import { workerData } from 'node:worker_threads';
import { emitter, serve } from '../base/rpc/server.js';
import { checkpointPassive, openWrite } from '../db/connection.js';
import { createEmbedder, type Embedder } from '../vectors/embedders/index.js';
import type { SyncCommands, SyncEvents, SyncReady, SyncThreadInit } from './syncThread.js';
import { VectorSync } from './vectorSync.js';
import { traceMemory } from '../base/rpc/memoryTrace.js';

const init = workerData as SyncThreadInit;
const db = openWrite(init.dbFile, { manualCheckpoints: true });
// The writers' commits never checkpoint (a commit that did would stall a note save); this thread does,
// passively: it never waits for, or blocks, a writer.
const CHECKPOINT_MS = 500;
setInterval(() => {
  try {
    checkpointPassive(db);
  } catch {
    // Busy or closing: the next tick tries again.
  }
}, CHECKPOINT_MS).unref();
const emit = emitter<SyncEvents>();
traceMemory('sync');

/** A model that cannot load must not stop indexing and notes: the offline hash embedder stands in, and says why. */
async function loadEmbedder(): Promise<{ embedder: Embedder; fallback: string | null }> {
  try {
    return { embedder: await createEmbedder(init.embedder), fallback: null };
  } catch (e) {
    if (init.embedder.kind === 'hash') throw e;
    const fallback = `the model in ${init.embedder.modelDir} could not be loaded (${e instanceof Error ? e.message : String(e)})`;
    return { embedder: await createEmbedder({ kind: 'hash' }), fallback };
  }
}

await serve<SyncCommands, SyncReady>(async () => {
  const { embedder, fallback } = await loadEmbedder();
  const vectors = new VectorSync(db, embedder, (status) => emit('status', status), init.sync);
  return {
    ready: { embedderId: embedder.id, embedderFallback: fallback },
    handlers: {
      kick: () => (vectors.kick(), null),
      setServer: (req) => (vectors.setServer(req.url), null),
      wait: (req) => vectors.wait(req.timeoutMs),
      repair: (req) => vectors.repair(req.dryRun, (progress) => emit('repairProgress', progress)),
      retryFailed: () => vectors.retryFailed(),
      stop: (req) => vectors.stop(req.drainMs),
      setPaused: (req) => (vectors.setPaused(req.paused), null),
      setIndexing: (req) => (vectors.setIndexing(req.indexing), null),
      switchEmbedder: (req) => vectors.switchEmbedder(req.embedder, (progress) => emit('switchProgress', progress)),
      cancelSwitch: () => ({ cancelled: vectors.cancelSwitch() }),
    },
    close: () => {
      void embedder.close();
      db.close();
    },
  };
}, { startFailure: (e) => ({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }) });
