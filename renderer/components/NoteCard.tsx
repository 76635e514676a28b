// One note: its state (current, stale, detached) explained in words, and edit/delete in place.
import { useState } from 'react';
import type { NoteRow } from '../../shared/types.js';
import { useStore } from '../store/index.js';
import { PathText } from './PathText.js';
import { repoName } from './repoName.js';

export function explainState(note: NoteRow): string | null {
  if (note.state === 'stale') return `Stale: the code changed since this note was written${note.staleReason ? ` (${note.staleReason})` : ''}. Re-read it and save the note to confirm it.`;
  if (note.state === 'detached') return `Detached: ${note.staleReason ?? 'its symbol no longer exists'}. The note is kept and re-attaches if the symbol comes back.`;
  return null;
}

/** The symbol's file on a line of its own, the path cut from the left so the file name stays. */
function NoteFile({ note }: { note: NoteRow }) {
  return note.file
    ? <PathText path={note.file} title={`${note.repo}/${note.file}`} className="dim mono" testId="note-file" />
    : <span className="dim" data-testid="note-file">File unknown while the symbol is gone.</span>;
}

export function NoteCard({ note, compact = false, onOpen }: { note: NoteRow; compact?: boolean; onOpen?: () => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const s = useStore.getState;
  const explanation = explainState(note);
  const save = async (): Promise<void> => {
    if (await s().updateNote(note.id, text)) setEditing(false);
  };
  return (
    <div className={`note ${note.state}`} data-testid="note" data-state={note.state} data-fqn={note.fqn}>
      <div className="row">
        <span className={`badge ${note.state}`}>{note.state}</span>
        {compact ? <span className="grow" /> : <span className="repo-label" data-testid="note-repo" title={note.repo}>{repoName(note.repo)}</span>}
        <span className="dim">{new Date(note.updatedAt).toLocaleString()}</span>
      </div>
      {/* The whole symbol on its own line: its end (the member) is what a person looks for. */}
      {!compact && (onOpen
        ? <button type="button" className="link mono wrap" title={note.fqn} data-testid="note-fqn" onClick={onOpen}>{note.fqn}</button>
        : <span className="mono wrap" title={note.fqn} data-testid="note-fqn">{note.fqn}</span>)}
      {!compact && <NoteFile note={note} />}
      {explanation && <div className="dim" data-testid="note-explanation">{explanation}</div>}
      {editing ? (
        <>
          <textarea aria-label="Edit note" data-testid="note-edit-input" value={text} onChange={(e) => setText(e.target.value)} />
          <div className="row">
            <button type="button" className="primary" data-testid="note-save" disabled={!text.trim()} onClick={() => void save()}>Save</button>
            <button type="button" onClick={() => { setEditing(false); setText(note.text); }}>Cancel</button>
          </div>
        </>
      ) : (
        <div data-testid="note-text" style={{ whiteSpace: 'pre-wrap' }}>{note.text}</div>
      )}
      {!editing && (
        <div className="row">
          <button type="button" data-testid="note-edit" onClick={() => { setText(note.text); setEditing(true); }}>Edit</button>
          {confirmDelete ? (
            <>
              <span>Delete this note?</span>
              <button type="button" className="danger" data-testid="note-delete-confirm" onClick={() => void s().deleteNote(note.id)}>Delete</button>
              <button type="button" onClick={() => setConfirmDelete(false)}>Keep</button>
            </>
          ) : <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>Delete</button>}
        </div>
      )}
    </div>
  );
}
