// Symbols are found by FQN through an 8-byte key of it (symbols.fqn_key) instead of an index holding the ~90-character
// FQN itself, twice (migration 017). Queries seek the key and then compare the FQN, so a shared key costs a row read only.
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The FQN's key: the first 8 bytes of its MD5, as a signed 64-bit integer (SQLite's INTEGER). One-shot `hash`, as in
 * base/hash.ts: no Hash object per symbol. */
export function fqnKey(fqn: string): bigint {
  return hash('md5', fqn, 'buffer').readBigInt64LE(0);
}

/** `fqn_key(text)` in SQL, on every connection that reads or writes clew.db (and in its migrations). */
export function registerFqnKey(db: Database.Database): void {
  db.function('fqn_key', { deterministic: true, safeIntegers: true }, (fqn: unknown) => (typeof fqn === 'string' ? fqnKey(fqn) : null));
}
