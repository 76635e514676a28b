// The symbol picked in the outline: its notes (add/edit) and the outside systems it calls.
import { useState } from 'react';
import { useStore } from '../store/index.js';
import { CallTreeSection } from './CallTree.js';
import { NoteCard } from './NoteCard.js';

function AddNote({ repo, fqn }: { repo: string; fqn: string }) {
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async (): Promise<void> => {
    setSaving(true);
    if (await useStore.getState().addNote(repo, fqn, text)) setText('');
    setSaving(false);
  };
  return (
    <div className="row" style={{ flexDirection: 'column', alignItems: 'stretch' }}>
      <textarea aria-label={`Note on ${fqn}`} data-testid="note-input" placeholder="Add a note on this symbol…" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" className="primary" data-testid="note-add" disabled={saving || !text.trim()} onClick={() => void save()}>Add note</button>
    </div>
  );
}

export function SymbolPanel() {
  const symbol = useStore((s) => s.selectedSymbol);
  const repo = useStore((s) => s.file?.repo ?? null);
  const allNotes = useStore((s) => s.notes);
  const deps = useStore((s) => s.symbolDeps);
  if (!symbol || !repo) return <div className="symbol-panel dim">Pick a symbol in the outline to see its notes and calls.</div>;
  const notes = allNotes.filter((n) => n.repo === repo && n.fqn === symbol.fqn);
  return (
    <div className="symbol-panel" data-testid="symbol-panel" data-fqn={symbol.fqn}>
      <div><span className="kind">{symbol.kind}</span><b>{symbol.name}</b></div>
      <div className="mono dim" style={{ wordBreak: 'break-all' }}>{symbol.fqn}</div>
      {symbol.doc && <div className="dim doc">{symbol.doc}</div>}
      {notes.map((n) => <NoteCard key={n.id} note={n} compact />)}
      <AddNote repo={repo} fqn={symbol.fqn} />
      <div>
        <b>Calls out</b>
        {deps === null ? <div className="dim">…</div> : deps.length === 0 ? <div className="dim">No external calls.</div> : (
          <ul data-testid="symbol-deps" style={{ margin: '4px 0', paddingLeft: 16 }}>
            {deps.map((d, i) => <li key={i}><span className="kind">{d.kind}</span>{d.target ?? '?'} <span className="dim">via {d.client}, line {d.line}</span></li>)}
          </ul>
        )}
      </div>
      <CallTreeSection key={`callers:${symbol.fqn}`} repo={repo} fqn={symbol.fqn} direction="callers" />
      <CallTreeSection key={`callees:${symbol.fqn}`} repo={repo} fqn={symbol.fqn} direction="callees" />
    </div>
  );
}
