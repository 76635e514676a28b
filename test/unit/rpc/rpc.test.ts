// The worker RPC over real worker threads: handshake, failures keeping their code, exit while calls
// wait, unknown verbs, events, and the pool's deadline that replaces a stuck worker.
import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../../../electron/base/rpc/client.js';
import { RpcPool } from '../../../electron/base/rpc/pool.js';
import { ClewFailure } from '../../../electron/base/failure.js';
import { ECHO_WORKER, type EchoEvents, type EchoProtocol } from './echoProtocol.js';

const opened: Array<{ terminate?: () => Promise<void>; close?: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => (w.terminate ? w.terminate() : w.close?.())));
});

function client(options: { failStart?: boolean; throwOnly?: boolean; ticks?: number[] } = {}): RpcClient<EchoProtocol, EchoEvents, { pid: number }> {
  const c = new RpcClient<EchoProtocol, EchoEvents, { pid: number }>(ECHO_WORKER, {
    name: 'echo', workerData: { failStart: options.failStart ?? false, throwOnly: options.throwOnly ?? false }, events: { tick: (p) => options.ticks?.push(p.n) },
  });
  opened.push(c);
  return c;
}

describe('RpcClient', () => {
  it('says ready with what the worker sent, then answers calls in any order by id', async () => {
    const c = client();
    expect((await c.ready()).pid).toBe(process.pid);
    const answers = await Promise.all([c.call('echo', { text: 'a' }), c.call('double', { n: 21 }), c.call('echo', { text: 'b' })]);
    expect(answers).toEqual([{ text: 'a' }, { n: 42 }, { text: 'b' }]);
  });

  it('delivers the worker\'s events to the host listener', async () => {
    const ticks: number[] = [];
    const c = client({ ticks });
    await c.call('double', { n: 3 });
    await c.call('double', { n: 4 });
    expect(ticks).toEqual([3, 4]);
  });

  it('reports a failed start with its code and message, and refuses later calls with them', async () => {
    const c = client({ failStart: true });
    await expect(c.ready()).rejects.toMatchObject({ code: 'CORRUPT', message: 'the test asked this worker not to start' });
    const refused = await c.call('echo', { text: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ClewFailure);
    expect(refused).toMatchObject({ code: 'CORRUPT', message: 'echo is not running: the test asked this worker not to start' });
  });

  it('keeps a start-up failure\'s code when only the thread\'s error arrives (it can overtake the posted failure)', async () => {
    const c = client({ throwOnly: true });
    await expect(c.ready()).rejects.toMatchObject({ code: 'CORRUPT', message: 'the test asked this worker to fail before it posts anything' });
  });

  it('carries a handler\'s failure across the thread with its code and message', async () => {
    const c = client();
    await expect(c.call('fail', { code: 'NOT_FOUND', message: 'no such thing' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no such thing' });
    expect(await c.result('fail', { code: 'DISK_FULL', message: 'full' })).toEqual({ ok: false, error: { code: 'DISK_FULL', message: 'full' } });
    // The worker still answers after a failure.
    expect(await c.call('echo', { text: 'still here' })).toEqual({ text: 'still here' });
  });

  it('answers an unknown verb with BAD_REQUEST', async () => {
    const c = client();
    const untyped = c as unknown as RpcClient<{ nope: { req: null; res: null } }>;
    await expect(untyped.call('nope', null)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'unknown verb "nope"' });
  });

  it('fails every call in flight with UNAVAILABLE when the worker exits, and every later call too', async () => {
    const c = client();
    await c.ready();
    const waiting = [c.call('hang', {}), c.call('echo', { text: 'queued behind the hang' })].map((p) => p.catch((e: unknown) => e));
    // The hanging call holds the worker's thread: only terminate ends it, as a crash would.
    await c.terminate();
    for (const failure of await Promise.all(waiting)) expect(failure).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^echo stopped: echo worker exited with code 1/) });
    await expect(c.call('echo', { text: 'late' })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^echo is not running/) });
  });

  it('fails the call in flight when the worker exits by itself', async () => {
    const c = client();
    await expect(c.call('exit', { code: 3 })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'echo stopped: echo worker exited with code 3' });
  });
});

describe('RpcPool', () => {
  it('fails a call past its deadline with TIMEOUT, replaces the stuck worker, and answers the next call', async () => {
    const pool = new RpcPool<EchoProtocol, EchoEvents>(ECHO_WORKER, 1, { name: 'echo', workerData: {} });
    opened.push(pool);
    expect(await pool.call('echo', { text: 'first' }, 5000)).toEqual({ text: 'first' });
    const started = performance.now();
    await expect(pool.call('hang', {}, 300)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await pool.call('echo', { text: 'after' }, 10_000)).toEqual({ text: 'after' });
  });

  it('spreads calls made before the workers are ready across all of them', async () => {
    const pool = new RpcPool<EchoProtocol, EchoEvents>(ECHO_WORKER, 2, { name: 'echo', workerData: {} });
    opened.push(pool);
    const threads = await Promise.all([1, 2, 3, 4].map(() => pool.call('whoami', null)));
    expect(new Set(threads).size).toBe(2);
  });

  it('replaces a worker that exits, failing only its own calls', async () => {
    const pool = new RpcPool<EchoProtocol, EchoEvents>(ECHO_WORKER, 2, { name: 'echo', workerData: {} });
    opened.push(pool);
    await expect(pool.call('exit', { code: 1 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const answers = await Promise.all([1, 2, 3, 4].map((n) => pool.call('double', { n })));
    expect(answers.map((a) => a.n)).toEqual([2, 4, 6, 8]);
  });

  it('shrinks to the workers it keeps (renewed when asked), ending the others, and grows back to its size', async () => {
    const pool = new RpcPool<EchoProtocol, EchoEvents>(ECHO_WORKER, 2, { name: 'echo', workerData: {} });
    opened.push(pool);
    const before = new Set(await Promise.all([1, 2, 3, 4].map(() => pool.call('whoami', null))));
    expect(before.size).toBe(2);
    pool.shrink(1, false);
    expect(pool.workers).toBe(1);
    const kept = new Set(await Promise.all([1, 2, 3, 4].map(() => pool.call('whoami', null))));
    expect(kept.size).toBe(1);
    expect(before).toContain([...kept][0]);
    pool.shrink(1, true);
    const renewed = await pool.call('whoami', null);
    expect(before.has(renewed)).toBe(false);
    pool.grow();
    expect(pool.workers).toBe(2);
    expect(new Set(await Promise.all([1, 2, 3, 4].map(() => pool.call('whoami', null)))).size).toBe(2);
  });
});
