// Writes one file's occurrence and import rows: one row per name the file uses, its places packed into a blob
// (occurrencePlaces.ts), in multi-row INSERTs of BATCH rows. A row per place cost 1.5-2 µs each, half of it the
// name index; a row per name is about a third as many rows and a twelfth of the bytes. A changed file keeps the rows
// whose places are unchanged (every name used above an edit, all of them when lines are only added at the end): a
// branch switch on the Go tree deleted and inserted each row of each changed file, in the table and in the name index.
import type Database from 'better-sqlite3';
import type { FileOccurrences } from '../../base/fileAnalysis.js';
import type { WriteDb } from '../connection.js';
import { PlaceWriter } from '../occurrencePlaces.js';

const COLUMNS = 3;
/** Rows per INSERT (3 parameters each, well under SQLite's 32,766). */
const BATCH = 128;
/** Numbers per occurrence in `FileOccurrences.rows`. */
const STRIDE = 6;
const INSERT = 'INSERT INTO occurrences(file_id, name_id, places) VALUES ';
const UPSERT = ' ON CONFLICT(file_id, name_id) DO UPDATE SET places = excluded.places';
const values = (rows: number): string => Array.from({ length: rows }, () => '(?, ?, ?)').join(', ');

type Statement = Database.Statement<unknown[]>;

export class OccurrenceRows {
  private readonly deleteOccurrences: Statement;
  private readonly deleteNames: Statement;
  private readonly stored: Database.Statement<[number], { name_id: number; places: Buffer }>;
  private readonly deleteImports: Statement;
  private readonly insertImport: Statement;
  private readonly batch: Statement;
  /** Statements for a last, shorter batch, by its row count. */
  private readonly tails = new Map<number, Statement>();
  private readonly places = new PlaceWriter(4096);

  constructor(private readonly db: WriteDb) {
    this.deleteOccurrences = db.prepare<unknown[]>('DELETE FROM occurrences WHERE file_id = ?');
    this.deleteNames = db.prepare<unknown[]>('DELETE FROM occurrences WHERE file_id = ? AND name_id IN (SELECT value FROM json_each(?))');
    this.stored = db.prepare<[number], { name_id: number; places: Buffer }>('SELECT name_id, places FROM occurrences WHERE file_id = ?');
    this.deleteImports = db.prepare<unknown[]>('DELETE FROM imports WHERE file_id = ?');
    this.insertImport = db.prepare<unknown[]>('INSERT INTO imports(file_id, local_id, imported_id, source, line) VALUES (?, ?, ?, ?, ?)');
    this.batch = db.prepare<unknown[]>(INSERT + values(BATCH) + UPSERT);
  }

  private tail(rows: number): Statement {
    let statement = this.tails.get(rows);
    if (!statement) this.tails.set(rows, (statement = this.db.prepare<unknown[]>(INSERT + values(rows) + UPSERT)));
    return statement;
  }

  /** Replaces a file's rows; `symbolIds` maps the analysis's symbol indexes to row ids, `nameId` interns a name. */
  replace(fileId: number, occ: FileOccurrences | null | undefined, symbolIds: readonly number[], nameId: (name: string) => number): void {
    this.deleteImports.run(fileId);
    if (!occ) {
      this.deleteOccurrences.run(fileId);
      return;
    }
    const stored = new Map(this.stored.all(fileId).map((row) => [row.name_id, row.places]));
    const ids = occ.names.map(nameId);
    const byName = placesByName(occ.rows, occ.names.length);
    // Names in id order: the file's rows then go in key order.
    const order = byName.used.sort((a, b) => ids[a]! - ids[b]!);
    const rows = occ.rows;
    const writer = this.places;
    writer.reset();
    const params = new Array<number | Uint8Array>(Math.min(order.length, BATCH) * COLUMNS);
    let held = 0;
    const write = (): void => {
      if (params.length !== held * COLUMNS) params.length = held * COLUMNS;
      (held === BATCH ? this.batch : this.tail(held)).run(...params);
      writer.reset();
      held = 0;
    };
    for (const name of order) {
      const id = ids[name]!;
      writer.begin();
      for (let p = byName.start[name]!; p < byName.start[name + 1]!; p++) {
        const i = byName.rows[p]! * STRIDE;
        const symbol = rows[i + 4]!;
        const qualifier = rows[i + 5]!;
        writer.add(rows[i]!, rows[i + 1]!, rows[i + 3]!, symbol < 0 ? null : (symbolIds[symbol] ?? null), qualifier < 0 ? null : ids[qualifier]!);
      }
      const places = writer.end();
      const old = stored.get(id);
      stored.delete(id);
      if (old?.equals(places)) {
        writer.discard();
        continue;
      }
      params[held * COLUMNS] = fileId;
      params[held * COLUMNS + 1] = id;
      params[held * COLUMNS + 2] = places;
      if (++held === BATCH) write();
    }
    if (held > 0) write();
    // The names the file no longer uses.
    if (stored.size > 0) this.deleteNames.run(fileId, JSON.stringify([...stored.keys()]));
    for (const imp of occ.imports) this.insertImport.run(fileId, nameId(imp.local), imp.imported === null ? null : nameId(imp.imported), imp.source, imp.line);
  }
}

/**
 * The rows (by index) of each name, in place order, by a counting sort: `rows[start[n]]` … `rows[start[n + 1] - 1]`
 * are name n's. A second row at a place already taken is dropped (the first one found there wins, as the key did).
 */
function placesByName(rows: Int32Array, names: number): { start: Int32Array; rows: Int32Array; used: number[] } {
  const count = Math.floor(rows.length / STRIDE);
  const keep = new Uint8Array(count);
  const start = new Int32Array(names + 1);
  for (let r = 0; r < count; r++) {
    const i = r * STRIDE;
    // Rows come sorted by line and column: a repeated place is right after its first.
    if (r > 0 && rows[i] === rows[i - STRIDE] && rows[i + 1] === rows[i + 1 - STRIDE]) continue;
    keep[r] = 1;
    start[rows[i + 2]! + 1]!++;
  }
  const used: number[] = [];
  for (let n = 0; n < names; n++) {
    if (start[n + 1]! > 0) used.push(n);
    start[n + 1]! += start[n]!;
  }
  const next = start.slice(0, names);
  const byName = new Int32Array(start[names]!);
  for (let r = 0; r < count; r++) if (keep[r]) byName[next[rows[r * STRIDE + 2]!]!++] = r;
  return { start, rows: byName, used };
}
