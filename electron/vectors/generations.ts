// Collection generations: exactly one active collection; a rebuild fills a new one and swaps it in,
// so semantic search never has a window with zero results.
import type { WriteDb } from '../db/connection.js';
import { activeGeneration, type Generation, retiredGenerations } from '../db/read/generations.js';
import { activateGeneration, createGeneration, forgetGeneration, retireGeneration } from '../db/write/generations.js';
import { immediateTransaction } from '../db/write/transaction.js';

export type { Generation } from '../db/read/generations.js';

/** Collection names allow [A-Za-z0-9._-]: the embedder id is reduced to that alphabet. */
export function collectionName(generation: number, embedderId: string): string {
  const slug = embedderId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'embedder';
  return `clew-g${generation}-${slug}`;
}

/**
 * The HNSW graph every collection is built with. With Chroma's defaults (16 links, ef 100) a vector far
 * from all others (an oddly named symbol) gets few incoming links, and a top-10 query for it as an exact
 * match missed 19 of 30 on a 54k-vector index; 32 links and search ef 200 missed 14, for 12% more build
 * time (construction ef 200 missed 8 but cost 53%, too much for sync throughput). Semantic search also
 * scores recently synced vectors exactly, so what was just saved is never among the misses.
 */
export const HNSW_SETTINGS = { 'hnsw:space': 'cosine', 'hnsw:M': 32, 'hnsw:search_ef': 200 } as const;

/** Metadata every collection is created with: the graph settings, and who made its vectors. */
export function collectionMetadata(g: Pick<Generation, 'generation' | 'embedderId' | 'dimension'>): Record<string, string | number> {
  return { ...HNSW_SETTINGS, embedder: g.embedderId, dimension: g.dimension, generation: g.generation };
}

export class Generations {
  constructor(private readonly db: WriteDb) {}

  active(): Generation | null {
    return activeGeneration(this.db);
  }

  /** The active generation for this embedder; a different embedder gets a new generation. */
  ensureActive(embedderId: string, dimension: number): Generation {
    const current = this.active();
    if (current && current.embedderId === embedderId && current.dimension === dimension) return current;
    return immediateTransaction(this.db, () => {
      const created = this.create(embedderId, dimension, 'active');
      if (current) retireGeneration(this.db, current.generation);
      return created;
    });
  }

  create(embedderId: string, dimension: number, state: 'active' | 'building'): Generation {
    return createGeneration(this.db, embedderId, dimension, state, (next) => collectionName(next, embedderId));
  }

  /** Makes a fully built generation the active one, in the same transaction as `alsoDo`. */
  swap(building: Generation, alsoDo: () => void): void {
    activateGeneration(this.db, building.generation, alsoDo);
  }

  retired(): Generation[] {
    return retiredGenerations(this.db);
  }

  forget(generation: number): void {
    forgetGeneration(this.db, generation);
  }
}
