// Notes: reads for the UI/CLI, and the one write path (used only by the engine worker).
import type { NoteRow } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import { unitContentHash, vectorId } from '../../base/hash.js';
import { noteUnitText } from '../../base/unitText.js';
import type { Db } from '../connection.js';
import { commitMirrored } from '../notesMirror.js';
import { pathAliases, realFqnsOf } from './pathAliases.js';
import { findRepo } from './repos.js';

const NOTE_SELECT = `SELECT n.id, r.path AS repo, n.fqn, n.text, n.state, n.stale_reason AS staleReason,
  n.created_at AS createdAt, n.updated_at AS updatedAt FROM notes n JOIN repos r ON r.id = n.repo_id`;

export function listNotes(db: Db, repoRef?: string): NoteRow[] {
  if (!repoRef) return db.prepare<[], NoteRow>(`${NOTE_SELECT} ORDER BY n.id`).all();
  const repo = findRepo(db, repoRef);
  return db.prepare<[number], NoteRow>(`${NOTE_SELECT} WHERE n.repo_id = ? ORDER BY n.id`).all(repo.id);
}

/** Adds a note to a symbol found by FQN (in one repo, or the only repo that has it). */
export function addNote(db: Db, embedderId: string, fqn: string, text: string, repoRef?: string): NoteRow {
  const trimmed = text.trim();
  if (!trimmed) throw new ClewFailure('BAD_REQUEST', 'a note needs some text');
  const repoId = repoRef ? findRepo(db, repoRef).id : undefined;
  const select = `SELECT s.repo_id, r.key, s.body_hash, s.fqn FROM symbols s JOIN repos r ON r.id = s.repo_id WHERE s.fqn = ?`;
  type Match = { repo_id: number; key: string; body_hash: string; fqn: string };
  let matches = db.prepare<Array<string | number>, Match>(`${select}${repoId ? ' AND s.repo_id = ?' : ''}`).all(...(repoId ? [fqn, repoId] : [fqn]));
  // An FQN spelled through a folder symlink names the symbol indexed under the real folder.
  if (matches.length === 0) {
    const inRepo = db.prepare<[string, number], Match>(`${select} AND s.repo_id = ?`);
    matches = realFqnsOf(pathAliases(db, repoId), fqn).flatMap((real) => inRepo.all(real.fqn, real.repoId));
  }
  const repos = new Set(matches.map((m) => m.repo_id));
  const target = matches[0];
  if (!target) throw new ClewFailure('NOT_FOUND', `no symbol ${fqn}${repoRef ? ` in ${repoRef}` : ''} (find one with \`clew search --mode symbol\`)`);
  if (repos.size > 1) throw new ClewFailure('BAD_REQUEST', `${fqn} exists in several repos; pass --repo`);
  const now = Date.now();
  const id = commitMirrored(db, () => {
    const noteId = Number(db.prepare(
      "INSERT INTO notes(repo_id, fqn, text, state, anchor_hash, created_at, updated_at) VALUES (?, ?, ?, 'current', ?, ?, ?)",
    ).run(target.repo_id, target.fqn, trimmed, target.body_hash, now, now).lastInsertRowid);
    const unitText = noteUnitText(target.fqn, trimmed);
    db.prepare(
      `INSERT INTO text_units(repo_id, kind, note_id, vector_id, text, content_hash) VALUES (?, 'note', ?, ?, ?, ?)
       ON CONFLICT(vector_id) DO UPDATE SET text = excluded.text, content_hash = excluded.content_hash`,
    ).run(target.repo_id, noteId, vectorId(target.key, 'note', String(noteId)), unitText, unitContentHash(embedderId, unitText));
    return noteId;
  }, (noteId) => db.prepare<[number], string>('SELECT text FROM notes WHERE id = ?').pluck().get(noteId) === trimmed);
  const row = db.prepare<[number], NoteRow>(`${NOTE_SELECT} WHERE n.id = ?`).get(id);
  if (!row) throw new ClewFailure('INTERNAL', 'note vanished after insert');
  return row;
}
