// Rows a read connection reads again on most keystrokes (symbol names, file paths), kept per connection while no other
// connection has committed (`PRAGMA data_version`). Rows past a bound are not kept: a huge repo reads them each time.
import type { ReadDb } from '../connection.js';
import { cachedStatement } from './statements.js';

export class KeptWhileUnchanged<T> {
  private readonly kept = new WeakMap<ReadDb, { version: number; rows: T[] }>();

  constructor(private readonly bound: number, private readonly read: (db: ReadDb) => Iterable<T>) {}

  /** The rows, streamed from `read` the first time after a change (kept when all were read and they fit the bound). */
  rows(db: ReadDb): Iterable<T> {
    const version = cachedStatement<[], number>(db, 'PRAGMA data_version').pluck().get() ?? 0;
    const held = this.kept.get(db);
    return held?.version === version ? held.rows : this.readAndKeep(db, version);
  }

  private *readAndKeep(db: ReadDb, version: number): Generator<T> {
    let rows: T[] | null = [];
    for (const row of this.read(db)) {
      if (rows) {
        rows.push(row);
        if (rows.length > this.bound) rows = null;
      }
      yield row;
    }
    if (rows) this.kept.set(db, { version, rows });
    else this.kept.delete(db);
  }
}
