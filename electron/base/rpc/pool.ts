// A few workers of one kind behind one call(): each call goes to the least busy worker; a worker
// that ends fails only its own calls (UNAVAILABLE) and is replaced. A call given a deadline that
// passes fails TIMEOUT, and its worker (stuck in code that cannot be interrupted) is ended and replaced.
import { ClewFailure } from '../failure.js';
import { RpcClient, type ClientOptions } from './client.js';
import type { Protocol, Verb } from './protocol.js';
import type { WorkerEntry } from './workerTable.js';

export class RpcPool<P extends Protocol<P>, E = Record<never, never>> {
  private readonly slots: Array<RpcClient<P, E>> = [];
  private closed = false;

  constructor(private readonly entry: WorkerEntry, readonly size: number, private readonly options: Omit<ClientOptions<E>, 'onExit'>) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): RpcClient<P, E> {
    let started = false;
    const client: RpcClient<P, E> = new RpcClient<P, E>(this.entry, {
      ...this.options,
      // A worker that had started is replaced at once; one that failed to start only when next asked (no restart loop).
      onExit: () => { if (started) this.replace(client); },
    });
    client.ready().then(() => { started = true; }, () => undefined);
    return client;
  }

  private replace(client: RpcClient<P, E>): void {
    const index = this.slots.indexOf(client);
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn();
  }

  private pick(): RpcClient<P, E> | undefined {
    const running = this.slots.filter((c) => c.running);
    if (running.length === 0) this.slots.forEach((c) => this.replace(c));
    return (running.length ? running : this.slots).reduce<RpcClient<P, E> | undefined>((best, c) => (!best || c.inFlight < best.inFlight ? c : best), undefined);
  }

  /** `timeoutMs`: how long the answer may take before the call fails TIMEOUT and its worker is replaced. */
  async call<K extends Verb<P>>(verb: K, req: P[K]['req'], timeoutMs?: number): Promise<P[K]['res']> {
    if (this.closed) throw new ClewFailure('UNAVAILABLE', `${this.options.name} workers are closed`);
    const client = this.pick();
    if (!client) throw new ClewFailure('UNAVAILABLE', `${this.options.name} has no workers`);
    if (timeoutMs === undefined) return client.call(verb, req);
    // The worker's start-up is not the call's time.
    await client.ready().catch(() => undefined);
    const answer = client.call(verb, req);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new ClewFailure('TIMEOUT', `${this.options.name} took longer than ${timeoutMs} ms; it was stopped`));
        // Its slot gets a fresh worker now, so the next call does not land on the stuck one.
        this.replace(client);
        void client.terminate();
      }, timeoutMs);
      answer.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((c) => c.terminate()));
  }
}
