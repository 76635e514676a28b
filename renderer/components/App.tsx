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
import { Splitter } from './Splitter.js';
import { StatusBanners } from './StatusBanners.js';
import { SyncButton } from './SyncButton.js';
import { SyncPanel } from './SyncPanel.js';

/** Views that show a table: they take the full width, with the code view below them. */
const TABLE_VIEWS: ReadonlySet<View> = new Set(['entrypoints', 'deps']);

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

/** Below ~1100 px the sidebar folds away; this unfolds it over the page. */
function SidebarToggle() {
  const open = useStore((s) => s.sidebarOpen);
  const toggle = useStore((s) => s.toggleSidebar);
  return (
    <button type="button" className="narrow-only" data-testid="toggle-sidebar" aria-expanded={open} aria-controls="repo-sidebar" onClick={() => toggle()}>
      Repositories
    </button>
  );
}

function Disconnected() {
  const connected = useStore((s) => s.connected);
  return connected ? null : <div className="message error" role="alert">Lost the connection to the Clew host; reconnecting…</div>;
}

export function App() {
  const syncOpen = useStore((s) => s.syncOpen);
  const quickOpen = useStore((s) => s.quickOpen);
  const issuesOpen = useStore((s) => s.issues !== null);
  const sidebarOpen = useStore((s) => s.sidebarOpen);
  const tables = useStore((s) => TABLE_VIEWS.has(s.view));
  const fileOpen = useStore((s) => s.file !== null || s.codeError !== null);
  const share = useStore((s) => s.paneShare);
  return (
    <div className={`app${sidebarOpen ? ' sidebar-open' : ''}`}>
      <RepoSidebar />
      <main className="main">
        <div className="topbar">
          <SidebarToggle />
          <Tabs />
          <SyncButton />
        </div>
        <Disconnected />
        <MessageBar />
        <StatusBanners />
        <div
          className={`body${tables ? ' tables' : ''}${tables && fileOpen ? ' with-code' : ''}`}
          style={share !== null && !tables ? { gridTemplateColumns: `minmax(360px, ${(share * 100).toFixed(1)}%) minmax(0, 1fr)` } : undefined}
        >
          <section className="pane"><ActiveView />{!tables && <Splitter />}</section>
          {(!tables || fileOpen) && <CodeView />}
        </div>
      </main>
      {syncOpen && <SyncPanel />}
      {quickOpen && <QuickOpen />}
      {issuesOpen && <IssuesDialog />}
    </div>
  );
}
