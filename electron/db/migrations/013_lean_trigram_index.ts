// The trigram index without positions (detail=none) or per-row sizes (columnsize=0): it was the largest table (a
// quarter of clew.db), and readers now verify its candidates against the chunk text, which they read anyway for
// snippets, and rank them there (electron/db/read/chunkRank.ts). Rebuilt from the chunks it indexes.
import type { Migration } from './index.js';

export const m013LeanTrigramIndex: Migration = {
  name: 'lean trigram index',
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
`,
};
