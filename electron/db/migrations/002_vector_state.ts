// Vector-side state: which collection generation is live, and per-run sync figures.
import type { Migration } from './index.js';

export const m002VectorState: Migration = {
  name: 'vector state',
  sql: /* sql */ `
-- One row per collection generation; exactly one is active. Re-indexing never deletes a collection:
-- a new generation is filled first, then swapped in.
CREATE TABLE vector_generations (
  generation  INTEGER PRIMARY KEY,
  collection  TEXT NOT NULL UNIQUE,
  embedder_id TEXT NOT NULL,
  dimension   INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('active', 'building', 'retired')),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX vector_generations_one_active ON vector_generations(state) WHERE state = 'active';

-- Results of the last consistency check (start-up check or repair), for status.
CREATE TABLE vector_checks (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  orphans     INTEGER NOT NULL,
  missing     INTEGER NOT NULL,
  stale       INTEGER NOT NULL,
  healthy     INTEGER,
  detail      TEXT
) STRICT;

CREATE INDEX text_units_failed ON text_units(failed_at) WHERE failed_at IS NOT NULL;
`,
};
