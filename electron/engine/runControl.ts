// Pause and cancel for one index run; the run awaits checkpoint() between files.
import type { RunControlPort } from './fileWriter.js';

export class RunControl implements RunControlPort {
  private paused: boolean;
  private stopped = false;
  private waiters: Array<() => void> = [];

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

  async checkpoint(): Promise<void> {
    while (this.paused && !this.stopped) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private release(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
