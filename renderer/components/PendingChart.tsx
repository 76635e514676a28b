// Pending vectors over the last few minutes, as one SVG polyline.
import { useStore } from '../store/index.js';

const WIDTH = 420;
const HEIGHT = 80;
const WINDOW_MS = 5 * 60_000;

export function PendingChart() {
  const history = useStore((s) => s.pendingHistory);
  const now = history[history.length - 1]?.at ?? 0;
  const points = history.filter((p) => p.at >= now - WINDOW_MS);
  const max = Math.max(1, ...points.map((p) => p.pending));
  const start = points[0]?.at ?? now;
  const span = Math.max(1, now - start);
  const x = (at: number): string => (((at - start) / span) * WIDTH).toFixed(1);
  const y = (pending: number): string => (HEIGHT - 4 - (pending / max) * (HEIGHT - 8)).toFixed(1);
  // A step line: a count holds until the next snapshot changes it.
  const coords = points.map((p, i) => `${i > 0 ? `${x(p.at)},${y(points[i - 1]?.pending ?? p.pending)} ` : ''}${x(p.at)},${y(p.pending)}`).join(' ');
  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`Pending over time, peak ${max}`} data-testid="pending-chart" data-points={points.length}>
        {points.length > 1 && <polyline points={coords} />}
      </svg>
      <figcaption className="dim">pending over the last {Math.max(1, Math.round(span / 60_000))} min · peak {max.toLocaleString()}</figcaption>
    </figure>
  );
}
