// Collection generations as stored: exactly one active; a rebuild fills a "building" one, and
// replaced ones are "retired" until their collection is dropped.
import type { ReadDb } from '../connection.js';

export interface Generation {
  generation: number;
  collection: string;
  embedderId: string;
  dimension: number;
  state: 'active' | 'building' | 'retired';
}

const SELECT = 'SELECT generation, collection, embedder_id AS embedderId, dimension, state FROM vector_generations';

export function activeGeneration(db: ReadDb): Generation | null {
  return db.prepare<[], Generation>(`${SELECT} WHERE state = 'active'`).get() ?? null;
}

export function retiredGenerations(db: ReadDb): Generation[] {
  return db.prepare<[], Generation>(`${SELECT} WHERE state = 'retired'`).all();
}
