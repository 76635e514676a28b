// The rows a write batch replaces (a changed file's old chunks, its symbols that are gone, its rewritten symbols' word
// rows), held until every file of the batch is written and then deleted with a few statements, just before the batch's
// new full-text rows (batchFullText.ts). Their triggers remove the full-text rows: deleted file by file, each file's
// delete markers reached the trigram index as a segment of their own (FTS5 writes its pending rows out at every
// statement savepoint), which a re-index where every file changed paid for per file. Now they share the batch's one
// segment. The held rows stay in their tables until then, so no new chunk or symbol takes a held id meanwhile.
import type { WriteDb } from '../connection.js';

const ascending = (a: number, b: number): number => a - b;

export class BatchDeletes {
  private readonly deleteChunks;
  private readonly deleteSymbols;
  private readonly deleteWords;
  private chunks: number[] = [];
  private symbols: number[] = [];
  private words: number[] = [];

  constructor(db: WriteDb) {
    // Triggers delete the chunks' trigram rows and word rows, the symbols' name rows and word rows (migrations 013, 017).
    this.deleteChunks = db.prepare<[string]>('DELETE FROM chunks WHERE id IN (SELECT value FROM json_each(?))');
    // Their children, units and entry points follow by foreign key (ON DELETE CASCADE / SET NULL).
    this.deleteSymbols = db.prepare<[string]>('DELETE FROM symbols WHERE id IN (SELECT value FROM json_each(?))');
    this.deleteWords = db.prepare<[string]>('DELETE FROM words_fts WHERE rowid IN (SELECT value FROM json_each(?))');
  }

  /** A stored chunk its file no longer has (fileChunks.ts). */
  chunk(id: number): void {
    this.chunks.push(id);
  }

  /** A symbol that is no longer in its file. */
  symbol(id: number): void {
    this.symbols.push(id);
  }

  /** A stored word row to delete (a rewritten symbol's old fields). */
  wordRow(rowid: number): void {
    this.words.push(rowid);
  }

  /** Deletes every row held, in the caller's transaction, and forgets them. */
  run(): void {
    // In ascending rowid order (FTS5 also writes its pending rows out whenever a rowid is lower than the one before), and the
    // chunks last: a statement that follows them would open a savepoint and write their delete markers out as a segment.
    if (this.symbols.length > 0) this.deleteSymbols.run(JSON.stringify(this.symbols.sort(ascending)));
    if (this.words.length > 0) this.deleteWords.run(JSON.stringify(this.words.sort(ascending)));
    if (this.chunks.length > 0) this.deleteChunks.run(JSON.stringify(this.chunks.sort(ascending)));
    this.clear();
  }

  /** Forgets the rows held (their batch rolled back). */
  clear(): void {
    this.chunks = [];
    this.symbols = [];
    this.words = [];
  }
}
