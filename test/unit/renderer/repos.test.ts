// The repos slice: listing with a kept selection, adding (indexing) with its in-flight state and
// outcome message, removing, index issues, and progress events.
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result.js';
import type { IndexReport, SearchHit } from '../../../shared/types.js';
import { deferred, type FakeHost, indexReport, installHost, note, repo, setState, statusReport, store } from './fakeHost.js';

const A = '/src/alpha';
const B = '/src/beta';

describe('repos slice', () => {
  let host: FakeHost;
  beforeEach(() => {
    host = installHost({ 'repo:list': () => ok([repo(1, A), repo(2, B)]), 'note:list': () => ok([]) });
  });

  it('lists repos, selects the first, and keeps a selection that still exists', async () => {
    await store().loadRepos();
    expect(store().repos.map((r) => r.path)).toEqual([A, B]);
    expect(store().selectedRepo).toBe(A);
    store().selectRepo(B);
    await store().loadRepos();
    expect(store().selectedRepo).toBe(B);
    host.answers['repo:list'] = () => ok([repo(1, A)]);
    await store().loadRepos();
    expect(store().selectedRepo).toBe(A);
    host.answers['repo:list'] = () => ok([]);
    await store().loadRepos();
    expect(store().selectedRepo).toBeNull();
  });

  it('selects a repo that first appears in a status snapshot (a first index under way), and keeps a listed selection', () => {
    expect(store().selectedRepo).toBeNull();
    store().statusArrived(statusReport(0, [repo(1, A, { indexedAt: null, lastIndexMs: null })]));
    expect(store().selectedRepo).toBe(A);
    store().selectRepo(B);
    store().statusArrived(statusReport(0, [repo(1, A), repo(2, B)]));
    expect(store().selectedRepo).toBe(B);
    store().statusArrived(statusReport(0, [repo(1, A)]));
    expect(store().selectedRepo).toBe(A);
  });

  it('marks a folder as indexing while the request runs, then selects it and says what was indexed', async () => {
    const answer = deferred<IndexReport>();
    host.answers['repo:index'] = async () => ok(await answer.promise);
    store().progressed({ repoPath: B, phase: 'done', filesDone: 3, filesTotal: 3, ratePerSec: 10, currentPath: null, bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null });
    store().progressed({ repoPath: A, phase: 'parsing', filesDone: 1, filesTotal: 3, ratePerSec: 10, currentPath: 'x.ts', bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null });
    const adding = store().addRepo(B);
    expect(store().indexing).toEqual([B]);
    answer.resolve(indexReport(2, B, { files: 10_678, symbols: 148_503, skipped: { binary: 1, 'too-large': 1 } }));
    expect(await adding).toBe(true);
    expect(store().indexing).toEqual([]);
    expect(store().selectedRepo).toBe(B);
    expect(store().message).toEqual({ text: 'Indexed 10,678 files, 148,503 symbols in 1.5 s (2 skipped)', kind: 'info' });
    // Finished runs leave the progress map; a run still going keeps its entry.
    expect(Object.keys(store().progress)).toEqual([A]);
    expect(host.channels()).toEqual(['repo:index', 'repo:list']);
  });

  it('runs the current query again after indexing, and reports a cancelled run as such', async () => {
    host.answers['repo:index'] = () => ok(indexReport(1, A, { cancelled: true, changed: 2 }));
    host.answers['search:query'] = () => ok({ results: [], tookMs: 1 });
    store().setQuery('parse');
    await store().addRepo(A);
    expect(host.channels()).toContain('search:query');
    expect(store().message?.text).toBe('Indexing cancelled: 2 files were updated, the rest keep their previous index');
  });

  it('says why a folder could not be indexed and clears its in-flight mark', async () => {
    host.answers['repo:index'] = () => err('NOT_A_FOLDER', '/nope is not a folder');
    expect(await store().addRepo('/nope')).toBe(false);
    expect(store().indexing).toEqual([]);
    expect(store().message).toEqual({ text: 'Could not index /nope: /nope is not a folder', kind: 'error' });
    expect(store().selectedRepo).toBeNull();
  });

  it('re-indexing reloads the notes, which may have gone stale', async () => {
    host.answers['repo:index'] = () => ok(indexReport(1, A));
    host.answers['note:list'] = () => ok([note(1, 'still here')]);
    await store().reindex(A);
    expect(host.channels()).toEqual(['repo:index', 'repo:list', 'note:list']);
    expect(store().notes.map((n) => n.text)).toEqual(['still here']);
  });

  it('removes a repo: closes its open file, reloads the list and notes, and says what was queued', async () => {
    host.answers['repo:remove'] = () => ok({ repo: A, tombstones: 7 });
    useOpenFile(A);
    await store().removeRepo(A);
    expect(host.calls[0]).toEqual({ channel: 'repo:remove', req: { repo: A } });
    expect(store().file).toBeNull();
    expect(host.channels().slice(1).sort()).toEqual(['note:list', 'repo:list']);
    expect(store().message?.text).toBe(`Removed ${A}; 7 vectors queued for deletion`);
  });

  it('drops a removed repo\'s hits from the results, and says plainly why one of them cannot open', async () => {
    const hit = (repoPath: string, path: string): SearchHit => ({
      repo: repoPath, path, line: 1, column: 1, snippet: 'x', highlights: [], symbol: null, symbolKind: null, language: 'typescript', score: 1,
    });
    setState({ repos: [repo(1, A), repo(2, B)], results: [hit(A, 'a.ts'), hit(B, 'b.ts'), hit(A, 'c.ts')], selected: 2 });
    host.answers['repo:remove'] = () => ok({ repo: A, tombstones: 0 });
    host.answers['repo:list'] = () => ok([repo(2, B)]);
    await store().removeRepo(A);
    expect(store().results.map((h) => h.path)).toEqual(['b.ts']);
    expect(store().selected).toBe(0);
    host.answers['file:read'] = () => err('OUTSIDE_REPO', `${A}/a.ts is not inside any indexed repo (index it first with \`clew index ${A}/a.ts\`)`);
    host.answers['file:outline'] = () => ok([]);
    await store().openAt({ repo: A, path: 'a.ts', line: 1 });
    expect(store().codeError).toBe('This repository is no longer in Clew (it was removed). Add it again to open its files.');
  });

    it('keeps everything when removal fails, and says so', async () => {
    host.answers['repo:remove'] = () => err('NOT_FOUND', 'no repo matches /gone');
    await store().removeRepo('/gone');
    expect(store().message).toEqual({ text: 'Could not remove /gone: no repo matches /gone', kind: 'error' });
    expect(host.channels()).toEqual(['repo:remove']);
  });

  it('shows and hides a repo\'s index issues', async () => {
    host.answers['repo:issues'] = () => ok({ repo: A, skipped: { binary: 2 }, issues: [{ path: 'x.bin', reason: 'binary', message: 'binary file' }] });
    await store().showIssues(A);
    expect(store().issues?.skipped).toEqual({ binary: 2 });
    await store().showIssues(null);
    expect(store().issues).toBeNull();
    host.answers['repo:issues'] = () => err('NOT_FOUND', 'no repo matches /x');
    await store().showIssues('/x');
    expect(store().issues).toBeNull();
    expect(store().message).toEqual({ text: 'no repo matches /x', kind: 'error' });
  });

  it('keeps the latest progress per repo', () => {
    store().progressed({ repoPath: A, phase: 'walking', filesDone: 0, filesTotal: 0, ratePerSec: 0, currentPath: null, bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null });
    store().progressed({ repoPath: A, phase: 'parsing', filesDone: 2, filesTotal: 9, ratePerSec: 4, currentPath: 'b.ts', bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null });
    store().progressed({ repoPath: B, phase: 'walking', filesDone: 0, filesTotal: 0, ratePerSec: 0, currentPath: null, bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null });
    expect(store().progress[A]).toMatchObject({ phase: 'parsing', filesDone: 2 });
    expect(Object.keys(store().progress).sort()).toEqual([A, B]);
  });
});

/** An open file of the repo, as the code view holds it. */
function useOpenFile(repoPath: string): void {
  setState({ file: { repo: repoPath, path: 'a.ts', language: 'typescript', text: 'x', size: 1, truncated: false, binary: false, changedSinceIndex: false } });
}
