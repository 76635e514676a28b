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

/** Cosine distance in [0, 2], as Chroma's cosine space reports it; 1 when either vector is zero. */
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 1 : 1 - dot / Math.sqrt(na * nb);
}
