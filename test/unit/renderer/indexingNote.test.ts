// A search answered during an index run: the summary names the repos still being read (x of y files),
// and the search is asked again, keeping the selected hit, once such a run has ended.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../shared/result.js';
import type { IndexProgress, SearchHit, SearchResponse } from '../../../shared/types.js';
import { indexingNote } from '../../../shared/indexingNote.js';
import { repoName } from '../../../renderer/components/repoName.js';
import { installLiveRefresh } from '../../../renderer/liveRefresh.js';
import { type FakeHost, installHost, repo, store } from './fakeHost.js';

const hit = (path: string): SearchHit => ({
  repo: '/src/go-tree', path, line: 1, column: 1, snippet: 'NewClient()', highlights: [[0, 9]], symbol: null, symbolKind: null, language: 'go', score: 1,
});
const progress = (phase: IndexProgress['phase'], filesDone: number): IndexProgress => ({
  repoPath: '/src/go-tree', phase, filesDone, filesTotal: 10_796, ratePerSec: 400, currentPath: null, bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: 20,
});
const settled = () => new Promise((done) => setTimeout(done, 0));

describe('indexingNote', () => {
  const repos = [repo(1, '/src/go-tree', { name: 'go-tree' }), repo(2, '/src/web', { name: 'web' })];

  it('names each repo with its files done and found, by its listed name', () => {
    const listed = (path: string) => repoName(path, repos);
    expect(indexingNote([], listed)).toBeNull();
    expect(indexingNote([{ repo: '/src/go-tree', filesDone: 1929, filesTotal: 10_796 }], listed, 'refresh when it is done'))
      .toBe('go-tree (1,929 of 10,796 files) is still being indexed: results may be missing, and refresh when it is done.');
    expect(indexingNote([
      { repo: '/src/go-tree', filesDone: 1, filesTotal: 2 }, { repo: '/src/web', filesDone: 3, filesTotal: 4 }, { repo: '/elsewhere/unlisted/', filesDone: 0, filesTotal: 9 },
    ], listed)).toBe('go-tree (1 of 2 files), web (3 of 4 files) and unlisted (0 of 9 files) are still being indexed: results may be missing, and search again when it is done.');
  });
});

describe('a search answered during an index run', () => {
  let host: FakeHost;
  let stop: () => void;
  let running = true;
  beforeEach(() => {
    running = true;
    host = installHost({
      'search:query': () => ok<SearchResponse>({
        results: [hit('a.go'), hit('b.go')], tookMs: 3, ...(running ? { indexing: [{ repo: '/src/go-tree', filesDone: 1929, filesTotal: 10_796 }] } : {}),
      }),
    });
    stop = installLiveRefresh();
  });
  afterEach(() => stop());

  it('keeps the runs in the answer, and asks again (keeping the selection) when the run ends', async () => {
    store().setQuery('NewClient');
    await store().runSearch();
    expect(store().answered?.indexing).toEqual([{ repo: '/src/go-tree', filesDone: 1929, filesTotal: 10_796 }]);
    store().select(1);

    // Progress of the same run asks nothing again.
    store().progressed(progress('parsing', 2500));
    await settled();
    expect(host.channels()).toEqual(['search:query']);

    running = false;
    store().progressed(progress('done', 10_796));
    await settled();
    expect(host.channels()).toEqual(['search:query', 'search:query']);
    expect(store().answered?.indexing).toEqual([]);
    expect(store().selected).toBe(1);

    // Nothing left to refresh: later progress (another run) asks nothing more.
    store().progressed({ ...progress('parsing', 5), repoPath: '/src/web' });
    await settled();
    expect(host.channels()).toHaveLength(2);
  });
});
