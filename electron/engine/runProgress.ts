// Progress of one index run, emitted at most every `interval` ms (forced at phase changes): files and
// bytes done of the total, the rate, and time left estimated from bytes (progressEta.ts).
import type { IndexPhase, IndexProgress } from '../../shared/types.js';
import { BytesEta } from './progressEta.js';

export class RunProgress {
  phase: IndexPhase = 'walking';
  filesDone = 0;
  filesTotal = 0;
  /** Bytes of the files that have to be read this run (unchanged files skipped by stat count in neither). */
  bytesDone = 0;
  bytesTotal = 0;
  currentPath: string | null = null;
  /** False while the walk still finds files: the totals only grow, and no time left is claimed. */
  totalsKnown = true;
  readonly started: number;
  private lastEmit = 0;
  private readonly eta = new BytesEta();

  constructor(private readonly root: string, private readonly onProgress: ((progress: IndexProgress) => void) | undefined, private readonly interval: number,
    private readonly now: () => number = () => performance.now()) {
    this.started = now();
  }

  /** The files to read are known: bytes and the rate count from here. */
  startWork(bytesTotal: number): void {
    this.bytesTotal = bytesTotal;
    this.bytesDone = 0;
    this.eta.start(this.now());
  }

  /** One file is through (prepared, or found unreadable): its bytes count as done. */
  fileDone(bytes: number): void {
    this.filesDone++;
    this.bytesDone += bytes;
    this.eta.record(this.now(), this.bytesDone);
  }

  snapshot(): IndexProgress {
    const now = this.now();
    const seconds = (now - this.started) / 1000;
    const done = this.phase === 'done';
    return {
      repoPath: this.root, phase: this.phase, filesDone: this.filesDone, filesTotal: this.filesTotal,
      ratePerSec: seconds > 0 ? Math.round(this.filesDone / seconds) : 0, currentPath: this.currentPath,
      bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, bytesPerSec: Math.round(this.eta.rate(now)),
      etaSeconds: done ? 0 : this.totalsKnown ? this.eta.secondsLeft(now, this.bytesTotal - this.bytesDone) : null,
    };
  }

  emit(force = false): void {
    const now = this.now();
    if (!this.onProgress || (!force && now - this.lastEmit < this.interval)) return;
    this.lastEmit = now;
    this.onProgress(this.snapshot());
  }
}
