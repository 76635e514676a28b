// Which repo a per-repo view shows; shared with the sidebar's selection.
import { useStore } from '../store/index.js';

export function RepoPicker() {
  const repos = useStore((s) => s.repos);
  const selected = useStore((s) => s.selectedRepo ?? '');
  return (
    <select aria-label="Repository" data-testid="repo-picker" value={selected} onChange={(e) => useStore.getState().selectRepo(e.target.value || null)}>
      {repos.length === 0 && <option value="">No repos</option>}
      {repos.map((r) => <option key={r.id} value={r.path}>{r.name}</option>)}
    </select>
  );
}
