// Pause and cancel for one index run; the run awaits checkpoint() between files.
import type { RunControlPort } from './fileWriter.js';

// Parse results that are already in hand resolve as microtasks: without a real yield, a run never lets
// the worker read its messages, and a person's Pause or Cancel waited for the whole run (31 s seen).
const YIELD_EVERY_MS = 15;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class RunControl implements RunControlPort {
  private paused: boolean;
  private stopped = false;
  private waiters: Array<() => void> = [];
  private lastYield = performance.now();

  constructor(paused = false) {
    this.paused = paused;
  }

  get cancelled(): boolean {
    return this.stopped;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.release();
  }

  /** A paused run is released too, so it can stop. */
  cancel(): void {
    this.stopped = true;
    this.release();
  }

  async checkpoint(beforeHold?: () => void): Promise<void> {
    if (performance.now() - this.lastYield >= YIELD_EVERY_MS) {
      // Pause and Cancel arrive as messages, read during this turn.
      await nextTurn();
      this.lastYield = performance.now();
    }
    if (this.held()) beforeHold?.();
    while (this.held()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private held(): boolean {
    return this.paused && !this.stopped;
  }

  private release(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
