import { describe, expect, it } from 'vitest';
import { cosineDistance, l2Normalize } from '../../../electron/vectors/embedders/vectorMath.js';

describe('cosineDistance', () => {
  it('is 0 for the same direction, 1 for orthogonal, 2 for opposite, whatever the lengths', () => {
    expect(cosineDistance([1, 2, 3], [2, 4, 6])).toBeCloseTo(0, 12);
    expect(cosineDistance([1, 0], [0, 5])).toBeCloseTo(1, 12);
    expect(cosineDistance([1, -1], [-3, 3])).toBeCloseTo(2, 12);
  });

  it('matches 1 - dot product on unit vectors, and is 1 (not NaN) against a zero vector', () => {
    const a = l2Normalize([0.3, -1.2, 2.5, 0.1]);
    const b = l2Normalize([1.1, 0.4, -0.7, 2.0]);
    const dot = a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);
    expect(cosineDistance(a, b)).toBeCloseTo(1 - dot, 6);
    expect(cosineDistance([0, 0], [1, 2])).toBe(1);
  });
});
