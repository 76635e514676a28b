// A changed file's chunks replace its stored ones, but a chunk whose start line and text are unchanged keeps its row
// and its full-text rows: removing a chunk's trigrams tokenizes its old text again, which cost as much as writing the
// new ones (a re-index where every file changed spent 0.71 of 2.4 s of writer CPU on it). Chunks are fixed windows of
// lines (base/source.ts), so an edit that keeps the line count, or one near a file's end, leaves most of them as they were.
import type { Chunk } from '../../base/source.js';
import type { WriteDb } from '../connection.js';
import type { BatchDeletes } from './batchDeletes.js';
import type { BatchFullText } from './batchFullText.js';

interface StoredChunk {
  id: number;
  text: string;
}

export class FileChunks {
  private readonly stored;
  private readonly insert;

  constructor(db: WriteDb, private readonly fullText: BatchFullText, private readonly deletes: BatchDeletes) {
    // A file whose hash was forgotten (an older analysis, or a migration that emptied an index) rewrites every chunk: its
    // chunks' full-text rows may be missing or derived the old way.
    this.stored = db.prepare<[number, string], { id: number; start_line: number; text: string; forgotten: number }>(
      `SELECT c.id, c.start_line, c.text, f.content_hash = '' AS forgotten FROM files f JOIN chunks c ON c.file_id = f.id
       WHERE f.repo_id = ? AND f.path = ?`);
    this.insert = db.prepare<[number, number, string]>('INSERT INTO chunks(file_id, start_line, text) VALUES (?, ?, ?)');
  }

  /** The file's stored chunks that may be kept, by start line; read before its row is rewritten (which sets a new hash). */
  storedChunks(repoId: number, relPath: string): Map<number, StoredChunk> {
    const byLine = new Map<number, StoredChunk>();
    for (const row of this.stored.iterate(repoId, relPath)) {
      const other = byLine.get(row.start_line);
      if (other) this.deletes.chunk(other.id);
      if (row.forgotten) this.deletes.chunk(row.id);
      else byLine.set(row.start_line, { id: row.id, text: row.text });
    }
    return byLine;
  }

  /** Writes the file's chunks: unchanged ones stay, new ones are inserted (full-text rows held), the rest deleted with the batch. */
  replace(fileId: number, stored: Map<number, StoredChunk>, chunks: readonly Chunk[], pathWords: string, bodyWords: readonly string[]): void {
    for (const [index, chunk] of chunks.entries()) {
      const old = stored.get(chunk.startLine);
      if (old?.text === chunk.text) {
        stored.delete(chunk.startLine);
        continue;
      }
      const id = Number(this.insert.run(fileId, chunk.startLine, chunk.text).lastInsertRowid);
      this.fullText.chunk(id, chunk.text, pathWords, bodyWords[index] ?? '');
    }
    for (const old of stored.values()) this.deletes.chunk(old.id);
  }
}
