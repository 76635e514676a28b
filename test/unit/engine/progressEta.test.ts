// The run's time-left estimate on a synthetic timeline: a slow start (parse workers loading grammars),
// then many small files followed by a few large generated ones, at a steady byte rate, then the run's end
// (index builds, the merge). After 5 s the estimate must stay within 2× of the truth, the end included; one made
// from file counts does not.
import { describe, expect, it } from 'vitest';
import type { IndexProgress } from '../../../shared/types.js';
import { RunProgress } from '../../../electron/engine/runProgress.js';

const BYTES_PER_MS = 1_000; // 1 MB/s once running
const STARTUP_MS = 3_000; // nothing finishes during the first 3 s
const files = [...Array.from({ length: 4_000 }, () => 2_000), ...Array.from({ length: 40 }, () => 400_000)];

interface Reading { at: number; truth: number; progress: IndexProgress }

function timeline(): Reading[] {
  let clock = 0;
  const progress = new RunProgress('/repo', undefined, 0, () => clock);
  progress.filesTotal = files.length;
  progress.phase = 'parsing';
  progress.startWork(files.reduce((a, b) => a + b, 0));
  const finishAt: number[] = [];
  let t = STARTUP_MS;
  for (const size of files) finishAt.push((t += size / BYTES_PER_MS));
  // The run's end after its last file (last batches, index builds, the merge): 5% of the reading time.
  const end = t + 0.05 * t;
  const readings: Reading[] = [];
  let next = 0;
  for (clock = 0; clock < end; clock += 250) {
    while (next < files.length && (finishAt[next] ?? Infinity) <= clock) progress.fileDone(files[next++] ?? 0);
    readings.push({ at: clock, truth: (end - clock) / 1000, progress: progress.snapshot() });
  }
  return readings;
}

describe('index progress time left', () => {
  const readings = timeline();
  const later = readings.filter((r) => r.at >= 5_000 && r.truth >= 1);

  it('is within 2× of the truth after the first 5 s, from bytes', () => {
    expect(later.length).toBeGreaterThan(50);
    for (const r of later) {
      const eta = r.progress.etaSeconds;
      expect(eta, `at ${r.at} ms`).not.toBeNull();
      expect(eta ?? 0, `at ${r.at} ms (truth ${r.truth} s)`).toBeGreaterThanOrEqual(r.truth / 2);
      expect(eta ?? 0, `at ${r.at} ms (truth ${r.truth} s)`).toBeLessThanOrEqual(r.truth * 2);
    }
  });

  it('counts the run\'s end: once every byte is read, the time left is the end\'s, not nothing', () => {
    const reading = later.filter((r) => r.progress.bytesDone === r.progress.bytesTotal);
    expect(reading.length).toBeGreaterThan(0);
    for (const r of reading) expect(r.progress.etaSeconds, `at ${r.at} ms`).toBeGreaterThan(0);
  });

  it('would miss by more than 2× if made from the file rate (the old estimate)', () => {
    const byFiles = later.map((r) => ({ truth: r.truth, eta: (r.progress.filesTotal - r.progress.filesDone) / Math.max(1e-9, r.progress.ratePerSec) }));
    expect(byFiles.some((r) => r.eta < r.truth / 2 || r.eta > r.truth * 2)).toBe(true);
  });

  it('says nothing in the first second instead of a wild guess, and reports bytes done of the total', () => {
    expect(readings.filter((r) => r.at < 1_000).every((r) => r.progress.etaSeconds === null)).toBe(true);
    const last = readings.at(-1)?.progress;
    expect(last?.bytesTotal).toBe(files.reduce((a, b) => a + b, 0));
    expect(last?.bytesDone).toBeLessThanOrEqual(last?.bytesTotal ?? 0);
    expect(last?.bytesPerSec).toBeGreaterThan(BYTES_PER_MS * 1000 * 0.8);
  });
});
