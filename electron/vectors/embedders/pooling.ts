// Token states [batch, sequence, hidden] → one L2-normalised vector per text (mean over the attention mask, or the first token).
import { l2Normalize } from './vectorMath.js';

export type Pooling = 'mean' | 'cls';

export interface TokenStates {
  data: ArrayLike<number>;
  /** [batch, sequence, hidden] */
  dims: readonly number[];
}

export function poolTokenStates(states: TokenStates, attentionMask: ArrayLike<number | bigint>, pooling: Pooling): Float32Array[] {
  const [batch, sequence, hidden] = states.dims;
  if (states.dims.length !== 3 || batch === undefined || sequence === undefined || hidden === undefined) {
    throw new Error(`expected token states of shape [batch, sequence, hidden], got [${states.dims.join(', ')}]`);
  }
  if (attentionMask.length !== batch * sequence) throw new Error(`attention mask has ${attentionMask.length} entries, expected ${batch * sequence}`);
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const sums = new Float64Array(hidden);
    let count = 0;
    for (let s = 0; s < (pooling === 'cls' ? 1 : sequence); s++) {
      // CLS pooling takes the first token whatever its mask; mean pooling skips padding.
      const weight = pooling === 'cls' ? 1 : Number(attentionMask[b * sequence + s]);
      if (weight === 0) continue;
      const offset = (b * sequence + s) * hidden;
      for (let h = 0; h < hidden; h++) sums[h] += (states.data[offset + h] as number) * weight;
      count += weight;
    }
    if (count > 0) for (let h = 0; h < hidden; h++) sums[h] /= count;
    out.push(l2Normalize(sums));
  }
  return out;
}
