// Writes one file's occurrence and import rows. Rows go in as multi-row INSERTs of BATCH rows: one
// statement call per row cost more than the B-tree work itself.
import type Database from 'better-sqlite3';
import type { FileOccurrences } from '../../base/fileAnalysis.js';
import type { WriteDb } from '../connection.js';

const COLUMNS = 7;
/** Rows per INSERT (7 parameters each, well under SQLite's 32,766). */
const BATCH = 128;
const INSERT = 'INSERT OR IGNORE INTO occurrences(file_id, line, col, name_id, role, symbol_id, qualifier_id) VALUES ';
const values = (rows: number): string => Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');

type Statement = Database.Statement<unknown[]>;

export class OccurrenceRows {
  private readonly deleteOccurrences: Statement;
  private readonly deleteImports: Statement;
  private readonly insertImport: Statement;
  private readonly batch: Statement;
  /** Statements for a last, shorter batch, by its row count. */
  private readonly tails = new Map<number, Statement>();

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
    const rows = occ.rows;
    const count = Math.floor(rows.length / 6);
    const params = new Array<number | null>(Math.min(count, BATCH) * COLUMNS);
    for (let start = 0; start < count; start += BATCH) {
      const n = Math.min(BATCH, count - start);
      if (params.length !== n * COLUMNS) params.length = n * COLUMNS;
      for (let k = 0; k < n; k++) {
        const i = (start + k) * 6;
        const o = k * COLUMNS;
        const symbol = rows[i + 4]!;
        const qualifier = rows[i + 5]!;
        params[o] = fileId;
        params[o + 1] = rows[i]!;
        params[o + 2] = rows[i + 1]!;
        params[o + 3] = ids[rows[i + 2]!]!;
        params[o + 4] = rows[i + 3]!;
        params[o + 5] = symbol < 0 ? null : (symbolIds[symbol] ?? null);
        params[o + 6] = qualifier < 0 ? null : ids[qualifier]!;
      }
      (n === BATCH ? this.batch : this.tail(n)).run(...params);
    }
    for (const imp of occ.imports) this.insertImport.run(fileId, nameId(imp.local), imp.imported === null ? null : nameId(imp.imported), imp.source, imp.line);
  }
}
