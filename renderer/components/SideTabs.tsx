// Beside the code: the open file's outline or the repository's file tree.
import { useStore } from '../store/index.js';
import type { SideTab } from '../store/nav.js';

const TABS: Array<[SideTab, string]> = [['outline', 'Outline'], ['files', 'Files']];

export function SideTabs() {
  const tab = useStore((s) => s.sideTab);
  const setTab = useStore((s) => s.setSideTab);
  return (
    <div className="side-tabs" role="group" aria-label="Outline or files">
      {TABS.map(([id, label]) => (
        <button key={id} type="button" className={`tab${tab === id ? ' active' : ''}`} data-testid={`side-tab-${id}`} aria-pressed={tab === id} onClick={() => setTab(id)}>{label}</button>
      ))}
    </div>
  );
}
