// A text unit of a symbol or chunk ends with lines of its file, which `chunks` already holds, and starts with a head
// (what it is, where, signature, doc) that its symbol and file rows already hold. Such a unit stores as little as gives
// its text back exactly (`text_in_file`): 2, nothing of a symbol's text and only a chunk's label; 1, the head; 0, the
// whole text. Readers of unit text get the whole text back here; the parse workers pick the form (base/storedUnit.ts).
import { excerptOf, UnitForm } from '../../base/storedUnit.js';
import { chunkUnitHead, symbolUnitHead } from '../../base/unitText.js';
import type { ReadDb } from '../connection.js';
import { cachedStatement } from './statements.js';

interface ExcerptPlace {
  id: number;
  kind: string;
  form: number;
  file_id: number | null;
  path: string | null;
  start_line: number | null;
  end_line: number | null;
  symbol_kind: string | null;
  fqn: string | null;
  signature: string | null;
  doc: string | null;
}

/** Which lines of which file a stored unit's text goes on with (symbol units follow their symbol's current lines), and
 * the rows its head comes from. */
const PLACES_SQL = `SELECT u.id, u.kind, u.text_in_file AS form, coalesce(u.file_id, s.file_id) AS file_id, f.path,
    CASE WHEN u.kind = 'symbol' THEN s.start_line ELSE u.start_line END AS start_line,
    CASE WHEN u.kind = 'symbol' THEN s.end_line ELSE u.end_line END AS end_line,
    s.kind AS symbol_kind, s.fqn, s.signature, s.doc
  FROM text_units u LEFT JOIN symbols s ON s.id = u.symbol_id LEFT JOIN files f ON f.id = coalesce(u.file_id, s.file_id)
  WHERE u.id IN (SELECT value FROM json_each(?)) AND u.text_in_file != 0`;

/** The head of a unit stored as `place` says, from its stored text or its symbol and file rows. */
function headOf(place: ExcerptPlace, stored: string): string | null {
  if (place.form !== UnitForm.derived) return stored;
  if (place.path === null) return null;
  if (place.kind === 'chunk') return chunkUnitHead(place.path, stored || null);
  if (place.symbol_kind === null || place.fqn === null || place.signature === null) return null;
  return symbolUnitHead({ kind: place.symbol_kind, fqn: place.fqn, signature: place.signature, doc: place.doc }, place.path);
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
    const head = headOf(place, row.text);
    if (head === null) continue;
    row.text = `${head}\n${excerptOf(linesOf(place.file_id), place.kind, place.start_line, place.end_line)}`;
  }
  return rows;
}

/** Runs a query of unit rows and completes their texts, both in one read transaction (one snapshot of units and chunks). */
export function readUnits<T extends { id: number; text: string }>(db: ReadDb, query: () => T[]): T[] {
  return db.inTransaction ? wholeUnitTexts(db, query()) : db.transaction(() => wholeUnitTexts(db, query()))();
}
