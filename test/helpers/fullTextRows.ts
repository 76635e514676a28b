// Checks the writer tests share: each full-text index holds a row for exactly the stored symbols and chunks (by rowid,
// read/wordRowIds.ts), and how many chunks the trigram index finds for a needle.
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { needleExpression } from '../../electron/db/read/trigrams.js';

export function expectRowsOfStoredUnits(db: Database.Database): void {
  const ids = (sql: string): number[] => db.prepare<[], number>(sql).pluck().all().sort((a, b) => a - b);
  const symbolIds = ids('SELECT id FROM symbols');
  const chunkIds = ids('SELECT id FROM chunks');
  expect(ids('SELECT rowid FROM symbols_fts')).toEqual(symbolIds);
  expect(ids('SELECT rowid FROM words_fts')).toEqual([...symbolIds.map((id) => id * 2), ...chunkIds.map((id) => id * 2 + 1)].sort((a, b) => a - b));
}

export const trigramHits = (db: Database.Database, needle: string): number =>
  db.prepare<[string], number>('SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?').pluck().get(needleExpression(needle)) ?? 0;

/** FTS5's integrity-check on all three indexes, the trigram one against the chunk text (rank 1), on a connection of its own. */
export function expectFullTextIntegrity(file: string): void {
  const rw = new Database(file);
  try {
    expect(() => rw.prepare("INSERT INTO chunks_fts(chunks_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(() => rw.prepare("INSERT INTO words_fts(words_fts) VALUES ('integrity-check')").run()).not.toThrow();
    expect(() => rw.prepare("INSERT INTO symbols_fts(symbols_fts) VALUES ('integrity-check')").run()).not.toThrow();
  } finally {
    rw.close();
  }
}
