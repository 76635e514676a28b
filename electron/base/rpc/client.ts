// The host's side of the RPC: spawns the worker, waits for its ready/failed handshake, numbers each
// call and settles it from its Result; when the worker ends, every call in flight fails UNAVAILABLE.
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { isErrorCode, type Result } from '../../../shared/result.js';
import { ClewFailure } from '../failure.js';
import type { EventListeners, HostMessage, Protocol, Verb, WorkerMessage } from './protocol.js';
import { spawnWorker } from './spawnWorker.js';
import type { WorkerEntry } from './workerTable.js';

export interface ClientOptions<E> {
  /** Names the worker in errors: "<name> is not running: …", "<name> worker exited with code 1". */
  name: string;
  workerData?: unknown;
  /** The worker's V8 heap limits (young and old generation): a smaller heap is collected sooner instead of growing. */
  resourceLimits?: ResourceLimits;
  events?: EventListeners<E>;
  /** The worker ended (after a failed start too); called once. */
  onExit?: () => void;
}

/** What the worker thread threw. A start-up failure is posted, then thrown, and under load the thread's error can
 * overtake the message: it keeps the failure's code, which crosses the thread as an own property. */
function threadFailure(e: Error): ClewFailure {
  if (e instanceof ClewFailure) return e;
  const code = (e as { code?: unknown }).code;
  return new ClewFailure(isErrorCode(code) ? code : 'UNAVAILABLE', e.message);
}

export class RpcClient<P extends Protocol<P>, E = Record<never, never>, Ready = unknown> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  /** Calls made before the worker was ready, still waiting to be sent. */
  private queued = 0;
  /** Why the worker is not running (start failed or it ended); null while it runs. */
  private stopped: ClewFailure | null = null;
  private settleReady: (info: Ready | ClewFailure) => void = () => undefined;
  private readonly started: Promise<Ready | ClewFailure>;

  constructor(entry: WorkerEntry, private readonly options: ClientOptions<E>) {
    this.started = new Promise((resolve) => { this.settleReady = resolve; });
    this.worker = spawnWorker(entry, options.workerData ?? null, options.resourceLimits);
    this.worker.on('message', (message: WorkerMessage) => this.receive(message));
    this.worker.on('error', (e) => this.fail(threadFailure(e)));
    this.worker.on('exit', (code) => {
      this.fail(new ClewFailure('UNAVAILABLE', `${options.name} worker exited with code ${code}`));
      options.onExit?.();
    });
  }

  private receive(message: WorkerMessage): void {
    switch (message.kind) {
      case 'ready':
        this.settleReady(message.info as Ready);
        return;
      case 'failed':
        this.fail(new ClewFailure(message.error.code, message.error.message));
        return;
      case 'event':
        (this.options.events?.[message.name as keyof E & string] as ((payload: unknown) => void) | undefined)?.(message.payload);
        return;
      case 'reply': {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.result);
      }
    }
  }

  /** The worker failed or ended: readiness settles, and every waiting and later call fails, none is left waiting. */
  private fail(why: ClewFailure): void {
    this.stopped ??= why;
    this.settleReady(why);
    for (const settle of this.pending.values()) settle({ ok: false, error: { code: 'UNAVAILABLE', message: `${this.options.name} stopped: ${why.message}` } });
    this.pending.clear();
  }

  /** Resolves with what the worker sent when ready; rejects with its start-up failure (code and message kept). */
  async ready(): Promise<Ready> {
    const info = await this.started;
    if (info instanceof ClewFailure) throw info;
    return info;
  }

  /** Calls a verb once the worker is ready; rejects with the handler's failure, code and message kept. */
  async call<K extends Verb<P>>(verb: K, req: P[K]['req']): Promise<P[K]['res']> {
    const result = await this.result(verb, req);
    if (!result.ok) throw new ClewFailure(result.error.code, result.error.message);
    return result.value;
  }

  /** Like call(), with the handler's failure as data; a worker that is not running still rejects. */
  async result<K extends Verb<P>>(verb: K, req: P[K]['req']): Promise<Result<P[K]['res']>> {
    this.queued++;
    await this.started.finally(() => this.queued--);
    if (this.stopped) throw new ClewFailure(this.stopped.code, `${this.options.name} is not running: ${this.stopped.message}`);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: Result<unknown>) => void);
      this.worker.postMessage({ kind: 'call', id, verb, req } satisfies HostMessage);
    });
  }

  /** Fire and forget: no reply, failures are the worker's to report. */
  notify<K extends Verb<P>>(verb: K, req: P[K]['req']): void {
    if (!this.stopped) this.worker.postMessage({ kind: 'notify', verb, req } satisfies HostMessage);
  }

  /** Calls waiting for an answer, counting those made before the worker was ready (a pool spreads them by this). */
  get inFlight(): number {
    return this.pending.size + this.queued;
  }

  get running(): boolean {
    return this.stopped === null;
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
