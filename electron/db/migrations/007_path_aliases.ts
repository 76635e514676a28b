// Folder symlinks that stay inside a repo: their files are indexed once, under the real path, and the
// link is kept here so a path through it (a search filter, a note's FQN, file:read) finds the same file.
import type { Migration } from './index.js';

export const m007PathAliases: Migration = {
  name: 'path aliases',
  sql: /* sql */ `
CREATE TABLE path_aliases (
  repo_id INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  alias   TEXT NOT NULL,                        -- repo-relative path of the folder symlink
  target  TEXT NOT NULL,                        -- repo-relative real path of the folder it stands for
  PRIMARY KEY (repo_id, alias)
) STRICT, WITHOUT ROWID;
`,
};
