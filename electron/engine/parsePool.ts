// A small pool of parse workers. A worker that dies fails only its own requests and is replaced.
import type { Worker } from 'node:worker_threads';
import type { Prepared, PrepareRequest } from './prepareFile.js';
import { spawnWorker } from './spawnWorker.js';

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (p: Prepared) => void; reject: (e: Error) => void }>;
}

type Reply = { id: number; result: Prepared } | { id: number; error: string };

export class ParsePool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: spawnWorker(import.meta.url, './parseWorker.ts', 'parse-worker.js', null), pending: new Map() };
    slot.worker.on('message', (reply: Reply) => {
      const waiter = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.result);
    });
    const fail = (e: Error): void => {
      for (const waiter of slot.pending.values()) waiter.reject(e);
      slot.pending.clear();
      const index = this.slots.indexOf(slot);
      if (index >= 0 && !this.closed) this.slots[index] = this.spawn();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => { if (!this.closed) fail(new Error(`parse worker exited with code ${code}`)); });
    return slot;
  }

  prepare(request: PrepareRequest): Promise<Prepared> {
    const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
