// Progress of one index run, emitted at most every `interval` ms (forced at phase changes).
import type { IndexPhase, IndexProgress } from '../../shared/types.js';

export class RunProgress {
  phase: IndexPhase = 'walking';
  filesDone = 0;
  filesTotal = 0;
  currentPath: string | null = null;
  readonly started = performance.now();
  private lastEmit = 0;

  constructor(private readonly root: string, private readonly onProgress: ((progress: IndexProgress) => void) | undefined, private readonly interval: number) {}

  emit(force = false): void {
    const now = performance.now();
    if (!this.onProgress || (!force && now - this.lastEmit < this.interval)) return;
    this.lastEmit = now;
    const seconds = (now - this.started) / 1000;
    this.onProgress({
      repoPath: this.root, phase: this.phase, filesDone: this.filesDone, filesTotal: this.filesTotal,
      ratePerSec: seconds > 0 ? Math.round(this.filesDone / seconds) : 0, currentPath: this.currentPath,
    });
  }
}
