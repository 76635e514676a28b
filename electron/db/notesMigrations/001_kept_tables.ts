// notes.db's tables: every repo and note, copied from clew.db by the TEMP triggers of notesMirror.ts.
// IF NOT EXISTS: copies written before notes.db had migrations already hold these tables (at version 0).
import type { Migration } from '../migrations/index.js';

export const n001KeptTables: Migration = {
  name: 'kept tables',
  sql: /* sql */ `
CREATE TABLE IF NOT EXISTS kept_repos (
  path     TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  added_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS kept_notes (
  id           INTEGER PRIMARY KEY,               -- the note's id in clew.db
  repo_path    TEXT NOT NULL,
  fqn          TEXT NOT NULL,
  text         TEXT NOT NULL,
  state        TEXT NOT NULL,
  stale_reason TEXT,
  anchor_hash  TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
`,
};
