import type { MetaWhere, VectorMeta } from '../base/vectorMeta.js';

/** One vector to store: its content hash (kept as metadata `h` for repair) and what filters match it by. */
export interface VectorItem {
  id: string;
  embedding: Float32Array | number[];
  hash: string;
  meta?: VectorMeta;
}

// What the sync side needs from an embedder and a vector store (structural: the real classes satisfy it).
export interface EmbedderPort {
  readonly id: string;
  readonly dimension: number;
  embed(texts: readonly string[], role?: 'document' | 'query'): Promise<Float32Array[]>;
}

export interface VectorStorePort {
  maxBatchSize(): Promise<number>;
  ensureCollection(name: string, metadata: Record<string, string | number>): Promise<unknown>;
  deleteCollection(name: string): Promise<void>;
  upsert(name: string, items: VectorItem[]): Promise<void>;
  delete(name: string, ids: string[]): Promise<void>;
  page(name: string, offset: number, limit: number): Promise<Array<{ id: string; hash: string | null }>>;
  getEmbeddings(name: string, ids: string[]): Promise<Array<{ id: string; embedding: number[] }>>;
  /** The nearest `n`, among the vectors whose metadata matches `where` when given. */
  query(name: string, embedding: Float32Array | number[], n: number, where?: MetaWhere | null): Promise<Array<{ id: string; distance: number }>>;
  queryMany(name: string, embeddings: ReadonlyArray<Float32Array | number[]>, n: number): Promise<Array<Array<{ id: string; distance: number }>>>;
  count(name: string): Promise<number>;
}

/** The server is gone (refused, timed out): a global condition, not the fault of the rows in the batch. */
export function isUnreachable(e: unknown): boolean {
  const kind = (e as { kind?: unknown } | null)?.kind;
  if (kind === 'unreachable') return true;
  return /ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|ETIMEDOUT|UND_ERR/i.test(errorText(e));
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
