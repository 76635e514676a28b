// Time left in an index run, from bytes (a 2 MB generated file costs what a hundred small ones do, so
// a file count misleads), at the rate of the last few seconds.

const WINDOW_MS = 10_000;
// Before this much work, any estimate is noise: say nothing rather than "~52 min left".
const MIN_ELAPSED_MS = 1_000;
// The end of a run after its last file takes about this share of the time spent reading (a first index of the
// benchmark's Go tree: 2.3 s after 43 s). Counted from the time spent so far, it adds little early, when bytes decide.
const FINISH_SHARE = 0.05;

interface Sample {
  at: number;
  bytes: number;
}

export class BytesEta {
  private readonly samples: Sample[] = [];
  private started: number | null = null;

  /**
   * Work begins (after the walk). The rate counts from the first finished file, not from here: the
   * wait for the first one (workers loading grammars) is a fixed cost that would not recur.
   */
  start(at: number): void {
    this.started = at;
    this.samples.length = 0;
  }

  record(at: number, bytesDone: number): void {
    if (this.started === null) this.start(at);
    this.samples.push({ at, bytes: bytesDone });
    // Keep one sample older than the window so the rate always spans it fully.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - WINDOW_MS) this.samples.shift();
  }

  /** Bytes per second over the last window; 0 before there is any. */
  rate(at: number): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last === first || at - first.at <= 0) return 0;
    return ((last.bytes - first.bytes) * 1000) / (at - first.at);
  }

  /** Seconds left for `bytesLeft` and the run's end after them, or null while too early to say. */
  secondsLeft(at: number, bytesLeft: number): number | null {
    if (this.started === null || at - this.started < MIN_ELAPSED_MS) return null;
    // The end (the last batches, removals, a bulk load's index builds, the full-text merge) follows the last byte read.
    const readEnd = bytesLeft > 0 ? at : (this.samples[this.samples.length - 1]?.at ?? at);
    const end = Math.max(0, FINISH_SHARE * (readEnd - this.started) - (at - readEnd)) / 1000;
    if (bytesLeft <= 0) return Math.ceil(end);
    const rate = this.rate(at);
    return rate > 0 ? Math.ceil(bytesLeft / rate + end) : null;
  }
}
