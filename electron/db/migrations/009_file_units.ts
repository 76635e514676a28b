// Text units for a file's own text (chunks): the file and lines they stand for, so a file's chunks are
// replaced with the file's other rows and deleted with it (the tombstone trigger sees the cascade).
// Every unit is queued again so its vector is re-sent with the metadata filters need (repo, language,
// kind, path): the store's hash stays the content hash, only the metadata is new.
import type { Migration } from './index.js';

export const m009FileUnits: Migration = {
  name: 'file units',
  sql: /* sql */ `
ALTER TABLE text_units ADD COLUMN file_id INTEGER REFERENCES files(id) ON DELETE CASCADE;
ALTER TABLE text_units ADD COLUMN start_line INTEGER;
ALTER TABLE text_units ADD COLUMN end_line INTEGER;
CREATE INDEX text_units_file ON text_units(file_id) WHERE file_id IS NOT NULL;
UPDATE text_units SET synced_hash = NULL, attempts = 0, last_error = NULL, next_attempt_at = NULL, failed_at = NULL;
`,
};
