// Notes as the UI and CLI show them (writes: db/write/notes.ts).
import type { NoteRow } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import type { ReadDb } from '../connection.js';
import { findRepo } from './repos.js';
import { symbolOfNote } from './symbolKeys.js';

// The file is the symbol's (the first by path when several files define the same FQN).
const NOTE_SELECT = `SELECT n.id, r.path AS repo,
  (SELECT f.path FROM symbols s JOIN files f ON f.id = s.file_id WHERE ${symbolOfNote('s', 'n')} ORDER BY f.path LIMIT 1) AS file,
  n.fqn, n.text, n.state, n.stale_reason AS staleReason,
  n.created_at AS createdAt, n.updated_at AS updatedAt FROM notes n JOIN repos r ON r.id = n.repo_id`;

export function listNotes(db: ReadDb, repoRef?: string): NoteRow[] {
  if (!repoRef) return db.prepare<[], NoteRow>(`${NOTE_SELECT} ORDER BY n.id`).all();
  const repo = findRepo(db, repoRef);
  return db.prepare<[number], NoteRow>(`${NOTE_SELECT} WHERE n.repo_id = ? ORDER BY n.id`).all(repo.id);
}

export function findNote(db: ReadDb, id: number): NoteRow | undefined {
  return db.prepare<[number], NoteRow>(`${NOTE_SELECT} WHERE n.id = ?`).get(id);
}

export function noteById(db: ReadDb, id: number): NoteRow {
  const row = findNote(db, id);
  if (!row) throw new ClewFailure('NOT_FOUND', `no note #${id}`);
  return row;
}
