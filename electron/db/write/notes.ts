// Adding, editing and deleting notes: the engine worker's writes, each mirrored to notes.db.
import type { NoteRow } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import { unitContentHash, vectorId } from '../../base/hash.js';
import { noteUnitText } from '../../base/unitText.js';
import type { WriteDb } from '../connection.js';
import { commitMirrored } from '../notesMirror.js';
import { fqnEndingWith } from '../read/fqnTail.js';
import { findNote, noteById } from '../read/notes.js';
import { pathAliases, realFqnsOf } from '../read/pathAliases.js';
import { findRepo } from '../read/repos.js';
import { symbolFqnIs } from '../read/symbolKeys.js';

/** The symbols a note may name, by FQN: seeks (repo, FQN key) once per repo, as symbols keep no index on the FQN alone
 * (migrations 016, 017). The index is not named: a first index builds it last (db/bulkLoad.ts; test/unit/db/bulkLoad.test.ts
 * checks the plan). */
export const NOTE_SYMBOL_SQL = `SELECT s.repo_id, r.key, s.body_hash, s.fqn FROM repos r CROSS JOIN symbols s ON s.repo_id = r.id WHERE ${symbolFqnIs('s', '@fqn')}`;

/** Adds a note to a symbol found by FQN (in one repo, or the only repo that has it). */
export function addNote(db: WriteDb, embedderId: string, fqn: string, text: string, repoRef?: string): NoteRow {
  const trimmed = text.trim();
  if (!trimmed) throw new ClewFailure('BAD_REQUEST', 'a note needs some text');
  const repoId = repoRef ? findRepo(db, repoRef).id : undefined;
  type Match = { repo_id: number; key: string; body_hash: string; fqn: string };
  const named = db.prepare<[{ fqn: string; repo?: number }], Match>(`${NOTE_SYMBOL_SQL}${repoId ? ' AND s.repo_id = @repo' : ''}`);
  const symbolsOf = (f: string): Match[] => named.all(repoId ? { fqn: f, repo: repoId } : { fqn: f });
  let matches = symbolsOf(fqn);
  // An FQN spelled through a folder symlink names the symbol indexed under the real folder.
  if (matches.length === 0) {
    const inRepo = db.prepare<[{ fqn: string; repo: number }], Match>(`${NOTE_SYMBOL_SQL} AND s.repo_id = @repo`);
    matches = realFqnsOf(pathAliases(db, repoId), fqn).flatMap((real) => inRepo.all({ fqn: real.fqn, repo: real.repoId }));
  }
  // The end of an FQN (`BaseHandler.load_middleware`) names the one symbol whose FQN ends so.
  const full = matches.length === 0 ? fqnEndingWith(db, fqn, repoId) : null;
  if (full) matches = symbolsOf(full);
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
  const row = findNote(db, id);
  if (!row) throw new ClewFailure('INTERNAL', 'note vanished after insert');
  return row;
}

/** New text; editing is a person re-reading the code, so a note whose symbol exists becomes current again. */
export function updateNote(db: WriteDb, embedderId: string, id: number, text: string): NoteRow {
  const trimmed = text.trim();
  if (!trimmed) throw new ClewFailure('BAD_REQUEST', 'a note needs some text');
  const now = Date.now();
  commitMirrored(db, () => {
    const note = db.prepare<[number], { repo_id: number; fqn: string }>('SELECT repo_id, fqn FROM notes WHERE id = ?').get(id);
    if (!note) throw new ClewFailure('NOT_FOUND', `no note #${id}`);
    const symbol = db.prepare<[{ repo: number; fqn: string }], { body_hash: string }>(
      `SELECT body_hash FROM symbols s WHERE s.repo_id = @repo AND ${symbolFqnIs('s', '@fqn')} LIMIT 1`).get({ repo: note.repo_id, fqn: note.fqn });
    if (symbol) {
      db.prepare("UPDATE notes SET text = ?, updated_at = ?, state = 'current', stale_reason = NULL, anchor_hash = ? WHERE id = ?")
        .run(trimmed, now, symbol.body_hash, id);
    } else {
      db.prepare('UPDATE notes SET text = ?, updated_at = ? WHERE id = ?').run(trimmed, now, id);
    }
    const unitText = noteUnitText(note.fqn, trimmed);
    // A new content hash makes the note's vector pending; the sync loop re-embeds it.
    db.prepare('UPDATE text_units SET text = ?, content_hash = ?, attempts = 0, failed_at = NULL, last_error = NULL, next_attempt_at = NULL WHERE note_id = ?')
      .run(unitText, unitContentHash(embedderId, unitText), id);
  }, () => db.prepare<[number, string, number]>('SELECT 1 FROM notes WHERE id = ? AND text = ? AND updated_at = ?').get(id, trimmed, now) !== undefined);
  return noteById(db, id);
}

/** Deleting the note cascades to its text unit, whose trigger leaves a tombstone for the vector. */
export function deleteNote(db: WriteDb, id: number): { deleted: boolean } {
  const deleted = commitMirrored(db, () => db.prepare('DELETE FROM notes WHERE id = ?').run(id).changes > 0,
    (gone) => gone && db.prepare<[number]>('SELECT 1 FROM notes WHERE id = ?').get(id) === undefined);
  return { deleted };
}
