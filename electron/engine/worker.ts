// The engine worker thread: owns the only write connection; runs indexing and note writes.
import { parentPort, workerData } from 'node:worker_threads';
import { type ErrorCode, ok } from '../../shared/result.js';
import { ClewFailure, toClewError } from '../base/failure.js';
import { openWrite, type WriteDb } from '../db/connection.js';
import { addNote, deleteNote, updateNote } from '../db/write/notes.js';
import { syncPaused } from '../db/read/repoControl.js';
import { setSyncPaused } from '../db/write/repoControl.js';
import { removeRepo } from '../db/write/repoRemove.js';
import { rehashForEmbedder } from '../db/write/rehash.js';
import { restoreNotes, restoreRepos } from '../db/write/restoreNotes.js';
import { attachNotesMirror, catchUpNotesMirror, checkpointNotesMirrorSoon, notesMirrorMayBeBehind } from '../db/notesMirror.js';
import { EngineRepos } from './engineRepos.js';
import type { EngineMessage, EngineRequest, WorkerInit } from './protocol.js';
import { SyncThread } from './syncThread.js';

const port = parentPort;
if (!port) throw new Error('engine worker must run in a worker thread');
const init = workerData as WorkerInit;
const post = (message: EngineMessage): void => port.postMessage(message);

async function start(): Promise<{ db: WriteDb; vectors: SyncThread; repos: EngineRepos }> {
  const db = openWrite(init.dbFile, { manualCheckpoints: true });
  if (init.notesFile) attachNotesMirror(db, init.notesFile);
  const vectors = await SyncThread.start(
    { dbFile: init.dbFile, embedder: init.embedder, sync: init.sync ?? {} },
    (status) => post({ type: 'sync', status }),
    (progress) => post({ type: 'repairProgress', progress }),
  );
  // Every content hash names the embedder that will make its vector; a new embedder re-hashes every row.
  init.embedderId = vectors.embedderId;
  rehashForEmbedder(db, vectors.embedderId);
  if (syncPaused(db)) await vectors.setPaused(true);
  const repos = new EngineRepos({
    db,
    embedderId: () => init.embedderId,
    progress: (progress) => post({ type: 'progress', progress }),
    // A watched pass wrote rows nobody asked for: the vectors follow at once, like after any command.
    watchedPass: () => vectors.kick(),
    watchingChanged: (ids) => post({ type: 'watching', repos: ids }),
  });
  return { db, vectors, repos };
}

// The error is sent as data first: an error thrown across the thread boundary arrives without its message.
const { db, vectors, repos } = await start().catch((e: unknown) => {
  post({ type: 'failed', error: toClewError(ClewFailure.fromSystem(e, 'it failed to start')) });
  throw e;
});

async function handle(request: EngineRequest): Promise<unknown> {
  switch (request.command) {
    case 'index':
      return repos.index(request.req.path, request.req);
    case 'noteAdd':
      return addNote(db, init.embedderId, request.req.fqn, request.req.text, request.req.repo);
    case 'repoRemove':
      await repos.beforeRemove(request.req.repo);
      return removeRepo(db, request.req.repo);
    case 'noteUpdate':
      return updateNote(db, init.embedderId, request.req.id, request.req.text);
    case 'noteDelete':
      return deleteNote(db, request.req.id);
    case 'restore':
      restoreRepos(db, request.req.repos);
      return { notesRestored: restoreNotes(db, init.embedderId) };
    case 'vectorServer':
      return vectors.setServer(request.req.url);
    case 'syncWait':
      return { drained: await vectors.wait(request.req.timeoutMs) };
    case 'syncRepair':
      return vectors.repair(request.req.dryRun);
    case 'syncRetry':
      return { requeued: await vectors.retryFailed() };
    case 'shutdown':
      await repos.close();
      return { drained: await vectors.stop(request.req.drainMs) };
    case 'watchStart':
      await repos.startWatching(request.req);
      return null;
    case 'repoWatch':
      await repos.setWatch(request.req.repo, request.req.on);
      return null;
    case 'repoPause':
      await repos.pause(request.req.repo);
      return null;
    case 'repoResume':
      await repos.resume(request.req.repo);
      return null;
    case 'repoCancel':
      return { cancelled: repos.cancel(request.req.repo) };
    case 'syncPause':
      setSyncPaused(db, request.req.paused);
      return vectors.setPaused(request.req.paused);
  }
}

// Failures that may have come from a commit (see notesMirror.ts); a refused request wrote nothing.
const WRITE_FAILURES: ReadonlySet<ErrorCode> = new Set(['DISK_FULL', 'READ_ONLY', 'CORRUPT', 'INTERNAL']);

port.on('message', (request: EngineRequest) => {
  catchUpNotesMirror(db);
  handle(request).then(
    (value) => {
      post({ type: 'reply', id: request.id, result: ok(value) });
      // Something may have been written: sync soon (never awaited by the writer).
      vectors.kick();
    },
    (e: unknown) => {
      const error = toClewError(e);
      if (WRITE_FAILURES.has(error.code)) notesMirrorMayBeBehind(db);
      post({ type: 'reply', id: request.id, result: { ok: false, error } });
    },
  ).finally(() => checkpointNotesMirrorSoon(db));
});
port.on('close', () => {
  void vectors.stop(0);
  db.close();
});
post({ type: 'ready' });
