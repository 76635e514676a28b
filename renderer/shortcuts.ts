// Global keys: Ctrl/Cmd+P quick-open, Alt+C / Alt+W search toggles, Escape closes overlays (and the unfolded sidebar).
import { useStore } from './store/index.js';

export function installShortcuts(): void {
  window.addEventListener('keydown', (e) => {
    const s = useStore.getState();
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
      // Replaces the browser's print dialog.
      e.preventDefault();
      s.setQuickOpen(true);
    } else if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyC' || e.code === 'KeyW')) {
      // Alt+C / Alt+W: the search's match-case and whole-word toggles, as in VS Code.
      e.preventDefault();
      if (e.code === 'KeyC') s.toggleCaseSensitive();
      else s.toggleWholeWord();
    } else if (e.key === 'Escape') {
      if (s.quickOpen) s.setQuickOpen(false);
      else if (s.issues) void s.showIssues(null);
      else if (s.syncOpen && s.repair.step === 'idle') s.setSyncOpen(false);
      else if (s.sidebarOpen) s.toggleSidebar(false);
    }
  });
}
