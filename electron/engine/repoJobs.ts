// One run at a time per repo (a full index, a watched pass, a catch-up): runs for the same repo
// queue behind each other; pause and cancel reach the run in progress and the ones queued.
import { RunControl } from './runControl.js';

interface RepoQueue {
  tail: Promise<unknown>;
  controls: Set<RunControl>;
  paused: boolean;
}

export class RepoJobs {
  private readonly repos = new Map<string, RepoQueue>();

  private queue(root: string): RepoQueue {
    let q = this.repos.get(root);
    if (!q) this.repos.set(root, (q = { tail: Promise.resolve(), controls: new Set(), paused: false }));
    return q;
  }

  /** Queues `fn` after the repo's earlier runs; it gets a control that pause/cancel act on. */
  run<T>(root: string, fn: (control: RunControl) => Promise<T>): Promise<T> {
    const q = this.queue(root);
    const control = new RunControl(q.paused);
    q.controls.add(control);
    const result = q.tail.catch(() => undefined).then(() => fn(control));
    q.tail = result.finally(() => q.controls.delete(control)).catch(() => undefined);
    return result;
  }

  busy(root: string): boolean {
    return (this.repos.get(root)?.controls.size ?? 0) > 0;
  }

  /** Runs in progress or queued stop at their next file; later runs start paused. */
  setPaused(root: string, paused: boolean): void {
    const q = this.queue(root);
    q.paused = paused;
    for (const control of q.controls) {
      if (paused) control.pause();
      else control.resume();
    }
  }

  isPaused(root: string): boolean {
    return this.repos.get(root)?.paused ?? false;
  }

  /** Cancels the run in progress and those queued; true when there was one. */
  cancel(root: string): boolean {
    const controls = this.repos.get(root)?.controls ?? new Set<RunControl>();
    for (const control of controls) control.cancel();
    return controls.size > 0;
  }
}
