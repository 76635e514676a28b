// A leaner content index. The trigram index loses its positions (detail=none) and per-row sizes (columnsize=0): it was
// the largest table (a quarter of clew.db); readers verify its candidates against the chunk text, which they read anyway
// for snippets, and rank them there (electron/db/read/chunkRank.ts). It is rebuilt from the chunks it indexes. A text
// unit whose text ends with lines of its file keeps only its head (text_in_file = 1); readers add the lines from the
// chunks (electron/db/read/unitTexts.ts). Existing units keep their whole text until their file is written again.
import type { Migration } from './index.js';

export const m013LeanContentIndex: Migration = {
  name: 'lean content index',
  sql: /* sql */ `
DROP TRIGGER chunks_ai;
DROP TRIGGER chunks_ad;
DROP TABLE chunks_fts;
CREATE VIRTUAL TABLE chunks_fts USING fts5(text, content='chunks', content_rowid='id', tokenize='trigram', detail=none, columnsize=0);
CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
  INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
  INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
INSERT INTO chunks_fts(chunks_fts) VALUES ('rebuild');
ALTER TABLE text_units ADD COLUMN text_in_file INTEGER NOT NULL DEFAULT 0;
`,
};
