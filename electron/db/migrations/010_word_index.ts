// The word index beside the trigram index: code words (identifier parts, stemmed) in fields weighted
// apart (names, signature, doc comment, path, body), one row per symbol and per chunk, so a question
// finds `registerRoute` ("Adds a route to the table") by "where are routes registered".
import type { Migration } from './index.js';

export const m010WordIndex: Migration = {
  name: 'word index',
  sql: /* sql */ `
-- One row per indexed unit: a symbol (names, signature, doc) or a chunk of the file (body). A file's rows
-- are replaced with its chunks and symbols; the cascades remove them with the file, chunk or symbol.
CREATE TABLE word_units (
  id         INTEGER PRIMARY KEY,
  file_id    INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  symbol_id  INTEGER REFERENCES symbols(id) ON DELETE CASCADE,
  chunk_id   INTEGER REFERENCES chunks(id) ON DELETE CASCADE,
  CHECK ((symbol_id IS NULL) != (chunk_id IS NULL))
) STRICT;
CREATE INDEX word_units_file ON word_units(file_id);
CREATE INDEX word_units_symbol ON word_units(symbol_id) WHERE symbol_id IS NOT NULL;
CREATE INDEX word_units_chunk ON word_units(chunk_id) WHERE chunk_id IS NOT NULL;

-- Columns hold pre-split, stemmed words (electron/base/query/codeWords.ts); bm25() weights them per column.
CREATE VIRTUAL TABLE words_fts USING fts5(names, signature, doc, path, body, content='', contentless_delete=1, tokenize='unicode61');
-- How many rows hold each word: a question's words found nearly everywhere are dropped before ranking.
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words_fts, 'row');
CREATE TRIGGER word_units_ad AFTER DELETE ON word_units BEGIN
  DELETE FROM words_fts WHERE rowid = old.id;
END;

-- Existing repos have no word rows: forget each file's stat and hash, so the next run (a watched repo's
-- catch-up at start, or an index) re-reads every file and writes them.
UPDATE files SET mtime_ms = -1, content_hash = '';
`,
};
