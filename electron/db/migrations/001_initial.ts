// The initial schema: repos → files → chunks/symbols/entry points/calls; text units with their
// vector bookkeeping; notes keyed by FQN (never by a row that indexing may delete); the outbox.
import type { Migration } from './index.js';

export const m001Initial: Migration = {
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE repos (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL UNIQUE,          -- hash of the canonical path: stable across rebuilds
  path          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  added_at      INTEGER NOT NULL,
  indexed_at    INTEGER,
  last_index_ms INTEGER,
  skipped_json  TEXT NOT NULL DEFAULT '{}',
  issues_json   TEXT NOT NULL DEFAULT '[]'
) STRICT;

CREATE TABLE files (
  id           INTEGER PRIMARY KEY,
  repo_id      INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  path         TEXT NOT NULL,                  -- repo-relative, '/' separated
  language     TEXT,
  size         INTEGER NOT NULL,
  mtime_ms     INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  line_count   INTEGER NOT NULL,
  lossy        INTEGER NOT NULL DEFAULT 0,     -- decoded as latin1 because it was not valid UTF-8
  UNIQUE (repo_id, path)
) STRICT;
CREATE INDEX files_language ON files(language);

-- File contents in line-aligned chunks: snippets and regex search never touch the disk.
CREATE TABLE chunks (
  id         INTEGER PRIMARY KEY,
  file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  start_line INTEGER NOT NULL,
  text       TEXT NOT NULL
) STRICT;
CREATE INDEX chunks_file ON chunks(file_id, start_line);

-- Trigram index: substring search (parts of identifiers) and the regex prefilter.
CREATE VIRTUAL TABLE chunks_fts USING fts5(text, content='chunks', content_rowid='id', tokenize='trigram');
CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
  INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
  INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE symbols (
  id         INTEGER PRIMARY KEY,
  repo_id    INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  parent_id  INTEGER REFERENCES symbols(id) ON DELETE CASCADE,
  fqn        TEXT NOT NULL,
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL COLLATE NOCASE,
  start_line INTEGER NOT NULL,
  end_line   INTEGER NOT NULL,
  signature  TEXT NOT NULL,
  doc        TEXT,
  modifiers  TEXT NOT NULL DEFAULT '[]',
  body_hash  TEXT NOT NULL,                    -- hash of the symbol's source: a change marks notes stale
  UNIQUE (file_id, fqn)
) STRICT;
CREATE INDEX symbols_repo_fqn ON symbols(repo_id, fqn);
CREATE INDEX symbols_name ON symbols(name);
CREATE INDEX symbols_file_lines ON symbols(file_id, start_line);
CREATE INDEX symbols_parent ON symbols(parent_id);

-- Identifier parts of symbol names (parseConfig → parse config) for symbol search.
CREATE VIRTUAL TABLE symbols_fts USING fts5(words, content='', contentless_delete=1, tokenize='unicode61');
CREATE TRIGGER symbols_ad AFTER DELETE ON symbols BEGIN
  DELETE FROM symbols_fts WHERE rowid = old.id;
END;

CREATE TABLE entry_points (
  id        INTEGER PRIMARY KEY,
  repo_id   INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  file_id   INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  symbol_id INTEGER REFERENCES symbols(id) ON DELETE SET NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('http', 'schedule', 'listener', 'main')),
  framework TEXT NOT NULL,
  method    TEXT,
  path      TEXT,
  schedule  TEXT,
  queue     TEXT,
  handler   TEXT,
  line      INTEGER NOT NULL
) STRICT;
CREATE INDEX entry_points_repo ON entry_points(repo_id, kind);
CREATE INDEX entry_points_file ON entry_points(file_id);

-- Outside systems a symbol calls (HTTP, SQL, Redis, queues …).
CREATE TABLE external_calls (
  id        INTEGER PRIMARY KEY,
  repo_id   INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  file_id   INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  symbol_id INTEGER REFERENCES symbols(id) ON DELETE SET NULL,
  kind      TEXT NOT NULL,
  client    TEXT NOT NULL,
  target    TEXT,
  line      INTEGER NOT NULL
) STRICT;
CREATE INDEX external_calls_repo ON external_calls(repo_id, kind);
CREATE INDEX external_calls_file ON external_calls(file_id);
CREATE INDEX external_calls_symbol ON external_calls(symbol_id);

-- Packages declared by manifests (package.json, pom.xml, go.mod …).
CREATE TABLE packages (
  id        INTEGER PRIMARY KEY,
  repo_id   INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  file_id   INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  ecosystem TEXT NOT NULL,
  name      TEXT NOT NULL,
  version   TEXT,
  scope     TEXT NOT NULL
) STRICT;
CREATE INDEX packages_repo ON packages(repo_id);
CREATE INDEX packages_file ON packages(file_id);

-- A person's notes, keyed by FQN so no re-index can cascade them away.
CREATE TABLE notes (
  id           INTEGER PRIMARY KEY,
  repo_id      INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  fqn          TEXT NOT NULL,
  text         TEXT NOT NULL,
  state        TEXT NOT NULL DEFAULT 'current' CHECK (state IN ('current', 'stale', 'detached')),
  stale_reason TEXT,
  anchor_hash  TEXT,                           -- body_hash of the symbol when the note was last confirmed
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX notes_repo_fqn ON notes(repo_id, fqn);

-- Everything that carries a vector. Pending is derived: synced_hash IS NOT content_hash.
CREATE TABLE text_units (
  id              INTEGER PRIMARY KEY,
  repo_id         INTEGER NOT NULL REFERENCES repos(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('symbol', 'note', 'chunk')),
  symbol_id       INTEGER REFERENCES symbols(id) ON DELETE CASCADE,
  note_id         INTEGER REFERENCES notes(id) ON DELETE CASCADE,
  vector_id       TEXT NOT NULL UNIQUE,        -- deterministic: hash(repo key, kind, stable key)
  text            TEXT NOT NULL,
  content_hash    TEXT NOT NULL,               -- hash(embedder id, text)
  synced_hash     TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  next_attempt_at INTEGER,
  failed_at       INTEGER,
  CHECK ((kind = 'symbol') = (symbol_id IS NOT NULL)),
  CHECK ((kind = 'note') = (note_id IS NOT NULL))
) STRICT;
CREATE INDEX text_units_symbol ON text_units(symbol_id) WHERE symbol_id IS NOT NULL;
CREATE INDEX text_units_note ON text_units(note_id) WHERE note_id IS NOT NULL;
CREATE INDEX text_units_pending ON text_units(repo_id) WHERE synced_hash IS NOT content_hash;

-- Tombstones: a vector to delete from the vector store. No FK: they outlive their repo.
-- Vector ids are globally unique (they hash the repo key), so the id alone names the vector.
CREATE TABLE vector_outbox (
  id         INTEGER PRIMARY KEY,
  vector_id  TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
CREATE INDEX vector_outbox_vector ON vector_outbox(vector_id);

-- Any deletion of a vector-bearing row, cascades included, leaves a tombstone: impossible to forget.
CREATE TRIGGER text_units_tombstone AFTER DELETE ON text_units BEGIN
  INSERT INTO vector_outbox(vector_id, created_at) VALUES (old.vector_id, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;

CREATE TABLE sync_runs (
  id          INTEGER PRIMARY KEY,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  kind        TEXT NOT NULL DEFAULT 'sync',
  sent        INTEGER NOT NULL DEFAULT 0,
  deleted     INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0,
  error       TEXT
) STRICT;
`,
};
