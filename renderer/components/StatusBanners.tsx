// Start-up problems the person must hear about, from the status snapshot: a damaged index database
// that was moved aside and rebuilt, a damaged notes.db written again, a settings file that could not be
// used, and an embedding model that could not be loaded (the hash embedder stands in).
import { useState } from 'react';
import { useStore } from '../store/index.js';

function RecoveryBanner() {
  const recovery = useStore((s) => s.status?.recovery ?? null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (!recovery || dismissed === recovery.at) return null;
  const cause = recovery.reason === 'corrupt'
    ? `The index database was damaged (${recovery.detail}). It was moved aside to ${recovery.movedTo ?? '?'} and kept.`
    : 'The index database was missing.';
  const progress = recovery.state === 'rebuilding'
    ? `Rebuilding: ${recovery.reindexed} of ${recovery.repos.length} repos re-indexed; ${recovery.notesRestored} notes restored from notes.db.`
    : recovery.state === 'done'
      ? `Rebuilt ${recovery.reindexed} repos; ${recovery.notesRestored} notes restored from notes.db.`
      : `Rebuilt ${recovery.reindexed} of ${recovery.repos.length} repos; ${recovery.notesRestored} notes restored. Problems: ${recovery.error ?? 'unknown'}`;
  return (
    <div className={`message ${recovery.state === 'failed' ? 'error' : 'info'}`} role="alert" data-testid="recovery-banner">
      <span className="grow">{cause} {progress}</span>
      <button type="button" className="link" onClick={() => setDismissed(recovery.at)}>Dismiss</button>
    </div>
  );
}

function NotesCopyBanner() {
  const reset = useStore((s) => s.status?.notesCopyReset ?? null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (!reset || dismissed === reset.at) return null;
  return (
    <div className="message info" role="alert" data-testid="notes-copy-banner">
      <span className="grow">
        notes.db, the copy of your notes, was damaged ({reset.detail}). It was moved aside to {reset.movedTo} and kept, and written again from the index: no note was lost.
      </span>
      <button type="button" className="link" onClick={() => setDismissed(reset.at)}>Dismiss</button>
    </div>
  );
}

function SettingsBanner() {
  const error = useStore((s) => s.status?.settingsError ?? null);
  const setView = useStore((s) => s.setView);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!error || dismissed === error) return null;
  return (
    <div className="message error" role="alert" data-testid="settings-banner">
      <span className="grow">Settings: {error}</span>
      <button type="button" className="link" onClick={() => setView('settings')}>Open settings</button>
      <button type="button" className="link" onClick={() => setDismissed(error)}>Dismiss</button>
    </div>
  );
}

function EmbedderBanner() {
  const fallback = useStore((s) => s.status?.embedderFallback ?? null);
  const setView = useStore((s) => s.setView);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!fallback || dismissed === fallback) return null;
  return (
    <div className="message error" role="alert" data-testid="embedder-banner">
      <span className="grow">Embedding model: {fallback}. Indexing and notes work as usual.</span>
      <button type="button" className="link" onClick={() => setView('settings')}>Open settings</button>
      <button type="button" className="link" onClick={() => setDismissed(fallback)}>Dismiss</button>
    </div>
  );
}

export function StatusBanners() {
  return (
    <>
      <RecoveryBanner />
      <NotesCopyBanner />
      <SettingsBanner />
      <EmbedderBanner />
    </>
  );
}
