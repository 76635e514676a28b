// Which view is showing, the overlays, the connection to the host, and a transient message line.
import type { Slice } from './index.js';

export type View = 'search' | 'entrypoints' | 'deps' | 'notes' | 'settings';

export interface UiSlice {
  view: View;
  syncOpen: boolean;
  quickOpen: boolean;
  connected: boolean;
  message: { text: string; kind: 'info' | 'error' } | null;
  /** Below ~1100 px the sidebar and the outline fold away; these unfold them. */
  sidebarOpen: boolean;
  outlineOpen: boolean;
  /** The view pane's share of the width beside the code view, once a person dragged the splitter. */
  paneShare: number | null;
  setView(view: View): void;
  setPaneShare(share: number | null): void;
  toggleSidebar(open?: boolean): void;
  toggleOutline(): void;
  setSyncOpen(open: boolean): void;
  setQuickOpen(open: boolean): void;
  setConnected(connected: boolean): void;
  notify(text: string, kind?: 'info' | 'error'): void;
  dismissMessage(): void;
}

export const uiSlice: Slice<UiSlice> = (set) => ({
  view: 'search',
  syncOpen: false,
  quickOpen: false,
  connected: true,
  message: null,
  sidebarOpen: false,
  outlineOpen: false,
  paneShare: null,
  setView: (view) => set({ view }),
  setPaneShare: (paneShare) => set({ paneShare }),
  toggleSidebar: (open) => set((s) => ({ sidebarOpen: open ?? !s.sidebarOpen })),
  toggleOutline: () => set((s) => ({ outlineOpen: !s.outlineOpen })),
  setSyncOpen: (syncOpen) => set({ syncOpen }),
  setQuickOpen: (quickOpen) => set({ quickOpen }),
  setConnected: (connected) => set({ connected }),
  notify: (text, kind = 'info') => set({ message: { text, kind } }),
  dismissMessage: () => set({ message: null }),
});
