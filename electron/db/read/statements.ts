// Prepared statements kept per connection: a search runs the same few statements over and over, and
// compiling one (a join over FTS5 tables) costs about as much as running it on a small match set.
import type Database from 'better-sqlite3';
import type { ReadDb } from '../connection.js';

// Statements whose text varies (an IN list's length, a filter's clauses) are many: past this the cache starts over.
const MAX_STATEMENTS = 256;
const byConnection = new WeakMap<ReadDb, Map<string, Database.Statement>>();

/** `db.prepare(sql)`, compiled once per connection. Only for `.get` and `.all`: an `.iterate` in progress would
 * make the shared statement busy for its next caller. */
export function cachedStatement<P extends unknown[], R>(db: ReadDb, sql: string): Database.Statement<P, R> {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let stmt = statements.get(sql);
  if (!stmt) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    stmt = db.prepare(sql);
    statements.set(sql, stmt);
  }
  return stmt as Database.Statement<P, R>;
}
