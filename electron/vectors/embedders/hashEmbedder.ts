// The default embedder: offline and deterministic. Identifier words, their sub-tokens and the sub-tokens'
// character 3-grams are hashed with a sign bit into a fixed dimension, weighted with sublinear tf, L2-normalised.
import { identifierParts } from '../../base/identifiers.js';
import { CODE_STOPWORDS } from './codeStopwords.js';
import { featureHash } from './featureHash.js';
import type { Embedder } from './types.js';
import { l2Normalize } from './vectorMath.js';

const HASH_EMBEDDER_VERSION = 'clew-hash-v1';
export const HASH_DEFAULT_DIMENSION = 384;
/** The one spelling of the offline default's id; it goes into every content hash, so a change re-queues every unit. */
export const DEFAULT_EMBEDDER_ID = HASH_EMBEDDER_VERSION;

// Words may be kebab-joined (`parse-config`) so every spelling of an identifier yields the same whole-word feature.
const WORD = /[\p{L}\p{N}_$]+(?:-[\p{L}\p{N}_$]+)*/gu;
const ASCII = /^[\x20-\x7e]*$/;

const KIND_WORD = 1;
const KIND_PART = 2;
const KIND_GRAM = 3;
const WEIGHT_WORD = 1;
const WEIGHT_PART = 1;
const WEIGHT_GRAM = 0.3;
const STOPWORD_FACTOR = 0.2;
const GRAM = 3;

/** The id is exactly `clew-hash-v1` at the default dimension (the indexer stamps it into content hashes). */
export function hashEmbedderId(dimension: number): string {
  return dimension === HASH_DEFAULT_DIMENSION ? HASH_EMBEDDER_VERSION : `${HASH_EMBEDDER_VERSION}-d${dimension}`;
}

/** Lower-case sub-tokens; identifierParts covers ASCII identifiers, other scripts are split on separators only. */
function partsOf(word: string): string[] {
  if (ASCII.test(word)) return identifierParts(word);
  return word.toLowerCase().split(/[_$-]+/).filter((p) => p.length > 0);
}

class FeatureCounts {
  readonly counts = new Map<number, number>();
  readonly weights = new Map<number, number>();

  add(key: number, weight: number): void {
    const n = this.counts.get(key);
    if (n === undefined) {
      this.counts.set(key, 1);
      this.weights.set(key, weight);
    } else {
      this.counts.set(key, n + 1);
    }
  }
}

function collectFeatures(text: string, features: FeatureCounts): void {
  for (const match of text.matchAll(WORD)) {
    const parts = partsOf(match[0]);
    if (parts.length > 1) features.add(featureHash(KIND_WORD, parts.join(' ')), WEIGHT_WORD);
    for (const part of parts) {
      const damp = CODE_STOPWORDS.has(part) ? STOPWORD_FACTOR : 1;
      features.add(featureHash(KIND_PART, part), WEIGHT_PART * damp);
      // Boundary markers make `^pa` (a prefix) differ from `pa` inside a word.
      const marked = `^${part}$`;
      for (let i = 0; i + GRAM <= marked.length; i++) features.add(featureHash(KIND_GRAM, marked, i, i + GRAM), WEIGHT_GRAM * damp);
    }
  }
}

export class HashEmbedder implements Embedder {
  readonly id: string;

  constructor(readonly dimension: number = HASH_DEFAULT_DIMENSION) {
    if (!Number.isInteger(dimension) || dimension < 8 || dimension > 65536) throw new Error(`hash embedder dimension must be an integer in [8, 65536], got ${dimension}`);
    this.id = hashEmbedderId(dimension);
  }

  embedOne(text: string): Float32Array {
    const features = new FeatureCounts();
    collectFeatures(text, features);
    const sums = new Float64Array(this.dimension);
    for (const [key, count] of features.counts) {
      const weight = (features.weights.get(key) as number) * (1 + Math.log(count));
      // The low 31 bits pick the bucket, the top bit the sign, so collisions cancel on average instead of piling up.
      sums[(key & 0x7fffffff) % this.dimension] += key >>> 31 ? -weight : weight;
    }
    return l2Normalize(sums);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  async close(): Promise<void> {}
}
