// The vector sync runs on its own thread (spawned by the engine worker), so embedding, encoding
// and HTTP never delay the engine's writes: a note saved while a large sync runs commits at once.
// This class is the engine's handle on that thread, with the same verbs as VectorSync.
import type { Worker } from 'node:worker_threads';
import type { RepairProgress, RepairReport } from '../../shared/types.js';
import type { Result } from '../../shared/result.js';
import { ClewFailure } from '../core/failure.js';
import type { EmbedderSetting } from './embedders/index.js';
import { spawnWorker } from './spawnWorker.js';
import type { SyncLoopOptions, SyncLoopStatus } from './sync/syncLoop.js';

export interface SyncThreadInit {
  dbFile: string;
  embedder: EmbedderSetting;
  sync: Omit<SyncLoopOptions, 'onStatus'>;
}

export interface SyncCommands {
  setServer: { req: { url: string | null }; res: null };
  wait: { req: { timeoutMs: number }; res: boolean };
  repair: { req: { dryRun: boolean }; res: RepairReport };
  retryFailed: { req: Record<string, never>; res: number };
  stop: { req: { drainMs: number }; res: boolean };
  setPaused: { req: { paused: boolean }; res: null };
}
export type SyncCommand = keyof SyncCommands;
export type SyncRequest = { [K in SyncCommand]: { id: number; command: K; req: SyncCommands[K]['req'] } }[SyncCommand] | { id: 0; command: 'kick' };

export type SyncThreadMessage =
  | { type: 'ready'; embedderId: string; embedderFallback: string | null }
  | { type: 'failed'; error: string }
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'status'; status: SyncLoopStatus }
  | { type: 'repairProgress'; progress: RepairProgress };

export class SyncThread {
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  private exited: string | null = null;

  private constructor(private readonly worker: Worker, readonly embedderId: string, readonly embedderFallback: string | null) {}

  /** Starts the thread; resolves once its embedder is loaded (its id names every content hash). */
  static start(init: SyncThreadInit, onStatus: (status: SyncLoopStatus) => void, onRepairProgress: (progress: RepairProgress) => void): Promise<SyncThread> {
    const worker = spawnWorker(import.meta.url, './syncWorker.ts', 'sync-worker.js', init);
    return new Promise((resolve, reject) => {
      let thread: SyncThread | null = null;
      worker.on('message', (message: SyncThreadMessage) => {
        if (message.type === 'ready') resolve((thread = new SyncThread(worker, message.embedderId, message.embedderFallback)));
        else if (message.type === 'failed') reject(new ClewFailure('INTERNAL', `vector sync could not start: ${message.error}`));
        else if (message.type === 'status') onStatus(message.status);
        else if (message.type === 'repairProgress') onRepairProgress(message.progress);
        else thread?.settle(message.id, message.result);
      });
      worker.on('error', (e) => { reject(e); thread?.fail(e.message); });
      worker.on('exit', (code) => thread?.fail(`sync thread exited with code ${code}`));
    });
  }

  private settle(id: number, result: Result<unknown>): void {
    const done = this.pending.get(id);
    this.pending.delete(id);
    done?.(result);
  }

  private fail(why: string): void {
    this.exited ??= why;
    for (const done of this.pending.values()) done({ ok: false, error: { code: 'UNAVAILABLE', message: why } });
    this.pending.clear();
  }

  private async call<C extends SyncCommand>(command: C, req: SyncCommands[C]['req']): Promise<SyncCommands[C]['res']> {
    if (this.exited) throw new ClewFailure('UNAVAILABLE', this.exited);
    const id = this.nextId++;
    const result = await new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, command, req });
    });
    if (!result.ok) throw new ClewFailure(result.error.code, result.error.message);
    return result.value as SyncCommands[C]['res'];
  }

  kick(): void {
    if (!this.exited) this.worker.postMessage({ id: 0, command: 'kick' } satisfies SyncRequest);
  }

  setServer(url: string | null): Promise<null> {
    return this.call('setServer', { url });
  }

  wait(timeoutMs: number): Promise<boolean> {
    return this.call('wait', { timeoutMs });
  }

  repair(dryRun: boolean): Promise<RepairReport> {
    return this.call('repair', { dryRun });
  }

  retryFailed(): Promise<number> {
    return this.call('retryFailed', {});
  }

  /** A person paused or resumed syncing (global): rows stay pending while paused. */
  setPaused(paused: boolean): Promise<null> {
    return this.call('setPaused', { paused });
  }

  /** Drains for at most `drainMs`, then ends the thread; what is left stays pending in SQLite. */
  async stop(drainMs: number): Promise<boolean> {
    const drained = await this.call('stop', { drainMs }).catch(() => false);
    await this.worker.terminate();
    return drained;
  }
}
