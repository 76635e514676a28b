// The words a repo card and the sync badge say: never "watching" for a cancelled first index, never
// "In sync" while sync is paused or no vector server runs, never a frozen time left when paused.
import { describe, expect, it } from 'vitest';
import { incompleteNote, repoState } from '../../../renderer/components/repoState.js';
import { syncHealth } from '../../../renderer/components/syncHealth.js';
import { repo, statusReport } from './fakeHost.js';

const A = '/src/alpha';

describe('repo card state', () => {
  it('a cancelled first index is incomplete, with how far it got, even while watched', () => {
    const r = repo(1, A, { files: 2293, lastIndexMs: null, watching: true, lastRun: { filesTotal: 3138, cancelled: true, changed: 2293 } });
    expect(repoState(r, false, null)).toEqual({ kind: 'incomplete', text: 'Cancelled (incomplete: 2,293 of 3,138 files). Re-index to finish.' });
  });

  it('a first index paused and then cancelled says cancelled and incomplete, not paused', () => {
    const r = repo(1, A, { files: 400, lastIndexMs: null, paused: true, lastRun: { filesTotal: 1500, cancelled: true, changed: 400 } });
    expect(repoState(r, false, null)).toEqual({ kind: 'incomplete', text: 'Cancelled (incomplete: 400 of 1,500 files). Resume to finish.' });
    expect(repoState({ ...r, watch: false }, false, null).text).toBe('Cancelled (incomplete: 400 of 1,500 files). Resume, then re-index to finish.');
    // Paused with no cancel: still paused, with how far it got.
    expect(repoState({ ...r, lastRun: { filesTotal: 1500, cancelled: false, changed: 400 } }, false, null).kind).toBe('paused');
  });

  it('a cancelled re-index keeps the rest of its previous index and says so', () => {
    const r = repo(1, A, { lastRun: { filesTotal: 30, cancelled: true, changed: 12 }, watching: true });
    expect(repoState(r, false, null).text).toBe('Cancelled: 12 files updated, the rest keep their previous index');
  });

  it('a click shows before the engine confirms, and the confirmed state after', () => {
    expect(repoState(repo(1, A), true, 'pausing').kind).toBe('pausing');
    expect(repoState(repo(1, A), true, 'cancelling').text).toBe('Cancelling…');
    expect(repoState(repo(1, A, { paused: true }), true, null).kind).toBe('paused');
    expect(repoState(repo(1, A), true, null).kind).toBe('indexing');
    expect(repoState(repo(1, A, { watching: true }), false, null).kind).toBe('watching');
    expect(repoState(repo(1, A, { watch: false }), false, null).kind).toBe('not-watched');
  });
});

describe('search summary on an incomplete index', () => {
  const done = repo(1, '/src/done', { name: 'done' });
  const cut = repo(2, '/src/cut', { name: 'cut', files: 2293, lastIndexMs: null, indexedAt: null, lastRun: { filesTotal: 3138, cancelled: true, changed: 2293 } });
  const paused = repo(3, '/src/held', { name: 'held', files: 40, lastIndexMs: null, paused: true });

  it('names each searched repo whose first index never completed, with how far it got and how to finish it', () => {
    expect(incompleteNote([done], new Set(), '')).toBeNull();
    expect(incompleteNote([done, cut], new Set(), '')).toBe("cut's index is incomplete (2,293 of 3,138 files): results may be missing. Re-index to finish.");
    expect(incompleteNote([paused], new Set(), '')).toBe("held's index is incomplete (40 files): results may be missing. Resume to finish.");
  });

  it('leaves out a repo a run is finishing now, one the search did not cover, and an empty one', () => {
    expect(incompleteNote([cut], new Set(['/src/cut']), '')).toBeNull();
    expect(incompleteNote([cut], new Set(), '/src/done')).toBeNull();
    expect(incompleteNote([{ ...cut, files: 0 }], new Set(), '')).toBeNull();
  });
});

describe('sync badge', () => {
  it('says no vector server with --no-sync, even with rows pending', () => {
    const st = statusReport(4);
    st.vectorStore = { ...st.vectorStore, mode: 'off', state: 'stopped' };
    expect(syncHealth(st)).toMatchObject({ state: 'off', label: 'No vector server' });
  });

  it('says paused when sync is paused, with or without pending rows', () => {
    expect(syncHealth({ ...statusReport(0), syncPaused: true })).toMatchObject({ state: 'paused', label: 'Sync paused' });
    expect(syncHealth({ ...statusReport(7), syncPaused: true }).label).toBe('Sync paused (7 waiting)');
  });

  it('tells down, syncing and in sync apart', () => {
    const down = statusReport(0);
    down.vectorStore = { ...down.vectorStore, state: 'down' };
    expect(syncHealth(down).state).toBe('down');
    expect(syncHealth(statusReport(3)).label).toBe('Syncing (3 pending)');
    // While an index run has the cores nothing is sent: the badge does not claim a sync.
    const waiting = statusReport(3_500);
    waiting.sync.waitingForIndex = true;
    expect(syncHealth(waiting)).toMatchObject({ state: 'waiting', tone: 'warn', label: 'Vectors wait for indexing (3,500 pending)' });
    expect(syncHealth({ ...waiting, sync: { ...waiting.sync, pending: 0 } }).label).toBe('In sync');
    expect(syncHealth(statusReport(0)).label).toBe('In sync');
  });
});
