// The chunk reads keyword, `auto` and the word index share: the chunks a trigram match finds (the index keeps no
// positions, so each reader verifies them against their text), their texts, and whole rows for the ones shown.
import type { ReadDb } from '../connection.js';
import type { SqlFilter } from './filters.js';
import type { ChunkRow } from './snippet.js';
import { cachedStatement } from './statements.js';

/** Ids of the first `limit` chunks whose trigrams match `expression`, in the index's order, inside `filter`. */
export function matchingChunkIds(db: ReadDb, expression: string, filter: SqlFilter, limit: number): number[] {
  // Without a filter the FTS table answers alone: joining every match to its chunk and file costs more than the match.
  const from = filter.where
    ? `FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN files f ON f.id = c.file_id WHERE chunks_fts MATCH ?${filter.where}`
    : 'FROM chunks_fts WHERE chunks_fts MATCH ?';
  return cachedStatement<Array<string | number>, number>(db, `SELECT chunks_fts.rowid ${from} LIMIT ${limit}`).pluck().all(expression, ...filter.params);
}

/** The text of each chunk among `ids` (those still there). */
export function chunkTexts(db: ReadDb, ids: readonly number[]): Array<{ id: number; text: string }> {
  return cachedStatement<[string], { id: number; text: string }>(db, 'SELECT id, text FROM chunks WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
}

/** The chunks among `ids` with their file and repo, in one statement. */
export function chunkRows(db: ReadDb, ids: readonly number[]): Array<ChunkRow & { id: number }> {
  return cachedStatement<[string], ChunkRow & { id: number }>(db,
    `SELECT c.id, c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo
     FROM chunks c JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
}
