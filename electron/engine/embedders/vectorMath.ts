// L2 normalisation with a defined answer for the zero vector, so no embedder ever returns NaN.

/** The vector given to text with no features: fixed, unit length, the same for every caller. */
export function fallbackUnitVector(dimension: number): Float32Array {
  return new Float32Array(dimension).fill(1 / Math.sqrt(dimension));
}

/** Scales `values` to unit length in a new Float32Array; a zero vector becomes the fallback unit vector. */
export function l2Normalize(values: ArrayLike<number>): Float32Array {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] as number) * (values[i] as number);
  if (!Number.isFinite(sum)) throw new Error('cannot normalise a vector with a non-finite component');
  if (sum === 0) return fallbackUnitVector(values.length);
  const scale = 1 / Math.sqrt(sum);
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) * scale;
  return out;
}
