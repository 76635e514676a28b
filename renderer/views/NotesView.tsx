// Every note, with stale and detached ones first and explained; each opens its symbol.
import { useState } from 'react';
import type { NoteState } from '../../shared/types.js';
import { NoteCard } from '../components/NoteCard.js';
import { openSymbol } from '../navigate.js';
import { useStore } from '../store/index.js';

const ORDER: Record<NoteState, number> = { detached: 0, stale: 1, current: 2 };

export function NotesView() {
  const notes = useStore((s) => s.notes);
  const [state, setState] = useState<NoteState | ''>('');
  const shown = notes.filter((n) => !state || n.state === state).sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.updatedAt - a.updatedAt);
  const count = (st: NoteState): number => notes.filter((n) => n.state === st).length;
  return (
    <>
      <div className="pane-head">
        <div className="row">
          <select aria-label="Note state" value={state} onChange={(e) => setState(e.target.value as NoteState | '')}>
            <option value="">All notes ({notes.length})</option>
            <option value="current">Current ({count('current')})</option>
            <option value="stale">Stale ({count('stale')})</option>
            <option value="detached">Detached ({count('detached')})</option>
          </select>
          <span className="dim">Add notes from the outline of the code view.</span>
        </div>
      </div>
      <div className="pane-body" data-testid="notes-list">
        {shown.length === 0 && <div className="empty">{notes.length === 0 ? 'No notes yet.' : `No ${state} notes.`}</div>}
        {shown.map((n) => <NoteCard key={`${n.id}-${n.updatedAt}`} note={n} onOpen={n.state === 'detached' ? undefined : () => void openSymbol(n.repo, n.fqn)} />)}
      </div>
    </>
  );
}
