// How far a repo's index run has got, committed with each batch (NULL when none runs): a reader in
// another process (`clew mcp`, `clew search`) can then say a repo is still being indexed, x of y files.
import type { Migration } from './index.js';

export const m019RunProgress: Migration = {
  name: 'run progress',
  sql: /* sql */ `
ALTER TABLE repos ADD COLUMN run_files_done INTEGER;
ALTER TABLE repos ADD COLUMN run_files_total INTEGER;
`,
};
