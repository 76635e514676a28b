// The repo control slice: watch/pause/resume answers replace the repo's row, cancel says when nothing
// ran, the global sync pause refreshes the status, and failures become messages.
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../shared/result.js';
import type { RepoSummary } from '../../../shared/types.js';
import { deferred, type FakeHost, installHost, repo, setState, statusReport, store } from './fakeHost.js';

const A = '/src/alpha';
const B = '/src/beta';

describe('repo control slice', () => {
  let host: FakeHost;
  beforeEach(() => {
    host = installHost({
      'repo:watch': (req) => ok(repo(1, A, { watch: req.on })),
      'repo:pause': () => ok(repo(1, A, { paused: true, watch: true })),
      'repo:resume': () => ok(repo(1, A, { paused: false })),
      'status:get': () => ok({ ...statusReport(0), syncPaused: true }),
    });
    setState({ repos: [repo(1, A), repo(2, B)] });
  });

  it('replaces only the answered repo\'s row', async () => {
    await store().setWatch(A, false);
    expect(host.calls).toEqual([{ channel: 'repo:watch', req: { repo: A, on: false } }]);
    expect(store().repos.map((r) => [r.path, r.watch])).toEqual([[A, false], [B, true]]);
    await store().pauseRepo(A);
    expect(store().repos[0]?.paused).toBe(true);
    await store().resumeRepo(A);
    expect(store().repos.map((r) => r.paused)).toEqual([false, false]);
  });

  it('says so when there was nothing to cancel, and nothing when there was', async () => {
    host.answers['repo:cancel'] = () => ok({ cancelled: false });
    await store().cancelIndex(A);
    expect(store().message).toEqual({ text: 'Nothing was indexing', kind: 'info' });
    store().dismissMessage();
    host.answers['repo:cancel'] = () => ok({ cancelled: true });
    await store().cancelIndex(A);
    expect(store().message).toBeNull();
  });

  it('pauses sync and shows the status that says so', async () => {
    host.answers['sync:pause'] = () => ok({ paused: true });
    await store().setSyncPaused(true);
    expect(host.channels()).toEqual(['sync:pause', 'status:get']);
    expect(store().status?.syncPaused).toBe(true);
    host.answers['sync:resume'] = () => ok({ paused: false });
    await store().setSyncPaused(false);
    expect(host.channels().slice(2)).toEqual(['sync:resume', 'status:get']);
  });

  it('turns a refusal into a message and leaves the rows alone', async () => {
    host.answers['repo:pause'] = () => err('READ_ONLY', 'this backend was opened read-only');
    await store().pauseRepo(A);
    expect(store().message).toEqual({ text: 'Could not pause: this backend was opened read-only', kind: 'error' });
    expect(store().repos.map((r) => r.paused)).toEqual([false, false]);
    host.answers['sync:pause'] = () => err('UNAVAILABLE', 'engine is not running');
    await store().setSyncPaused(true);
    expect(store().message?.text).toBe('Could not pause sync: engine is not running');
    expect(host.channels()).not.toContain('status:get');
  });
});

describe('repo control: the card shows a click at once', () => {
  let host: FakeHost;
  beforeEach(() => {
    host = installHost({});
    setState({ repos: [repo(1, A), repo(2, B)] });
  });

  it('says pausing until the engine answers, then the answered state', async () => {
    const answer = deferred<Result<RepoSummary>>();
    host.answers['repo:pause'] = () => answer.promise;
    const pausing = store().pauseRepo(A);
    expect(store().repoActions).toEqual({ [A]: 'pausing' });
    answer.resolve(ok(repo(1, A, { paused: true })));
    await pausing;
    expect(store().repoActions).toEqual({});
    expect(store().repos[0]?.paused).toBe(true);
  });

  it('says cancelling until the run ends, and not at all when nothing ran', async () => {
    host.answers['repo:cancel'] = () => ok({ cancelled: true });
    await store().cancelIndex(A);
    expect(store().repoActions).toEqual({ [A]: 'cancelling' });
    store().progressed({ repoPath: A, phase: 'done', filesDone: 10, filesTotal: 10, currentPath: null, ratePerSec: 0, bytesDone: 0, bytesTotal: 0, bytesPerSec: 0, etaSeconds: null });
    expect(store().repoActions).toEqual({});
    host.answers['repo:cancel'] = () => ok({ cancelled: false });
    await store().cancelIndex(B);
    expect(store().repoActions).toEqual({});
  });
});
