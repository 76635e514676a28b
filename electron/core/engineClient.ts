// Spawns the engine worker and turns its messages into typed promises and progress callbacks.
import type { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/result.js';
import type { IndexProgress, RepairProgress } from '../../shared/types.js';
import type { EngineCommand, EngineCommands, EngineMessage, WorkerInit } from '../engine/protocol.js';
import type { SyncLoopStatus } from '../engine/sync/syncLoop.js';
import { spawnWorker } from '../engine/spawnWorker.js';
import { ClewFailure } from './failure.js';

export interface EngineEvents {
  progress(progress: IndexProgress): void;
  sync(status: SyncLoopStatus): void;
  repairProgress(progress: RepairProgress): void;
  /** Ids of the repos the engine watches now. */
  watching?(repoIds: number[]): void;
  /** The configured model could not be loaded; the hash embedder stands in. */
  embedderFallback?(reason: string): void;
}

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  /** Settles when the worker is ready or has failed; `exited` tells which. */
  private readonly ready: Promise<void>;
  private settleReady: () => void = () => undefined;
  private exited: Error | null = null;

  constructor(init: WorkerInit, private readonly events: EngineEvents) {
    this.worker = spawnWorker(import.meta.url, '../engine/worker.ts', 'engine-worker.js', init);
    this.ready = new Promise((resolve) => {
      this.settleReady = resolve;
    });
    this.worker.on('message', (message: EngineMessage) => {
      if (message.type === 'ready') {
        if (message.embedderFallback) this.events.embedderFallback?.(message.embedderFallback);
        this.settleReady();
      }
      else if (message.type === 'failed') this.fail(new ClewFailure(message.error.code, message.error.message));
      else if (message.type === 'progress') this.events.progress(message.progress);
      else if (message.type === 'sync') this.events.sync(message.status);
      else if (message.type === 'repairProgress') this.events.repairProgress(message.progress);
      else if (message.type === 'watching') this.events.watching?.(message.repos);
      else {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.result);
      }
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`engine worker exited with code ${code}`)));
  }

  /** The worker failed or ended: every waiting and later call fails, none is left waiting. */
  private fail(e: Error): void {
    this.exited ??= e;
    this.settleReady();
    for (const settle of this.pending.values()) settle({ ok: false, error: { code: 'INTERNAL', message: `engine stopped: ${e.message}` } });
    this.pending.clear();
  }

  async call<C extends EngineCommand>(command: C, req: EngineCommands[C]['req']): Promise<Result<EngineCommands[C]['res']>> {
    await this.ready;
    if (this.exited) throw new ClewFailure(this.exited instanceof ClewFailure ? this.exited.code : 'UNAVAILABLE', `engine is not running: ${this.exited.message}`);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: Result<unknown>) => void);
      this.worker.postMessage({ id, command, req });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
