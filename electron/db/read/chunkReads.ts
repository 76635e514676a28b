// The chunk reads keyword, `auto` and the word index share: the chunks a trigram match finds (the index keeps no
// positions, so each reader verifies them against their text), their texts, and whole rows for the ones shown.
import { CHUNK_CHARS } from '../../base/source.js';
import type { ReadDb } from '../connection.js';
import type { SqlFilter } from './filters.js';
import type { ChunkRow } from './snippet.js';
import { cachedStatement } from './statements.js';

/**
 * A chunk of more bytes than this is oversized: one line of over 8,192 characters (chunks end before the line that
 * would take them past CHUNK_CHARS, and four bytes a character is UTF-8's most), so minified code, a source map or data.
 * Such a line holds nearly every trigram, so a common term's matches include it, and on a tree with bundles these lines
 * were most of what a search read: 18 of the 27 MB `agents` read in an index of node_modules.
 */
export const OVERSIZED_CHUNK_BYTES = 4 * CHUNK_CHARS;

export interface ChunkText {
  id: number;
  text: string;
}

/** Ids of the first `limit` chunks whose trigrams match `expression`, in the index's order, inside `filter`. */
export function matchingChunkIds(db: ReadDb, expression: string, filter: SqlFilter, limit: number): number[] {
  // Without a filter the FTS table answers alone: joining every match to its chunk and file costs more than the match.
  const from = filter.where
    ? `FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid JOIN files f ON f.id = c.file_id WHERE chunks_fts MATCH ?${filter.where}`
    : 'FROM chunks_fts WHERE chunks_fts MATCH ?';
  return cachedStatement<Array<string | number>, number>(db, `SELECT chunks_fts.rowid ${from} LIMIT ${limit}`).pluck().all(expression, ...filter.params);
}

/** The text of each chunk among `ids` (those still there). */
function chunkTexts(db: ReadDb, ids: readonly number[]): ChunkText[] {
  return cachedStatement<[string], ChunkText>(db, 'SELECT id, text FROM chunks WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids));
}

/** The texts of the ordinary chunks among `ids`, and the ids of the oversized ones, whose text is not read (the size
 * comes from the row's header: octet_length does not load the text). */
function boundedChunkTexts(db: ReadDb, ids: readonly number[]): { texts: ChunkText[]; oversized: number[] } {
  const rows = cachedStatement<[number, string], { id: number; text: string | null }>(db,
    'SELECT id, CASE WHEN octet_length(text) <= ? THEN text END AS text FROM chunks WHERE id IN (SELECT value FROM json_each(?))',
  ).all(OVERSIZED_CHUNK_BYTES, JSON.stringify(ids));
  const texts: ChunkText[] = [];
  const oversized: number[] = [];
  for (const row of rows) {
    if (row.text === null) oversized.push(row.id);
    else texts.push({ id: row.id, text: row.text });
  }
  return { texts, oversized };
}

/** Chunk texts read per statement while checking (about 0.5 MB of text). */
export const TEXTS_READ_AT_ONCE = 256;

/** `%needle%` for LIKE with `\\` as its escape: LIKE folds ASCII letters only, as the check's case-blind match does for an ASCII needle. */
const likePattern = (needle: string): string => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const ASCII = /^[\0-\x7f]*$/;

/** The oversized chunks among `ids` whose text holds one of `needles` (lower-case, ASCII): SQLite's LIKE scans a text in
 * place, 2.5-5× faster than reading it into JavaScript to scan it there, and most of these chunks hold none. */
function oversizedHolding(db: ReadDb, ids: readonly number[], needles: readonly string[]): number[] {
  const any = needles.map(() => "text LIKE ? ESCAPE '\\'").join(' OR ');
  return cachedStatement<string[], number>(db, `SELECT id FROM chunks WHERE id IN (SELECT value FROM json_each(?)) AND (${any})`)
    .pluck().all(JSON.stringify(ids), ...needles.map(likePattern));
}

/**
 * `check` over the chunks among `ids` that are still there, giving what it keeps in the order of `ids`. The ordinary
 * chunks are checked first; the oversized ones only when fewer than `wanted` ordinary ones were kept, so a term common
 * in ordinary code never reads a bundle, and one only a bundle holds still finds it. `needles`: what a chunk must hold
 * one of to pass `check` (lower-case); when all are ASCII, SQL picks the oversized chunks worth reading.
 */
export function checkedChunks<T>(db: ReadDb, ids: readonly number[], wanted: number, needles: readonly string[],
  check: (chunk: ChunkText) => T | undefined): T[] {
  const kept: Array<{ id: number; value: T }> = [];
  const keep = (chunks: readonly ChunkText[]): void => {
    for (const chunk of chunks) {
      const value = check(chunk);
      if (value !== undefined) kept.push({ id: chunk.id, value });
    }
  };
  const oversized: number[] = [];
  // A slice at a time, so each text is garbage before the next slice is read: all 3,000 texts of a common term (6 MB)
  // alive at once outlived young collections and were copied into the old generation, 15-20% of such a search's CPU.
  for (let at = 0; at < ids.length; at += TEXTS_READ_AT_ONCE) {
    const read = boundedChunkTexts(db, ids.slice(at, at + TEXTS_READ_AT_ONCE));
    keep(read.texts);
    oversized.push(...read.oversized);
  }
  if (kept.length < wanted && oversized.length > 0) {
    const worth = needles.length > 0 && needles.every((n) => ASCII.test(n)) ? oversizedHolding(db, oversized, needles) : oversized;
    if (worth.length > 0) keep(chunkTexts(db, worth));
  }
  const order = new Map(ids.map((id, k) => [id, k]));
  return kept.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map((k) => k.value);
}

/** The chunks among `ids` with their file and repo, in one statement. */
export function chunkRows(db: ReadDb, ids: readonly number[]): Array<ChunkRow & { id: number }> {
  return cachedStatement<[string], ChunkRow & { id: number }>(db,
    `SELECT c.id, c.file_id, c.start_line, c.text, f.path, f.language, r.path AS repo
     FROM chunks c JOIN files f ON f.id = c.file_id JOIN repos r ON r.id = f.repo_id WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
}
