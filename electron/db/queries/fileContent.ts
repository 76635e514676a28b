// What the index knows about one file, for the code view: its language and the size and mtime it was
// indexed with. Reading the file itself is filesystem work: core/fileRead.ts and files/repoFile.ts.
import type { Db } from '../connection.js';

export interface IndexedFileFacts {
  size: number;
  mtimeMs: number;
  language: string | null;
}

export function indexedFileFacts(db: Db, repoId: number, relPath: string): IndexedFileFacts | null {
  return db.prepare<[number, string], IndexedFileFacts>(
    'SELECT size, mtime_ms AS mtimeMs, language FROM files WHERE repo_id = ? AND path = ?').get(repoId, relPath) ?? null;
}
