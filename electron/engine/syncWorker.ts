// The sync thread: its own write connection, embedder and sync loop (see syncThread.ts for why).
import { parentPort, workerData } from 'node:worker_threads';
import { ok } from '../../shared/result.js';
import { toClewError } from '../base/failure.js';
import { checkpointPassive, openWrite } from '../db/connection.js';
import { createEmbedder, type Embedder } from '../vectors/embedders/index.js';
import type { SyncRequest, SyncThreadInit, SyncThreadMessage } from './syncThread.js';
import { VectorSync } from './vectorSync.js';

const port = parentPort;
if (!port) throw new Error('the sync worker must run in a worker thread');
const init = workerData as SyncThreadInit;
const post = (message: SyncThreadMessage): void => port.postMessage(message);
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
let embedder: Embedder;
try {
  embedder = await createEmbedder(init.embedder);
} catch (e) {
  post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  throw e;
}
const vectors = new VectorSync(db, embedder, (status) => post({ type: 'status', status }), init.sync);

async function handle(request: SyncRequest): Promise<unknown> {
  switch (request.command) {
    case 'kick':
      vectors.kick();
      return null;
    case 'setServer':
      vectors.setServer(request.req.url);
      return null;
    case 'wait':
      return vectors.wait(request.req.timeoutMs);
    case 'repair':
      return vectors.repair(request.req.dryRun, (progress) => post({ type: 'repairProgress', progress }));
    case 'retryFailed':
      return vectors.retryFailed();
    case 'stop':
      return vectors.stop(request.req.drainMs);
    case 'setPaused':
      vectors.setPaused(request.req.paused);
      return null;
  }
}

port.on('message', (request: SyncRequest) => {
  handle(request).then(
    (value) => { if (request.id !== 0) post({ type: 'reply', id: request.id, result: ok(value) }); },
    (e: unknown) => { if (request.id !== 0) post({ type: 'reply', id: request.id, result: { ok: false, error: toClewError(e) } }); },
  );
});
port.on('close', () => {
  void embedder.close();
  db.close();
});
post({ type: 'ready', embedderId: embedder.id });
