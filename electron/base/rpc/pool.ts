// A few workers of one kind behind one call(): each call goes to the least busy worker; a worker
// that ends fails only its own calls (UNAVAILABLE) and is replaced. A call given a deadline that
// passes fails TIMEOUT, and its worker (stuck in code that cannot be interrupted) is ended and replaced.
// A worker can also be retired after an answer (it grew too large): a successor starts at once and the
// old one ends when its last call is answered. An idle pool can shrink (its extra workers end, freeing their
// heaps) and grow back to its size when asked.
import { ClewFailure } from '../failure.js';
import { RpcClient, type ClientOptions } from './client.js';
import type { Protocol, Verb } from './protocol.js';
import type { WorkerEntry } from './workerTable.js';

export interface PoolOptions<P extends Protocol<P>, E> extends Omit<ClientOptions<E>, 'onExit'> {
  /** Each new worker (the first ones, replacements, successors): e.g. to warm it up before it is asked. */
  onSpawn?: (client: RpcClient<P, E>) => void;
}

export class RpcPool<P extends Protocol<P>, E = Record<never, never>> {
  private readonly slots: Array<RpcClient<P, E>> = [];
  /** Retired workers still answering their last calls. */
  private readonly retiring = new Set<RpcClient<P, E>>();
  private closed = false;

  constructor(private readonly entry: WorkerEntry, readonly size: number, private readonly options: PoolOptions<P, E>) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): RpcClient<P, E> {
    let started = false;
    const { onSpawn, ...clientOptions } = this.options;
    const client: RpcClient<P, E> = new RpcClient<P, E>(this.entry, {
      ...clientOptions,
      // A worker that had started is replaced at once; one that failed to start only when next asked (no restart loop).
      onExit: () => { if (started) this.replace(client); },
    });
    client.ready().then(() => { started = true; }, () => undefined);
    onSpawn?.(client);
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

  /** The least busy worker for a new call; UNAVAILABLE once the pool is closed or has none. */
  private available(): RpcClient<P, E> {
    if (this.closed) throw new ClewFailure('UNAVAILABLE', `${this.options.name} workers are closed`);
    const client = this.pick();
    if (!client) throw new ClewFailure('UNAVAILABLE', `${this.options.name} has no workers`);
    return client;
  }

  /** `timeoutMs`: how long the answer may take before the call fails TIMEOUT and its worker is replaced. */
  async call<K extends Verb<P>>(verb: K, req: P[K]['req'], timeoutMs?: number): Promise<P[K]['res']> {
    const client = this.available();
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

  /** Like call(); when `retire(answer)` holds, the worker that answered is retired (see the top of this file). */
  async callRetiring<K extends Verb<P>>(verb: K, req: P[K]['req'], retire: (answer: P[K]['res']) => boolean): Promise<P[K]['res']> {
    const client = this.available();
    const answer = await client.call(verb, req);
    if (!this.retiring.has(client) && this.slots.includes(client) && retire(answer)) this.succeed(client);
    return answer;
  }

  /** Workers now in the pool (a shrunk pool has fewer than `size` until it is busy again). */
  get workers(): number {
    return this.slots.length;
  }

  /** Keeps `keep` workers (replaced by fresh ones when `renew`) and ends the rest once their calls are answered. */
  shrink(keep: number, renew: boolean): void {
    if (this.closed) return;
    for (const client of this.slots.splice(Math.max(1, keep))) this.retire(client);
    if (!renew) return;
    for (const client of [...this.slots]) this.succeed(client);
  }

  /** A shrunk pool starts workers again up to its size. */
  grow(): void {
    while (!this.closed && this.slots.length < this.size) this.slots.push(this.spawn());
  }

  /** A fresh worker takes the slot now; the old one ends once its calls are answered. */
  private succeed(client: RpcClient<P, E>): void {
    this.replace(client);
    this.retire(client);
  }

  private retire(client: RpcClient<P, E>): void {
    this.retiring.add(client);
    void this.endWhenIdle(client);
  }

  /** A retired worker takes no new calls; it ends once those it has are answered. */
  private async endWhenIdle(client: RpcClient<P, E>): Promise<void> {
    while (client.inFlight > 0 && this.retiring.has(client)) await new Promise((r) => setTimeout(r, 20));
    if (this.retiring.delete(client)) await client.terminate();
  }

  /** Sends the call to every worker now in the pool (a worker that fails it is left as it is). */
  async each<K extends Verb<P>>(verb: K, req: P[K]['req']): Promise<void> {
    await Promise.all(this.slots.map((c) => c.call(verb, req).catch(() => undefined)));
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.slots, ...this.retiring];
    this.retiring.clear();
    await Promise.all(all.map((c) => c.terminate()));
  }
}
