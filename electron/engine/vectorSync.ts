// The worker's side of vector sync: the loop, the store for the server the Backend says is ready,
// the start-up check, repair and retries. Writes never wait for any of it.
import type { RepairProgress, RepairReport } from '../../shared/types.js';
import { ClewFailure } from '../base/failure.js';
import type { WriteDb } from '../db/connection.js';
import { createEmbedder, type Embedder, type EmbedderSetting } from '../vectors/embedders/index.js';
import { activateFilled, fillGeneration, type FillProgress } from './sync/embedderSwitch.js';
import { ChromaStore } from '../vectors/chromaStore.js';
import { errorText } from '../vectors/ports.js';
import { SyncQueue } from '../db/write/syncQueue.js';
import { repair } from './sync/repair.js';
import { startupCheck } from './sync/startupCheck.js';
import { SyncLoop, type SyncLoopOptions, type SyncLoopStatus } from './sync/syncLoop.js';

const STORE_WAIT_MS = 60_000;

export class VectorSync {
  private readonly loop: SyncLoop;
  private store: ChromaStore | null = null;
  /** A start-up check has completed: later checks are for restarts. */
  private checked = false;
  private held = false;
  /** A switch of embedder in progress: its cancel. */
  private switching: AbortController | null = null;

  constructor(private readonly db: WriteDb, private embedder: Embedder, onStatus: (status: SyncLoopStatus) => void, options: SyncLoopOptions = {}) {
    this.loop = new SyncLoop(db, embedder, { ...options, onStatus });
  }

  /** The Backend tells us which server is ready (or none). */
  setServer(url: string | null): void {
    if ((this.store?.url ?? null) === url) return;
    this.store = url ? new ChromaStore(url) : null;
    this.loop.setStore(null);
    if (!this.store) return;
    const store = this.store;
    // Every server that comes up is checked before the loop sends to it: a wiped collection is
    // re-queued, not half-filled, and a server that was killed mid-write has its latest vectors verified.
    const kind = this.checked ? 'restart' : 'startup';
    void this.loop.exclusive(() => startupCheck(this.db, store, this.embedder.id, kind)).then(() => { this.checked = true; }, () => undefined)
      .finally(() => { if (this.store === store) this.loop.setStore(store); });
  }

  kick(): void {
    this.loop.kick();
  }

  /** Pausing sync is global: rows stay pending in SQLite until it is resumed. */
  setPaused(paused: boolean): void {
    this.held = paused;
    this.loop.setHeld(paused);
  }

  /** An index run is in progress (or ended): the loop yields the cores to it. */
  setIndexing(indexing: boolean): void {
    this.loop.setYielding(indexing);
  }

  wait(timeoutMs: number): Promise<boolean> {
    return this.loop.drain(timeoutMs);
  }

  async repair(dryRun: boolean, onProgress: (progress: RepairProgress) => void): Promise<RepairReport> {
    const store = this.store;
    if (!store) throw new ClewFailure('UNAVAILABLE', 'the vector server is not ready; repair runs when it is up');
    try {
      return await this.loop.exclusive(() => repair(this.db, store, this.embedder, { dryRun, onProgress }));
    } catch (e) {
      if (e instanceof ClewFailure) throw e;
      throw new ClewFailure('UNAVAILABLE', `repair stopped: ${errorText(e)}`);
    }
  }

  /**
   * Re-embeds every unit with the embedder `setting` names into a new generation while the current one
   * keeps answering (and keeps syncing), then swaps it in. Resolves with the new embedder's id; a model
   * that cannot load, a failure or a cancel leaves the current embedder and generation as they were.
   */
  async switchEmbedder(setting: EmbedderSetting, onProgress: (p: FillProgress) => void): Promise<{ embedderId: string }> {
    if (this.switching) throw new ClewFailure('BAD_REQUEST', 'a switch of model is already running; cancel it first');
    const abort = (this.switching = new AbortController());
    // Just started (a CLI run): the server takes a few seconds to come up.
    for (const deadline = Date.now() + STORE_WAIT_MS; !this.store && Date.now() < deadline && !abort.signal.aborted;) await new Promise((r) => setTimeout(r, 100));
    const store = this.store;
    if (!store) {
      this.switching = null;
      throw new ClewFailure('UNAVAILABLE', 'the vector server is not ready; choose the model again when it is up');
    }
    try {
      let next: Embedder;
      try {
        next = await createEmbedder(setting);
      } catch (e) {
        throw new ClewFailure('BAD_REQUEST', `the model could not be loaded (${errorText(e)}); ${this.embedder.id} keeps serving`);
      }
      if (next.id === this.embedder.id) {
        await next.close();
        return { embedderId: next.id };
      }
      try {
        const building = await fillGeneration(this.db, store, next, onProgress, abort.signal);
        if (abort.signal.aborted) throw new Error('cancelled');
        await this.loop.exclusive(async () => {
          await activateFilled(this.db, store, building);
          this.loop.setEmbedder(next);
        });
      } catch (e) {
        await next.close();
        if (abort.signal.aborted) throw new ClewFailure('UNAVAILABLE', `the switch was cancelled; ${this.embedder.id} keeps serving`);
        throw e instanceof ClewFailure ? e : new ClewFailure('UNAVAILABLE', `re-embedding stopped (${errorText(e)}); ${this.embedder.id} keeps serving`);
      }
      const old = this.embedder;
      this.embedder = next;
      void old.close();
      return { embedderId: next.id };
    } finally {
      this.switching = null;
    }
  }

  /** Stops a switch in progress; true when one was running. */
  cancelSwitch(): boolean {
    this.switching?.abort();
    return this.switching !== null;
  }

  retryFailed(): number {
    const requeued = new SyncQueue(this.db).retryFailed(0);
    this.loop.kick(0);
    return requeued;
  }

  /** Drains for at most `drainMs`; whatever is left stays pending in SQLite for the next start. */
  stop(drainMs: number): Promise<boolean> {
    // Paused sync does not drain at shutdown: waiting could only run out the clock.
    return this.loop.stop(this.held ? 0 : drainMs);
  }
}
