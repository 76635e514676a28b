// One repo's indexing progress: phase, counts, rate and time left.
import type { IndexProgress } from '../../shared/types.js';

// From bytes, estimated by the engine (engine/progressEta.ts); absent while too early to say.
const eta = (p: IndexProgress): string => {
  if (p.etaSeconds === null || p.filesTotal <= p.filesDone) return '';
  const seconds = p.etaSeconds;
  return seconds >= 60 ? `, ~${Math.floor(seconds / 60)} min ${seconds % 60} s left` : `, ~${seconds} s left`;
};

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
          : `${progress.phase} ${progress.filesDone.toLocaleString()}/${progress.filesTotal.toLocaleString()} files, ${Math.round(progress.ratePerSec).toLocaleString()}/s${eta(progress)}`}
      </div>
    </div>
  );
}
