// One repo's indexing progress: the bar, then phase, files and bytes, rate and time left (shared/progressText.ts).
import { progressText } from '../../shared/progressText.js';
import type { IndexProgress } from '../../shared/types.js';

/** A paused run shows where it stopped, not a time left that would never come. */
export function ProgressBar({ progress, paused = false }: { progress: IndexProgress | null; paused?: boolean }) {
  if (!progress) {
    return (
      <div className="progress" data-testid="index-progress" data-phase="starting">
        <div className="bar"><div className="fill indeterminate" /></div>
        <div className="dim">starting…</div>
      </div>
    );
  }
  const pct = progress.filesTotal > 0 ? Math.min(100, (100 * progress.filesDone) / progress.filesTotal) : 0;
  return (
    <div className="progress" data-testid="index-progress" data-phase={progress.phase}>
      <div className="bar" role="progressbar" aria-valuemin={0} aria-valuemax={progress.filesTotal} aria-valuenow={progress.filesDone}>
        <div className={`fill${progress.filesTotal === 0 ? ' indeterminate' : ''}`} style={{ width: progress.filesTotal ? `${pct}%` : undefined }} />
      </div>
      <div className="dim">
        {paused
          ? `paused at ${progress.filesDone.toLocaleString()}/${progress.filesTotal.toLocaleString()} files`
          : progressText(progress)}
      </div>
    </div>
  );
}
