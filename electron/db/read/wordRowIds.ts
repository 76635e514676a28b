// A word-index row's rowid names the unit it stands for (migration 017): a symbol's id doubled, a chunk's id doubled
// plus one. Both stay small positive integers, which FTS5 stores in fewer bytes than a negated id (a 9-byte varint).
export const symbolWordRow = (symbolId: number): number => symbolId * 2;
export const chunkWordRow = (chunkId: number): number => chunkId * 2 + 1;

/** The symbol_id and chunk_id columns of a word-index row (table words_fts), in SQL. */
export const WORD_ROW_UNIT = `CASE WHEN words_fts.rowid % 2 = 0 THEN words_fts.rowid / 2 END AS symbol_id,
  CASE WHEN words_fts.rowid % 2 = 1 THEN words_fts.rowid / 2 END AS chunk_id`;

/** Joins a word-index row to its file (alias f), through its symbol (ws) or chunk (wc). */
export const WORD_ROW_FILE = `LEFT JOIN symbols ws ON words_fts.rowid % 2 = 0 AND ws.id = words_fts.rowid / 2
  LEFT JOIN chunks wc ON words_fts.rowid % 2 = 1 AND wc.id = words_fts.rowid / 2
  JOIN files f ON f.id = coalesce(ws.file_id, wc.file_id)`;
