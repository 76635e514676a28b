// The sync slice: status snapshots (with the repo rows and a bounded pending history), the repair
// flow step by step, progress only while repairing, and failed rows with retry.
import { beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../shared/result.js';
import type { RepairReport } from '../../../shared/types.js';
import { deferred, type FakeHost, installHost, repo, statusReport, store } from './fakeHost.js';

const report = (dryRun: boolean): RepairReport => ({
  dryRun, orphans: 2, missing: 1, stale: 0, unsearchable: 0, orphansDeleted: dryRun ? 0 : 2, requeued: dryRun ? 0 : 1,
  rebuilt: false, healthy: true, healthError: null, durationMs: 30,
});

describe('sync slice', () => {
  let host: FakeHost;
  beforeEach(() => { host = installHost({ 'status:get': () => ok(statusReport(4)) }); });

  it('takes a snapshot\'s status and repo rows and adds to the pending history', () => {
    store().statusArrived(statusReport(10, [repo(1, '/src/a')]));
    store().statusArrived(statusReport(3, [repo(1, '/src/a'), repo(2, '/src/b')]));
    expect(store().status?.sync.pending).toBe(3);
    expect(store().repos.map((r) => r.path)).toEqual(['/src/a', '/src/b']);
    expect(store().pendingHistory.map((p) => p.pending)).toEqual([10, 3]);
  });

  it('keeps the pending history bounded to the newest 600 points', () => {
    for (let i = 0; i < 605; i++) store().statusArrived(statusReport(i));
    expect(store().pendingHistory).toHaveLength(600);
    expect(store().pendingHistory[0]?.pending).toBe(5);
    expect(store().pendingHistory.at(-1)?.pending).toBe(604);
  });

  it('walks the repair flow: checking, findings, repairing with progress, done, then a fresh status', async () => {
    const dry = deferred<RepairReport>();
    host.answers['sync:repair'] = async (req) => ok(req.dryRun ? await dry.promise : report(false));
    const checking = store().startRepair();
    expect(store().repair).toEqual({ step: 'checking' });
    // Progress outside a repair is not shown.
    store().repairProgressed({ phase: 'diff', done: 1, total: 3 });
    expect(store().repair).toEqual({ step: 'checking' });
    dry.resolve(report(true));
    await checking;
    expect(store().repair).toEqual({ step: 'findings', report: report(true) });

    const real = deferred<RepairReport>();
    host.answers['sync:repair'] = async () => ok(await real.promise);
    const repairing = store().confirmRepair();
    expect(store().repair).toEqual({ step: 'repairing', progress: null });
    store().repairProgressed({ phase: 'verify', done: 2, total: 3 });
    expect(store().repair).toEqual({ step: 'repairing', progress: { phase: 'verify', done: 2, total: 3 } });
    real.resolve(report(false));
    await repairing;
    expect(store().repair).toEqual({ step: 'done', report: report(false) });
    expect(host.channels()).toEqual(['sync:repair', 'sync:repair', 'status:get']);
    expect(store().status?.sync.pending).toBe(4);
    store().closeRepair();
    expect(store().repair).toEqual({ step: 'idle' });
  });

  it('shows a failed check as the error step', async () => {
    host.answers['sync:repair'] = () => err('UNAVAILABLE', 'the vector server is down');
    await store().startRepair();
    expect(store().repair).toEqual({ step: 'error', message: 'the vector server is down' });
  });

  it('lists failed rows and retries them, then reloads both', async () => {
    host.answers['sync:failed'] = () => ok([{ vectorId: 'v1', kind: 'symbol', repo: '/src/a', label: 'a:X', error: 'too long', attempts: 3, failedAt: 5 }]);
    host.answers['sync:retry'] = () => ok({ requeued: 1 });
    await store().loadFailed();
    expect(host.calls[0]).toEqual({ channel: 'sync:failed', req: { limit: 200 } });
    expect(store().failed?.map((f) => f.vectorId)).toEqual(['v1']);
    await store().retryFailed();
    expect(store().message).toEqual({ text: '1 failed rows queued again', kind: 'info' });
    expect(host.channels().slice(1, 2)).toEqual(['sync:retry']);
    expect(host.channels().slice(2).sort()).toEqual(['status:get', 'sync:failed']);
  });

  it('says why the status could not be read', async () => {
    host.answers['status:get'] = () => err('UNAVAILABLE', 'backend is closed');
    await store().refreshStatus();
    expect(store().status).toBeNull();
    expect(store().message).toEqual({ text: 'Could not read the status: backend is closed', kind: 'error' });
  });
});
