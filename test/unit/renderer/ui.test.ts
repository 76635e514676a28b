// The UI slice: view, overlays, connection and the message line.
import { beforeEach, describe, expect, it } from 'vitest';
import { installHost, store } from './fakeHost.js';

describe('ui slice', () => {
  beforeEach(() => { installHost(); });

  it('starts on the search view, overlays closed, connected, no message', () => {
    expect(store()).toMatchObject({ view: 'search', syncOpen: false, quickOpen: false, connected: true, message: null });
  });

  it('switches views and opens and closes the overlays', () => {
    store().setView('notes');
    expect(store().view).toBe('notes');
    store().setSyncOpen(true);
    store().setQuickOpen(true);
    expect(store()).toMatchObject({ syncOpen: true, quickOpen: true });
    store().setQuickOpen(false);
    expect(store()).toMatchObject({ syncOpen: true, quickOpen: false, view: 'notes' });
  });

  it('tracks the connection to the host', () => {
    store().setConnected(false);
    expect(store().connected).toBe(false);
    store().setConnected(true);
    expect(store().connected).toBe(true);
  });

  it('shows one message at a time, info unless told otherwise, until dismissed', () => {
    store().notify('Indexed');
    expect(store().message).toEqual({ text: 'Indexed', kind: 'info' });
    store().notify('Could not index', 'error');
    expect(store().message).toEqual({ text: 'Could not index', kind: 'error' });
    store().dismissMessage();
    expect(store().message).toBeNull();
  });
});
