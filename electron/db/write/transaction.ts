// Transactions for writers whose statements live in several db/ functions (an index batch, a swap).
import type { WriteDb } from '../connection.js';

/** BEGIN IMMEDIATE: takes the write lock up front, so the body never fails half-way on a lock upgrade. */
export function immediateTransaction<T>(db: WriteDb, body: () => T): T {
  return db.transaction(body).immediate();
}
