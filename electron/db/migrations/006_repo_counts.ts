// Each repo's file, symbol and entry-point counts, stored when a run ends: the status snapshot (every
// 150 ms on the host's main thread while indexing) read them with count(*) scans, O(symbols) each time.
import type { Migration } from './index.js';

export const m006RepoCounts: Migration = {
  name: 'repo counts',
  sql: /* sql */ `
ALTER TABLE repos ADD COLUMN file_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE repos ADD COLUMN symbol_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE repos ADD COLUMN entry_point_count INTEGER NOT NULL DEFAULT 0;
UPDATE repos SET
  file_count = (SELECT count(*) FROM files WHERE repo_id = repos.id),
  symbol_count = (SELECT count(*) FROM symbols WHERE repo_id = repos.id),
  entry_point_count = (SELECT count(*) FROM entry_points WHERE repo_id = repos.id);
`,
};
