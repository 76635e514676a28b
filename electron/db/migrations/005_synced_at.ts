// When each vector was last confirmed in Chroma: semantic search scores the most recent ones exactly,
// since an approximate (HNSW) query can miss a new vector that is unlike everything else.
import type { Migration } from './index.js';

export const m005SyncedAt: Migration = {
  name: 'synced at',
  sql: /* sql */ `
ALTER TABLE text_units ADD COLUMN synced_at INTEGER;
CREATE INDEX text_units_synced_at ON text_units(synced_at) WHERE synced_at IS NOT NULL;
`,
};
