// The vector sync runs on its own thread (spawned by the engine worker), so embedding, encoding
// and HTTP never delay the engine's writes: a note saved while a large sync runs commits at once.
// This class is the engine's handle on that thread, with the same verbs as VectorSync.
import type { RepairProgress, RepairReport } from '../../shared/types.js';
import { RpcClient } from '../base/rpc/client.js';
import { WORKERS } from '../base/rpc/workerTable.js';
import { ClewFailure } from '../base/failure.js';
import type { EmbedderSetting } from '../vectors/embedders/index.js';
import type { SyncLoopOptions, SyncLoopStatus } from './sync/syncLoop.js';
import type { FillProgress } from './sync/embedderSwitch.js';

export interface SyncThreadInit {
  dbFile: string;
  embedder: EmbedderSetting;
  sync: Omit<SyncLoopOptions, 'onStatus'>;
}

export interface SyncCommands {
  /** Sent as a notification: no reply. */
  kick: { req: null; res: null };
  setServer: { req: { url: string | null }; res: null };
  wait: { req: { timeoutMs: number }; res: boolean };
  repair: { req: { dryRun: boolean }; res: RepairReport };
  retryFailed: { req: Record<string, never>; res: number };
  stop: { req: { drainMs: number }; res: boolean };
  setPaused: { req: { paused: boolean }; res: null };
  /** Sent as a notification: an index run started (true) or the last one ended (false). */
  setIndexing: { req: { indexing: boolean }; res: null };
  /** Re-embed into a new generation with this embedder, then swap it in (resolves when done). */
  switchEmbedder: { req: { embedder: EmbedderSetting }; res: { embedderId: string } };
  cancelSwitch: { req: Record<string, never>; res: { cancelled: boolean } };
}

export interface SyncEvents {
  status: SyncLoopStatus;
  repairProgress: RepairProgress;
  switchProgress: FillProgress;
}

/** Sent with the ready message: the loaded embedder's id names every content hash. */
export interface SyncReady {
  embedderId: string;
  /** Why the configured model could not be loaded (the offline hash embedder stands in), or null. */
  embedderFallback: string | null;
}

export class SyncThread {
  private indexRuns = 0;

  private constructor(private readonly rpc: RpcClient<SyncCommands, SyncEvents, SyncReady>, readonly embedderId: string, readonly embedderFallback: string | null) {}

  /** Starts the thread; resolves once its embedder is loaded (its id names every content hash). */
  static async start(init: SyncThreadInit, onStatus: (status: SyncLoopStatus) => void, onRepairProgress: (progress: RepairProgress) => void,
    onSwitchProgress: (progress: FillProgress) => void = () => undefined): Promise<SyncThread> {
    const rpc = new RpcClient<SyncCommands, SyncEvents, SyncReady>(WORKERS.sync, {
      name: 'sync thread', workerData: init, events: { status: onStatus, repairProgress: onRepairProgress, switchProgress: onSwitchProgress },
    });
    try {
      const ready = await rpc.ready();
      return new SyncThread(rpc, ready.embedderId, ready.embedderFallback);
    } catch (e) {
      throw new ClewFailure('INTERNAL', `vector sync could not start: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  kick(): void {
    this.rpc.notify('kick', null);
  }

  setServer(url: string | null): Promise<null> {
    return this.rpc.call('setServer', { url });
  }

  wait(timeoutMs: number): Promise<boolean> {
    return this.rpc.call('wait', { timeoutMs });
  }

  repair(dryRun: boolean): Promise<RepairReport> {
    return this.rpc.call('repair', { dryRun });
  }

  retryFailed(): Promise<number> {
    return this.rpc.call('retryFailed', {});
  }

  switchEmbedder(embedder: EmbedderSetting): Promise<{ embedderId: string }> {
    return this.rpc.call('switchEmbedder', { embedder });
  }

  cancelSwitch(): Promise<{ cancelled: boolean }> {
    return this.rpc.call('cancelSwitch', {});
  }

  /** A person paused or resumed syncing (global): rows stay pending while paused. */
  setPaused(paused: boolean): Promise<null> {
    return this.rpc.call('setPaused', { paused });
  }

  /**
   * Runs an index with the sync held off, so it has the cores to itself; its vectors follow it. On 2 cores
   * the sync alongside slowed a first index of the Go tree (10,799 files) and hit SQLite's busy limit.
   */
  async whileIndexing<T>(run: () => Promise<T>): Promise<T> {
    if (this.indexRuns++ === 0) this.rpc.notify('setIndexing', { indexing: true });
    try {
      return await run();
    } finally {
      if (--this.indexRuns === 0) this.rpc.notify('setIndexing', { indexing: false });
    }
  }

  /** Drains for at most `drainMs`, then ends the thread; what is left stays pending in SQLite. */
  async stop(drainMs: number): Promise<boolean> {
    const drained = await this.rpc.call('stop', { drainMs }).catch(() => false);
    await this.rpc.terminate();
    return drained;
  }
}
