// The embedder whose id goes into every content hash; a change of embedder re-queues every unit.
export const DEFAULT_EMBEDDER_ID = 'clew-hash-v1';
