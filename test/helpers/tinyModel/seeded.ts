// Seeded uniform floats and int8s (mulberry32) so a built model's weights are the same on every run and machine.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededFloats(seed: number, count: number, scale: number): Float32Array {
  const next = mulberry32(seed);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = (next() * 2 - 1) * scale;
  return out;
}

/** Uniform in [-127, 127], as a symmetric int8 quantizer stores weights. */
export function seededInt8(seed: number, count: number): Int8Array {
  const next = mulberry32(seed);
  const out = new Int8Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.round((next() * 2 - 1) * 127);
  return out;
}
