// Index progress in words (the app's sidebar and `clew index`): phase, files and bytes done of the total,
// the rate, and the time left; bytes only when the run reads any, files per second otherwise.
import { describe, expect, it } from 'vitest';
import { megabytes, progressText } from '../../../shared/progressText.js';
import type { IndexProgress } from '../../../shared/types.js';

const progress = (over: Partial<IndexProgress>): IndexProgress => ({
  repoPath: '/src/go-tree', phase: 'parsing', filesDone: 2581, filesTotal: 10_796, ratePerSec: 384, currentPath: null,
  bytesDone: 21_300_000, bytesTotal: 81_900_000, bytesPerSec: 3_240_000, etaSeconds: 37, ...over,
});

describe('progressText', () => {
  it('says the phase, files and bytes of the total, the byte rate and the time left', () => {
    expect(progressText(progress({}))).toBe('parsing 2,581/10,796 files, 21.3/81.9 MB at 3.2 MB/s, ~37 s left');
    expect(progressText(progress({ etaSeconds: 125 }))).toBe('parsing 2,581/10,796 files, 21.3/81.9 MB at 3.2 MB/s, ~2 min 5 s left');
  });

  it('claims no time left too early, nor a rate before one is measured', () => {
    expect(progressText(progress({ phase: 'walking', etaSeconds: null, bytesPerSec: 0, bytesDone: 0 }))).toBe('walking 2,581/10,796 files, 0.0/81.9 MB');
  });

  it('counts files per second when the run reads no bytes (every file unchanged)', () => {
    expect(progressText(progress({ bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null, filesDone: 9000 }))).toBe('parsing 9,000/10,796 files, 384 files/s');
  });

  it('says only the phase while nothing is counted yet (the walk has just begun)', () => {
    const start = { phase: 'walking', filesDone: 0, filesTotal: 0, ratePerSec: 0, bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null } as const;
    expect(progressText(progress(start))).toBe('walking…');
    expect(progressText(progress({ ...start, filesDone: 12, filesTotal: 12 }))).toBe('walking 12/12 files');
  });

  it('writes megabytes with a decimal while small', () => {
    expect([megabytes(400_000), megabytes(81_900_000), megabytes(198_400_000), megabytes(1_234_000_000)]).toEqual(['0.4', '81.9', '198', '1,234']);
  });
});
