// One indexed file's row: what the code view compares with the file on disk.
import type { ReadDb } from '../connection.js';

export interface IndexedFile {
  size: number;
  mtime_ms: number;
  language: string | null;
}

export function indexedFile(db: ReadDb, repoId: number, relPath: string): IndexedFile | undefined {
  return db.prepare<[number, string], IndexedFile>('SELECT size, mtime_ms, language FROM files WHERE repo_id = ? AND path = ?').get(repoId, relPath);
}
