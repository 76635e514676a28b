// Writing collection generations: a new one, the swap that makes a built one active, forgetting a dropped one.
import type { WriteDb } from '../connection.js';
import type { Generation } from '../read/generations.js';

/** Adds the next generation, its collection named by `name`; a new active one retires the one before. */
export function createGeneration(db: WriteDb, embedderId: string, dimension: number, state: 'active' | 'building', name: (generation: number) => string): Generation {
  const next = (db.prepare('SELECT coalesce(max(generation), 0) + 1 FROM vector_generations').pluck().get() as number);
  const collection = name(next);
  if (state === 'active') db.prepare("UPDATE vector_generations SET state = 'retired' WHERE state = 'active'").run();
  db.prepare('INSERT INTO vector_generations(generation, collection, embedder_id, dimension, state, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(next, collection, embedderId, dimension, state, Date.now());
  return { generation: next, collection, embedderId, dimension, state };
}

export function retireGeneration(db: WriteDb, generation: number): void {
  db.prepare("UPDATE vector_generations SET state = 'retired' WHERE generation = ?").run(generation);
}

/** Makes `generation` the active one, in the same transaction as `alsoDo`. */
export function activateGeneration(db: WriteDb, generation: number, alsoDo: () => void): void {
  db.transaction(() => {
    db.prepare("UPDATE vector_generations SET state = 'retired' WHERE state = 'active'").run();
    db.prepare("UPDATE vector_generations SET state = 'active' WHERE generation = ?").run(generation);
    alsoDo();
  }).immediate();
}

export function forgetGeneration(db: WriteDb, generation: number): void {
  db.prepare('DELETE FROM vector_generations WHERE generation = ?').run(generation);
}
