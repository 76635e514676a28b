// A leaner index, part three. Symbols were found by FQN through two indexes that each held the whole ~90-character FQN
// ((file_id, fqn) for the writer's upsert, (repo_id, fqn) for every read by FQN): 31 MiB of a 10,799-file Go tree's
// 335 MiB. The FQN now stays in its row only; the index holds an 8-byte key of it (fqn_key(), electron/db/fqnKey.ts)
// and readers compare the FQN after the seek. The writer finds a file's symbols by file (symbols_file_lines) and
// decides insert or update itself, so the unique (file_id, fqn) constraint goes, and with it the table is rebuilt.
// The word index's rows are named by the symbol (rowid = 2 × id) or chunk (rowid = 2 × id + 1) they stand for, so the
// word_units table that mapped them (7.6 MiB with its indexes) goes. Its contentless rows cannot be renumbered: the word
// index starts empty and every file is read again on its repo's next run (as migration 010 did).
import type { Migration } from './index.js';

export const m017CompactKeys: Migration = {
  name: 'compact keys',
  rebuildsTables: true,
  sql: /* sql */ `
CREATE TABLE symbols_new (
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
  body_hash  TEXT NOT NULL,
  fqn_key    INTEGER NOT NULL                   -- fqn_key(fqn)
) STRICT;
INSERT INTO symbols_new(id, repo_id, file_id, parent_id, fqn, kind, name, start_line, end_line, signature, doc, modifiers, body_hash, fqn_key)
  SELECT id, repo_id, file_id, parent_id, fqn, kind, name, start_line, end_line, signature, doc, modifiers, body_hash, fqn_key(fqn) FROM symbols ORDER BY id;
DROP TABLE symbols;
ALTER TABLE symbols_new RENAME TO symbols;
CREATE INDEX symbols_repo_fqn_key ON symbols(repo_id, fqn_key);
CREATE INDEX symbols_name ON symbols(name);
CREATE INDEX symbols_file_lines ON symbols(file_id, start_line);
CREATE INDEX symbols_parent ON symbols(parent_id);
CREATE INDEX symbols_file_name ON symbols(file_id, name);
CREATE TRIGGER symbols_ad AFTER DELETE ON symbols BEGIN
  DELETE FROM symbols_fts WHERE rowid = old.id;
  DELETE FROM words_fts WHERE rowid = old.id * 2;
END;

DROP TABLE IF EXISTS word_units;
DROP TABLE words_vocab;
DROP TABLE words_fts;
CREATE VIRTUAL TABLE words_fts USING fts5(names, signature, doc, path, body, content='', contentless_delete=1, tokenize='unicode61');
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words_fts, 'row');
CREATE TRIGGER IF NOT EXISTS chunks_words_ad AFTER DELETE ON chunks BEGIN
  DELETE FROM words_fts WHERE rowid = old.id * 2 + 1;
END;
UPDATE files SET mtime_ms = -1, content_hash = '';
`,
};
