// Per-repo watch and pause flags, and engine-wide flags (sync paused), so they survive restarts.
import type { Migration } from './index.js';

export const m004WatchAndPause: Migration = {
  name: 'watch and pause',
  sql: /* sql */ `
-- Watching is on by default: a repo follows file changes whenever the app (or clew serve) runs.
ALTER TABLE repos ADD COLUMN watch INTEGER NOT NULL DEFAULT 1 CHECK (watch IN (0, 1));
-- A paused repo is neither watched nor indexed until it is resumed.
ALTER TABLE repos ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1));

CREATE TABLE engine_flags (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
`,
};
