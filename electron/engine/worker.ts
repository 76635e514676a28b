// The engine worker thread: runs indexing and note writes on its write connection, and owns the sync thread.
import { workerData } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/result.js';
import type { Handlers } from '../base/rpc/protocol.js';
import { emitter, serve } from '../base/rpc/server.js';
import { openWrite, type WriteDb } from '../db/connection.js';
import { addNote, deleteNote, updateNote } from '../db/write/notes.js';
import { syncPaused } from '../db/read/repoControl.js';
import { indexedLanguages } from '../db/read/indexedLanguages.js';
import { setSyncPaused } from '../db/write/repoControl.js';
import { removeRepo } from '../db/write/repoRemove.js';
import { rehashForEmbedder } from '../db/write/rehash.js';
import { restoreNotes, restoreRepos } from '../db/write/restoreNotes.js';
import { attachNotesMirror, catchUpNotesMirror, checkpointNotesMirrorSoon, notesMirrorMayBeBehind } from '../db/notesMirror.js';
import { EngineRepos } from './engineRepos.js';
import type { EngineCommands, EngineEvents, WorkerInit } from './protocol.js';
import { SyncThread } from './syncThread.js';
import { EngineParsePool } from './parsePool.js';
import { defaultParseWorkers } from './fileWriter.js';
import { traceMemory } from '../base/rpc/memoryTrace.js';

const init = workerData as WorkerInit;
const emit = emitter<EngineEvents>();
traceMemory('engine');

async function start(): Promise<{ db: WriteDb; vectors: SyncThread; repos: EngineRepos; parsePool: EngineParsePool }> {
  // In a host that stays up, started with the engine and kept: the first repo added is parsed by workers already up.
  const parsePool = new EngineParsePool(defaultParseWorkers());
  const db = openWrite(init.dbFile, { manualCheckpoints: true });
  // The grammars of what is indexed load now, not when the first changed file arrives.
  if (init.warmParsePool) void parsePool.get().warm(indexedLanguages(db)).catch(() => undefined);
  if (init.notesFile) attachNotesMirror(db, init.notesFile);
  const vectors = await SyncThread.start(
    { dbFile: init.dbFile, embedder: init.embedder, sync: init.sync ?? {} },
    (status) => emit('sync', status),
    (progress) => emit('repairProgress', progress),
    (progress) => emit('switchProgress', progress),
  );
  // Every content hash names the embedder that will make its vector; a new embedder re-hashes every row.
  init.embedderId = vectors.embedderId;
  if (vectors.embedderFallback) emit('embedderFallback', vectors.embedderFallback);
  rehashForEmbedder(db, vectors.embedderId);
  if (syncPaused(db)) await vectors.setPaused(true);
  const repos = new EngineRepos({
    db,
    embedderId: () => init.embedderId,
    progress: (progress) => emit('progress', progress),
    // A watched pass wrote rows nobody asked for: the vectors follow at once, like after any command.
    watchedPass: () => vectors.kick(),
    watchingChanged: (ids) => emit('watching', ids),
    parsePool: () => parsePool.get(),
  });
  return { db, vectors, repos, parsePool };
}

function handlers(db: WriteDb, vectors: SyncThread, repos: EngineRepos, parsePool: EngineParsePool): Handlers<EngineCommands> {
  return {
    index: (req) => vectors.whileIndexing(() => repos.index(req.path, req)),
    noteAdd: (req) => addNote(db, init.embedderId, req.fqn, req.text, req.repo),
    repoRemove: async (req) => {
      await repos.beforeRemove(req.repo);
      return removeRepo(db, req.repo);
    },
    noteUpdate: (req) => updateNote(db, init.embedderId, req.id, req.text),
    noteDelete: (req) => deleteNote(db, req.id),
    restore: (req) => {
      restoreRepos(db, req.repos);
      return { notesRestored: restoreNotes(db, init.embedderId) };
    },
    vectorServer: (req) => vectors.setServer(req.url),
    syncWait: async (req) => ({ drained: await vectors.wait(req.timeoutMs) }),
    syncRepair: (req) => vectors.repair(req.dryRun),
    syncRetry: async () => ({ requeued: await vectors.retryFailed() }),
    shutdown: async (req) => {
      await repos.close();
      await parsePool.close();
      return { drained: await vectors.stop(req.drainMs) };
    },
    watchStart: async (req) => (await repos.startWatching(req), null),
    repoWatch: async (req) => (await repos.setWatch(req.repo, req.on), null),
    repoPause: async (req) => (await repos.pause(req.repo), null),
    repoResume: async (req) => (await repos.resume(req.repo), null),
    repoCancel: (req) => ({ cancelled: repos.cancel(req.repo) }),
    embedderSwitch: async (req) => {
      const switched = await vectors.switchEmbedder(req.embedder);
      // Rows written from now on are hashed for the embedder that will embed them.
      init.embedderId = switched.embedderId;
      return switched;
    },
    embedderSwitchCancel: () => vectors.cancelSwitch(),
    syncPause: (req) => {
      setSyncPaused(db, req.paused);
      return vectors.setPaused(req.paused);
    },
  };
}

// Failures that may have come from a commit (see notesMirror.ts); a refused request wrote nothing.
const WRITE_FAILURES: ReadonlySet<ErrorCode> = new Set(['DISK_FULL', 'READ_ONLY', 'CORRUPT', 'INTERNAL']);

await serve<EngineCommands, null>(async () => {
  const { db, vectors, repos, parsePool } = await start();
  return {
    ready: null,
    handlers: handlers(db, vectors, repos, parsePool),
    before: () => catchUpNotesMirror(db),
    after: (_verb, result) => {
      // Something may have been written: sync soon (never awaited by the writer).
      if (result.ok) vectors.kick();
      else if (WRITE_FAILURES.has(result.error.code)) notesMirrorMayBeBehind(db);
      checkpointNotesMirrorSoon(db);
    },
    close: () => {
      void parsePool.close();
      void vectors.stop(0);
      db.close();
    },
  };
});
