// Writes one file's occurrence and import rows: one row per name the file uses, its places packed into a blob
// (occurrencePlaces.ts), in multi-row INSERTs of BATCH rows. A row per place cost 1.5-2 µs each, half of it the
// name index; a row per name is about a third as many rows and a twelfth of the bytes.
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
const values = (rows: number): string => Array.from({ length: rows }, () => '(?, ?, ?)').join(', ');

type Statement = Database.Statement<unknown[]>;

export class OccurrenceRows {
  private readonly deleteOccurrences: Statement;
  private readonly deleteImports: Statement;
  private readonly insertImport: Statement;
  private readonly batch: Statement;
  /** Statements for a last, shorter batch, by its row count. */
  private readonly tails = new Map<number, Statement>();
  private readonly places = new PlaceWriter(4096);

  constructor(private readonly db: WriteDb) {
    this.deleteOccurrences = db.prepare<unknown[]>('DELETE FROM occurrences WHERE file_id = ?');
    this.deleteImports = db.prepare<unknown[]>('DELETE FROM imports WHERE file_id = ?');
    this.insertImport = db.prepare<unknown[]>('INSERT INTO imports(file_id, local_id, imported_id, source, line) VALUES (?, ?, ?, ?, ?)');
    this.batch = db.prepare<unknown[]>(INSERT + values(BATCH));
  }

  private tail(rows: number): Statement {
    let statement = this.tails.get(rows);
    if (!statement) this.tails.set(rows, (statement = this.db.prepare<unknown[]>(INSERT + values(rows))));
    return statement;
  }

  /** Replaces a file's rows; `symbolIds` maps the analysis's symbol indexes to row ids, `nameId` interns a name. */
  replace(fileId: number, occ: FileOccurrences | null | undefined, symbolIds: readonly number[], nameId: (name: string) => number): void {
    this.deleteOccurrences.run(fileId);
    this.deleteImports.run(fileId);
    if (!occ) return;
    const ids = occ.names.map(nameId);
    const byName = placesByName(occ.rows, occ.names.length);
    // Names in id order: the file's rows then go in key order.
    const order = byName.used.sort((a, b) => ids[a]! - ids[b]!);
    const rows = occ.rows;
    const writer = this.places;
    writer.reset();
    const params = new Array<number | Uint8Array>(Math.min(order.length, BATCH) * COLUMNS);
    for (let start = 0; start < order.length; start += BATCH) {
      const n = Math.min(BATCH, order.length - start);
      if (params.length !== n * COLUMNS) params.length = n * COLUMNS;
      for (let k = 0; k < n; k++) {
        const name = order[start + k]!;
        writer.begin();
        for (let p = byName.start[name]!; p < byName.start[name + 1]!; p++) {
          const i = byName.rows[p]! * STRIDE;
          const symbol = rows[i + 4]!;
          const qualifier = rows[i + 5]!;
          writer.add(rows[i]!, rows[i + 1]!, rows[i + 3]!, symbol < 0 ? null : (symbolIds[symbol] ?? null), qualifier < 0 ? null : ids[qualifier]!);
        }
        params[k * COLUMNS] = fileId;
        params[k * COLUMNS + 1] = ids[name]!;
        params[k * COLUMNS + 2] = writer.end();
      }
      (n === BATCH ? this.batch : this.tail(n)).run(...params);
      writer.reset();
    }
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
