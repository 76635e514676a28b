// Editing and deleting notes. Runs on the engine worker, the only writer.
import type { NoteRow } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import { unitContentHash } from '../../base/hash.js';
import { noteUnitText } from '../../base/unitText.js';
import type { Db } from '../connection.js';
import { commitMirrored } from '../notesMirror.js';

function noteById(db: Db, id: number): NoteRow {
  const row = db.prepare<[number], NoteRow>(`SELECT n.id, r.path AS repo, n.fqn, n.text, n.state, n.stale_reason AS staleReason,
    n.created_at AS createdAt, n.updated_at AS updatedAt FROM notes n JOIN repos r ON r.id = n.repo_id WHERE n.id = ?`).get(id);
  if (!row) throw new ClewFailure('NOT_FOUND', `no note #${id}`);
  return row;
}

/** New text; editing is a person re-reading the code, so a note whose symbol exists becomes current again. */
export function updateNote(db: Db, embedderId: string, id: number, text: string): NoteRow {
  const trimmed = text.trim();
  if (!trimmed) throw new ClewFailure('BAD_REQUEST', 'a note needs some text');
  const now = Date.now();
  commitMirrored(db, () => {
    const note = db.prepare<[number], { repo_id: number; fqn: string }>('SELECT repo_id, fqn FROM notes WHERE id = ?').get(id);
    if (!note) throw new ClewFailure('NOT_FOUND', `no note #${id}`);
    const symbol = db.prepare<[number, string], { body_hash: string }>('SELECT body_hash FROM symbols WHERE repo_id = ? AND fqn = ? LIMIT 1').get(note.repo_id, note.fqn);
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
export function deleteNote(db: Db, id: number): { deleted: boolean } {
  const deleted = commitMirrored(db, () => db.prepare('DELETE FROM notes WHERE id = ?').run(id).changes > 0,
    (gone) => gone && db.prepare<[number]>('SELECT 1 FROM notes WHERE id = ?').get(id) === undefined);
  return { deleted };
}
