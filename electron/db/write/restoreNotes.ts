// After a corrupt clew.db was replaced by a fresh one: the repos come back as rows, and every note
// kept in notes.db comes back with its id, text and anchor. Notes wait as detached until their
// repo is re-indexed, which re-attaches each one as current or stale by comparing its anchor.
import { repoKeyOf, unitContentHash, vectorId } from '../../base/hash.js';
import { noteUnitText } from '../../base/unitText.js';
import type { WriteDb } from '../connection.js';
import { MIRROR_SCHEMA } from '../notesMirror.js';

const WAITING = 'restored from notes.db; checked again when its repo is re-indexed';

export function restoreRepos(db: WriteDb, repos: ReadonlyArray<{ path: string; name: string; addedAt: number }>): void {
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO repos(key, path, name, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(path) DO NOTHING');
  db.transaction(() => {
    for (const repo of repos) insert.run(repoKeyOf(repo.path), repo.path, repo.name, repo.addedAt);
  }).immediate();
}

/** Returns how many notes came back. Needs notes.db attached (attachNotesMirror). */
export function restoreNotes(db: WriteDb, embedderId: string): number {
  const kept = db.prepare<[], { id: number; repo_id: number; key: string; fqn: string; text: string }>(
    `SELECT k.id, r.id AS repo_id, r.key, k.fqn, k.text FROM ${MIRROR_SCHEMA}.kept_notes k JOIN main.repos r ON r.path = k.repo_path
     WHERE NOT EXISTS (SELECT 1 FROM main.notes n WHERE n.id = k.id) ORDER BY k.id`);
  const insertNote = db.prepare(
    `INSERT INTO notes(id, repo_id, fqn, text, state, stale_reason, anchor_hash, created_at, updated_at)
     SELECT id, ?, fqn, text, 'detached', CASE WHEN state = 'detached' THEN stale_reason ELSE ? END, anchor_hash, created_at, updated_at
     FROM ${MIRROR_SCHEMA}.kept_notes WHERE id = ?`);
  const insertUnit = db.prepare(
    `INSERT INTO text_units(repo_id, kind, note_id, vector_id, text, content_hash) VALUES (?, 'note', ?, ?, ?, ?)
     ON CONFLICT(vector_id) DO UPDATE SET text = excluded.text, content_hash = excluded.content_hash`);
  return db.transaction(() => {
    let restored = 0;
    for (const note of kept.all()) {
      insertNote.run(note.repo_id, WAITING, note.id);
      const unitText = noteUnitText(note.fqn, note.text);
      insertUnit.run(note.repo_id, note.id, vectorId(note.key, 'note', String(note.id)), unitText, unitContentHash(embedderId, unitText));
      restored++;
    }
    return restored;
  }).immediate();
}
