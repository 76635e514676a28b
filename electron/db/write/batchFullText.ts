// A write batch's full-text rows, held until every file of the batch has its other rows, then written together in
// rowid order. FTS5 writes its pending rows out as a new segment (and merges segments every few) at each savepoint
// SQLite opens for a statement, as every insert into `chunks` did through its trigger, and whenever a rowid is lower
// than the one before, as each file's chunk word rows after the previous file's symbol rows were: a first index wrote
// a segment per chunk and spent a third of the writer's CPU flushing and merging them. Now a batch's rows reach each
// index as one segment when the batch commits.
import type { WriteDb } from '../connection.js';
import { chunkWordRow, symbolWordRow } from '../read/wordRowIds.js';

type WordRow = [rowid: number, names: string, signature: string, doc: string, path: string, body: string];

const byRowid = (a: readonly [number, ...unknown[]], b: readonly [number, ...unknown[]]): number => a[0] - b[0];

export class BatchFullText {
  private readonly insertChunkText;
  private readonly insertWords;
  private readonly insertSymbolWords;
  private chunks: Array<[id: number, text: string]> = [];
  // By rowid: a symbol rewritten again in the same batch (a second symbol with its FQN) replaces its held row.
  private words = new Map<number, WordRow>();
  private symbolWords = new Map<number, string>();

  constructor(db: WriteDb) {
    // The trigram index has external content (the chunk rows): it is told each new chunk's text (migration 018).
    this.insertChunkText = db.prepare<[number, string]>('INSERT INTO chunks_fts(rowid, text) VALUES (?, ?)');
    // A word row's rowid names its unit (read/wordRowIds.ts).
    this.insertWords = db.prepare<WordRow>('INSERT INTO words_fts(rowid, names, signature, doc, path, body) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertSymbolWords = db.prepare<[number, string]>('INSERT INTO symbols_fts(rowid, words) VALUES (?, ?)');
  }

  /** A new chunk row: its trigrams, and its body words with the file's path words. */
  chunk(id: number, text: string, path: string, body: string): void {
    this.chunks.push([id, text]);
    this.words.set(chunkWordRow(id), [chunkWordRow(id), '', '', '', path, body]);
  }

  /** A symbol's fielded words (a new or rewritten symbol row). */
  symbolFields(id: number, names: string, signature: string, doc: string, path: string): void {
    this.words.set(symbolWordRow(id), [symbolWordRow(id), names, signature, doc, path, '']);
  }

  /** Forgets the symbol's held fielded words; false when none were held (its words may be in the index, to delete there). */
  dropSymbolFields(id: number): boolean {
    return this.words.delete(symbolWordRow(id));
  }

  /** A new symbol row's name words for symbol search. */
  symbolNames(id: number, words: string): void {
    this.symbolWords.set(id, words);
  }

  /** Writes every row held, in the caller's transaction, and forgets them. */
  write(): void {
    // In rowid order: FTS5 also writes its pending rows out whenever a rowid is lower than the one before.
    for (const [id, text] of this.chunks.sort(byRowid)) this.insertChunkText.run(id, text);
    for (const row of [...this.words.values()].sort(byRowid)) this.insertWords.run(...row);
    for (const [id, words] of [...this.symbolWords].sort(byRowid)) this.insertSymbolWords.run(id, words);
    this.clear();
  }

  /** Forgets the rows held (their batch rolled back). */
  clear(): void {
    this.chunks = [];
    this.words.clear();
    this.symbolWords.clear();
  }
}
