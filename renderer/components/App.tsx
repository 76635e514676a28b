// The window: repos on the left; the active view and the code view on the right; the sync health
// drawer and quick-open on top.
import { useStore } from '../store/index.js';
import type { View } from '../store/ui.js';
import { DepsView } from '../views/DepsView.js';
import { EntryPointsView } from '../views/EntryPointsView.js';
import { NotesView } from '../views/NotesView.js';
import { SearchView } from '../views/SearchView.js';
import { SettingsView } from '../views/SettingsView.js';
import { CodeView } from './CodeView.js';
import { IssuesDialog } from './IssuesDialog.js';
import { MessageBar } from './MessageBar.js';
import { QuickOpen } from './QuickOpen.js';
import { RepoSidebar } from './RepoSidebar.js';
import { StatusBanners } from './StatusBanners.js';
import { SyncButton } from './SyncButton.js';
import { SyncPanel } from './SyncPanel.js';

const TABS: Array<[View, string]> = [['search', 'Search'], ['entrypoints', 'Entry points'], ['deps', 'Dependencies'], ['notes', 'Notes'], ['settings', 'Settings']];

function Tabs() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  return (
    <nav className="row" aria-label="Views">
      {TABS.map(([id, label]) => (
        <button key={id} type="button" className={`tab${view === id ? ' active' : ''}`} data-testid={`tab-${id}`} aria-current={view === id} onClick={() => setView(id)}>{label}</button>
      ))}
    </nav>
  );
}

function ActiveView() {
  const view = useStore((s) => s.view);
  if (view === 'entrypoints') return <EntryPointsView />;
  if (view === 'deps') return <DepsView />;
  if (view === 'notes') return <NotesView />;
  if (view === 'settings') return <SettingsView />;
  return <SearchView />;
}

function Disconnected() {
  const connected = useStore((s) => s.connected);
  return connected ? null : <div className="message error" role="alert">Lost the connection to the Clew host; reconnecting…</div>;
}

export function App() {
  const syncOpen = useStore((s) => s.syncOpen);
  const quickOpen = useStore((s) => s.quickOpen);
  const issuesOpen = useStore((s) => s.issues !== null);
  return (
    <div className="app">
      <RepoSidebar />
      <main className="main">
        <div className="topbar">
          <Tabs />
          <SyncButton />
        </div>
        <Disconnected />
        <MessageBar />
        <StatusBanners />
        <div className="body">
          <section className="pane"><ActiveView /></section>
          <CodeView />
        </div>
      </main>
      {syncOpen && <SyncPanel />}
      {quickOpen && <QuickOpen />}
      {issuesOpen && <IssuesDialog />}
    </div>
  );
}
