// Installed once at start-up, outside React: the host's events write straight into the store.
import type { ClewApi } from '../shared/contract.js';
import { useStore } from './store/index.js';

export function installListeners(api: ClewApi): () => void {
  const store = useStore.getState;
  const off = [
    api.on('index:progress', (p) => store().progressed(p)),
    api.on('status:snapshot', (s) => store().statusArrived(s)),
    api.on('repair:progress', (p) => store().repairProgressed(p)),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}

/** First data for every view; each part fails on its own, shown as a message. */
export async function loadInitialData(): Promise<void> {
  const s = useStore.getState();
  await Promise.all([s.loadRepos().catch((e: unknown) => s.notify(`Could not list repos: ${String(e)}`, 'error')), s.refreshStatus(), s.loadNotes()]);
}
