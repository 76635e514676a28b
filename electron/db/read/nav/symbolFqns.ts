// The enclosing symbols' names of every use a references answer shows, in one statement instead of one point
// read per use (2,000 uses of `exp` sit in about 1,000 functions).
import type { ReadDb } from '../../connection.js';
import { cachedStatement } from '../statements.js';

/** The FQNs of the symbols among `ids` that still exist, in one statement (a references answer names thousands of enclosing symbols). */
export function symbolFqns(db: ReadDb, ids: readonly number[]): Map<number, string> {
  const rows = cachedStatement<[string], [number, string]>(db, 'SELECT id, fqn FROM symbols WHERE id IN (SELECT value FROM json_each(?))')
    .raw(true).all(JSON.stringify(ids));
  return new Map(rows);
}
