// Spawns the engine worker and turns its messages into typed promises and progress callbacks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/result.js';
import type { IndexProgress } from '../../shared/types.js';
import type { EngineCommand, EngineCommands, EngineMessage, WorkerInit } from '../engine/protocol.js';
import { ClewFailure } from './failure.js';

/** Built: dist/engine-worker.js beside the bundle. From source (tests, tsx): the .ts file, with tsx
 * registered inside the worker first (Node 20 does not pass loader hooks to workers). */
function spawnWorker(init: WorkerInit): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./engine-worker.js', here), { workerData: init });
  const tsxApi = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('../engine/worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })
    .catch((e) => { console.error(e); process.exit(70); });`;
  return new Worker(boot, { eval: true, workerData: init });
}

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  private readonly ready: Promise<void>;
  private exited: Error | null = null;

  constructor(init: WorkerInit, private readonly onProgress: (progress: IndexProgress) => void) {
    this.worker = spawnWorker(init);
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.on('message', (message: EngineMessage) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'progress') this.onProgress(message.progress);
        else {
          const settle = this.pending.get(message.id);
          this.pending.delete(message.id);
          settle?.(message.result);
        }
      });
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`engine worker exited with code ${code}`)));
  }

  private fail(e: Error): void {
    this.exited ??= e;
    for (const settle of this.pending.values()) settle({ ok: false, error: { code: 'INTERNAL', message: `engine stopped: ${e.message}` } });
    this.pending.clear();
  }

  async call<C extends EngineCommand>(command: C, req: EngineCommands[C]['req']): Promise<Result<EngineCommands[C]['res']>> {
    await this.ready;
    if (this.exited) throw new ClewFailure('UNAVAILABLE', `engine is not running: ${this.exited.message}`);
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
