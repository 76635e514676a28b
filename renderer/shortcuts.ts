// Global keys: Ctrl/Cmd+P quick-open, Escape closes overlays (and the unfolded sidebar).
import { useStore } from './store/index.js';

export function installShortcuts(): void {
  window.addEventListener('keydown', (e) => {
    const s = useStore.getState();
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
      // Replaces the browser's print dialog.
      e.preventDefault();
      s.setQuickOpen(true);
    } else if (e.key === 'Escape') {
      if (s.quickOpen) s.setQuickOpen(false);
      else if (s.issues) void s.showIssues(null);
      else if (s.syncOpen && s.repair.step === 'idle') s.setSyncOpen(false);
      else if (s.sidebarOpen) s.toggleSidebar(false);
    }
  });
}
