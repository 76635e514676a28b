import { describe, expect, it } from 'vitest';
import { poolTokenStates } from '../../../electron/vectors/embedders/pooling.js';
import { normalised } from '../../helpers/tinyModel/vectors.js';

// Two texts, three positions, hidden 2; the second text is one token shorter (last position padded).
const states = { data: [1, 0, 3, 4, 9, 9, 0, 2, 2, 0, 100, -100], dims: [2, 3, 2] };
const mask = [1n, 1n, 1n, 1n, 1n, 0n];

describe('poolTokenStates', () => {
  it('averages the unmasked tokens only, then normalises', () => {
    const [first, second] = poolTokenStates(states, mask, 'mean');
    expect(Array.from(first as Float32Array)).toEqual(normalised([13 / 3, 13 / 3]).map(Math.fround));
    expect(Array.from(second as Float32Array)).toEqual(normalised([1, 1]).map(Math.fround));
  });

  it('takes the first token for cls pooling', () => {
    const [first, second] = poolTokenStates(states, mask, 'cls');
    expect(Array.from(first as Float32Array)).toEqual([1, 0]);
    expect(Array.from(second as Float32Array)).toEqual([0, 1]);
  });

  it('gives a fully masked row the fixed unit vector instead of NaN', () => {
    const [v] = poolTokenStates({ data: [5, 5], dims: [1, 1, 2] }, [0], 'mean');
    expect(Array.from(v as Float32Array)).toEqual([Math.SQRT1_2, Math.SQRT1_2].map(Math.fround));
  });

  it('rejects a mask of the wrong size and states of the wrong rank', () => {
    expect(() => poolTokenStates(states, [1, 1], 'mean')).toThrow(/attention mask/);
    expect(() => poolTokenStates({ data: [1, 2], dims: [1, 2] }, [1], 'mean')).toThrow(/shape/);
  });
});
