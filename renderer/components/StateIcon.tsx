// Small inline icons for a repo's state: drawn, so they render in every font (the ⏸ glyph showed as a box).
import type { RepoStateKind } from './repoState.js';

export function StateIcon({ kind }: { kind: RepoStateKind }) {
  const common = { width: 10, height: 10, viewBox: '0 0 10 10', 'aria-hidden': true, className: `state-icon ${kind}` } as const;
  if (kind === 'paused' || kind === 'pausing') return <svg {...common}><rect x="1.5" y="1" width="2.5" height="8" fill="currentColor" /><rect x="6" y="1" width="2.5" height="8" fill="currentColor" /></svg>;
  if (kind === 'incomplete' || kind === 'cancelled' || kind === 'cancelling') return <svg {...common}><rect x="1.5" y="1.5" width="7" height="7" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>;
  if (kind === 'watching' || kind === 'indexing' || kind === 'resuming') return <svg {...common}><circle cx="5" cy="5" r="4" fill="currentColor" /></svg>;
  return <svg {...common}><circle cx="5" cy="5" r="3.5" fill="none" stroke="currentColor" strokeWidth="1.5" /></svg>;
}
