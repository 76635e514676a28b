// Per-model prefixes: some models were trained to see "query: …"-style text before a search query
// (or an indexed text); the prefixes are part of the embedder's id, so changing them re-embeds.
import { createHash } from 'node:crypto';
import type { ModelPrefixes } from '../../../shared/types.js';
import type { Embedder, EmbedRole } from './types.js';

class PrefixedEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;

  constructor(private readonly inner: Embedder, private readonly prefixes: Required<ModelPrefixes>) {
    const tag = createHash('sha256').update(`${prefixes.queryPrefix}\u0000${prefixes.documentPrefix}`).digest('hex').slice(0, 8);
    this.id = `${inner.id}:p${tag}`;
    this.dimension = inner.dimension;
  }

  embed(texts: readonly string[], role: EmbedRole = 'document'): Promise<Float32Array[]> {
    const prefix = role === 'query' ? this.prefixes.queryPrefix : this.prefixes.documentPrefix;
    return this.inner.embed(prefix ? texts.map((t) => prefix + t) : texts, role);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The embedder itself when it has no prefixes (its id, and so every content hash, stays as it was). */
export function withPrefixes(inner: Embedder, prefixes: ModelPrefixes): Embedder {
  const queryPrefix = prefixes.queryPrefix ?? '';
  const documentPrefix = prefixes.documentPrefix ?? '';
  return queryPrefix || documentPrefix ? new PrefixedEmbedder(inner, { queryPrefix, documentPrefix }) : inner;
}
