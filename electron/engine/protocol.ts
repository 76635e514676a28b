// The engine worker's verbs and events (see base/rpc/); it runs indexing and note writes.
import type { IndexRequest } from '../../shared/contract.js';
import type { IndexProgress, IndexReport, Language, NoteRow, RepairProgress, RepairReport, RepoRemoved } from '../../shared/types.js';
import type { EmbedderSetting } from '../vectors/embedders/index.js';
import type { WalkSettings } from './engineRepos.js';
import type { SyncLoopStatus } from './sync/syncLoop.js';
import type { FillProgress } from './sync/embedderSwitch.js';

export interface EngineCommands {
  /** The request plus the settings the walk honours (the Backend fills them in from settings.json). */
  index: { req: IndexRequest & { extraIgnores?: string[]; languages?: Language[] | null }; res: IndexReport };
  noteAdd: { req: { fqn: string; text: string; repo?: string | undefined }; res: NoteRow };
  repoRemove: { req: { repo: string }; res: RepoRemoved };
  noteUpdate: { req: { id: number; text: string }; res: NoteRow };
  noteDelete: { req: { id: number }; res: { deleted: boolean } };
  /** After a damaged clew.db was replaced: bring back the repo rows and every note kept in notes.db. */
  restore: { req: { repos: Array<{ path: string; name: string; addedAt: number }> }; res: { notesRestored: number } };
  /** The vector server the Backend found ready, or null when it is not. */
  vectorServer: { req: { url: string | null }; res: null };
  syncWait: { req: { timeoutMs: number }; res: { drained: boolean } };
  syncRepair: { req: { dryRun: boolean }; res: RepairReport };
  syncRetry: { req: Record<string, never>; res: { requeued: number } };
  /** Drain for at most drainMs, then stop syncing (the worker is terminated next). */
  shutdown: { req: { drainMs: number }; res: { drained: boolean } };
  /** This process follows file changes (app, clew serve): watch every repo with watch on and not paused. */
  watchStart: { req: WalkSettings; res: null };
  repoWatch: { req: { repo: string; on: boolean }; res: null };
  repoPause: { req: { repo: string }; res: null };
  repoResume: { req: { repo: string }; res: null };
  repoCancel: { req: { repo: string }; res: { cancelled: boolean } };
  /** Pausing sync is global and kept across restarts. */
  syncPause: { req: { paused: boolean }; res: null };
  /** Re-embed everything with this embedder into a new generation (the old one answers meanwhile), then swap; resolves when done. */
  embedderSwitch: { req: { embedder: EmbedderSetting }; res: { embedderId: string } };
  embedderSwitchCancel: { req: Record<string, never>; res: { cancelled: boolean } };
}
export type EngineCommand = keyof EngineCommands;

/** What the engine worker reports unasked. */
export interface EngineEvents {
  progress: IndexProgress;
  sync: SyncLoopStatus;
  repairProgress: RepairProgress;
  /** Ids of the repos with a live watcher. */
  watching: number[];
  /** The configured model could not be loaded; the hash embedder stands in. */
  embedderFallback: string;
  /** Progress of an embedder switch's re-embedding. */
  switchProgress: FillProgress;
}

export interface WorkerInit {
  dbFile: string;
  /** notes.db, kept in step with every note write (see db/notesMirror.ts). */
  notesFile?: string;
  /** Set by the worker from the embedder it built (content hashes include it). */
  embedderId: string;
  embedder: EmbedderSetting;
  /** Batch bounds for the sync loop (tests and benchmarks tune them). */
  sync?: { batchSize?: number; maxBatchBytes?: number; failedRetryMs?: number };
  /** Start the parse workers with the engine and load the indexed languages' grammars (a host that stays up and watches). */
  warmParsePool?: boolean;
}
