// Global keys: Ctrl/Cmd+P quick-open, Alt+C / Alt+W search toggles, Escape closes overlays (and the
// unfolded sidebar), Alt+←/→ and the mouse's back/forward buttons move through the jump history.
import { useStore } from './store/index.js';

/** Mouse buttons 3 and 4 are the side buttons browsers use for back and forward. */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

/** In a text field Alt+←/→ moves by word (macOS): the field keeps it. */
const typing = (target: EventTarget | null): boolean => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;

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
    } else if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !typing(e.target)) {
      // Replaces the browser's own back/forward, which would leave the app.
      e.preventDefault();
      void (e.key === 'ArrowLeft' ? s.goBack() : s.goForward());
    } else if (e.key === 'Escape') {
      if (s.quickOpen) s.setQuickOpen(false);
      else if (s.picker) s.closePicker();
      else if (s.issues) void s.showIssues(null);
      else if (s.syncOpen && s.repair.step === 'idle') s.setSyncOpen(false);
      else if (s.sidebarOpen) s.toggleSidebar(false);
      else if (s.references) s.closeReferences();
    }
  });
  // The side buttons act on release; their press is held back too so the browser does not navigate away.
  window.addEventListener('mousedown', (e) => {
    if (e.button === MOUSE_BACK || e.button === MOUSE_FORWARD) e.preventDefault();
  });
  window.addEventListener('mouseup', (e) => {
    if (e.button !== MOUSE_BACK && e.button !== MOUSE_FORWARD) return;
    e.preventDefault();
    const s = useStore.getState();
    void (e.button === MOUSE_BACK ? s.goBack() : s.goForward());
  });
}
