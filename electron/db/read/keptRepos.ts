// The repo list notes.db keeps, read on a connection of its own: start-up recovery reads it before
// clew.db is opened (and when clew.db is damaged or missing).
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

export interface KeptRepo {
  path: string;
  name: string;
  addedAt: number;
}

/** The repo list notes.db keeps (empty when there is no notes.db or it cannot be read). */
export function readKeptRepos(file: string): KeptRepo[] {
  if (!existsSync(file)) return [];
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.prepare<[], KeptRepo>('SELECT path, name, added_at AS addedAt FROM kept_repos ORDER BY added_at').all();
  } catch {
    return [];
  } finally {
    db?.close();
  }
}
