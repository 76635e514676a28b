// A text unit of a symbol or chunk ends with lines of its file, which `chunks` already holds: such a unit stores only
// the head of its text (what it is, where, signature, doc) with `text_in_file` set, and readers of unit text get the
// whole text back here. The writer stores a unit this way only when this gives back exactly the text it was given.
import { symbolExcerptEnd, unitExcerpt } from '../../base/unitText.js';
import type { ReadDb } from '../connection.js';
import { cachedStatement } from './statements.js';

interface ExcerptPlace {
  id: number;
  kind: string;
  file_id: number | null;
  start_line: number | null;
  end_line: number | null;
}

/** Which lines of which file a stored unit's text goes on with (symbol units follow their symbol's current lines). */
const PLACES_SQL = `SELECT u.id, u.kind, coalesce(u.file_id, s.file_id) AS file_id,
    CASE WHEN u.kind = 'symbol' THEN s.start_line ELSE u.start_line END AS start_line,
    CASE WHEN u.kind = 'symbol' THEN s.end_line ELSE u.end_line END AS end_line
  FROM text_units u LEFT JOIN symbols s ON s.id = u.symbol_id
  WHERE u.id IN (SELECT value FROM json_each(?)) AND u.text_in_file = 1`;

/** The text a unit stores when it ends with `excerpt`, or null when it does not (then it keeps its whole text). */
export function storedHead(unitText: string, excerpt: string): string | null {
  return excerpt.length > 0 && unitText.endsWith(`\n${excerpt}`) ? unitText.slice(0, unitText.length - excerpt.length - 1) : null;
}

/** The excerpt a unit's text ends with, from its file's lines (1-based lines; symbol units take their first lines). */
export function excerptOf(lines: readonly string[], kind: string, startLine: number, endLine: number): string {
  return unitExcerpt(lines, startLine, kind === 'symbol' ? symbolExcerptEnd(startLine, endLine) : endLine);
}

/** Gives every row its whole unit text, in place; rows whose text is whole already are left alone. Reads in one snapshot
 * when the caller runs the row query inside `db.transaction` (see `readUnits`). */
export function wholeUnitTexts<T extends { id: number; text: string }>(db: ReadDb, rows: T[]): T[] {
  if (rows.length === 0) return rows;
  const places = cachedStatement<[string], ExcerptPlace>(db, PLACES_SQL).all(JSON.stringify(rows.map((r) => r.id)));
  if (places.length === 0) return rows;
  const fileLines = new Map<number, string[]>();
  const chunkTexts = cachedStatement<[number], string>(db, 'SELECT text FROM chunks WHERE file_id = ? ORDER BY start_line');
  const linesOf = (fileId: number): string[] => {
    let lines = fileLines.get(fileId);
    if (!lines) fileLines.set(fileId, (lines = chunkTexts.pluck().all(fileId).flatMap((t) => t.split('\n'))));
    return lines;
  };
  const byId = new Map(places.map((p) => [p.id, p]));
  for (const row of rows) {
    const place = byId.get(row.id);
    if (!place || place.file_id === null || place.start_line === null || place.end_line === null) continue;
    row.text = `${row.text}\n${excerptOf(linesOf(place.file_id), place.kind, place.start_line, place.end_line)}`;
  }
  return rows;
}

/** Runs a query of unit rows and completes their texts, both in one read transaction (one snapshot of units and chunks). */
export function readUnits<T extends { id: number; text: string }>(db: ReadDb, query: () => T[]): T[] {
  return db.inTransaction ? wholeUnitTexts(db, query()) : db.transaction(() => wholeUnitTexts(db, query()))();
}
