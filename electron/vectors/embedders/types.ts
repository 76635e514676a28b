// What every embedder provides; id and dimension are stored with each vector collection so vectors never mix.

export type EmbedRole = 'document' | 'query';

export interface Embedder {
  /** Goes into every content hash: it changes whenever the vectors would (model, pooling, normalisation, dimension, algorithm). */
  readonly id: string;
  readonly dimension: number;
  /** One L2-normalised vector per text, in order; a search query is embedded as a 'query' (models trained with prefixes differ). */
  embed(texts: readonly string[], role?: EmbedRole): Promise<Float32Array[]>;
  close(): Promise<void>;
}
