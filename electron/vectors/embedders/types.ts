// What every embedder provides; id and dimension are stored with each vector collection so vectors never mix.

export interface Embedder {
  /** Goes into every content hash: it changes whenever the vectors would (model, pooling, normalisation, dimension, algorithm). */
  readonly id: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}
