// The contract declares each verb once; the lists, guards and the one unwrap() derived from it.
import { describe, expect, it } from 'vitest';
import {
  call, CHANNELS, EVENT_CHANNELS, HOST_CHANNELS, HOST_PICK_FOLDER, INVOKE_CHANNELS, type InvokeChannel, isEventChannel, isInvokeChannel,
  isWriteChannel, READ_CHANNELS, type Req, type Res, WRITE_CHANNELS,
} from '../../shared/contract.js';
import { err, ok, type Result, ResultError, unwrap } from '../../shared/result.js';
import { REQUEST_SCHEMAS } from '../../electron/core/schemas.js';
import { ClewFailure, toClewError } from '../../electron/base/failure.js';

describe('contract', () => {
  it('lists every declared verb once, each with a request schema', () => {
    expect(INVOKE_CHANNELS).toEqual(Object.keys(CHANNELS));
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length);
    expect([...INVOKE_CHANNELS].sort()).toEqual(Object.keys(REQUEST_SCHEMAS).sort());
  });

  it('splits the verbs into reads and writes as declared', () => {
    expect([...READ_CHANNELS, ...WRITE_CHANNELS].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(READ_CHANNELS.filter((c) => (WRITE_CHANNELS as readonly string[]).includes(c))).toEqual([]);
    for (const c of WRITE_CHANNELS) expect(CHANNELS[c].access).toBe('write');
    for (const c of READ_CHANNELS) expect(CHANNELS[c].access).toBe('read');
    expect(WRITE_CHANNELS).toEqual(expect.arrayContaining(['repo:index', 'note:add', 'settings:set', 'sync:wait', 'repo:pause']));
    expect(READ_CHANNELS).toEqual(expect.arrayContaining(['search:query', 'repo:list', 'settings:get', 'file:read', 'status:get']));
    expect(isWriteChannel('note:delete')).toBe(true);
    expect(isWriteChannel('note:list')).toBe(false);
  });

  it('recognises only its own channels, never inherited names or the host channel', () => {
    for (const c of INVOKE_CHANNELS) expect(isInvokeChannel(c)).toBe(true);
    for (const c of EVENT_CHANNELS) expect(isEventChannel(c)).toBe(true);
    for (const c of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', HOST_PICK_FOLDER, 'REPO:INDEX', '', 7, null, undefined]) {
      expect(isInvokeChannel(c)).toBe(false);
      expect(isEventChannel(c)).toBe(false);
    }
    expect(isInvokeChannel('index:progress')).toBe(false);
    expect(isEventChannel('repo:index')).toBe(false);
    expect(HOST_CHANNELS).toEqual([HOST_PICK_FOLDER]);
    for (const c of HOST_CHANNELS) expect([...INVOKE_CHANNELS, ...EVENT_CHANNELS]).not.toContain(c);
  });
});

describe('unwrap', () => {
  it('returns the value of an ok result', () => {
    expect(unwrap(ok({ n: 1 }))).toEqual({ n: 1 });
    expect(unwrap(ok(null))).toBeNull();
  });

  it('throws an error result as a ResultError that keeps its code and message', () => {
    const thrown = (() => { try { unwrap(err('NOT_FOUND', 'no repo matches x')); } catch (e) { return e; } })();
    expect(thrown).toBeInstanceOf(ResultError);
    expect(thrown).toMatchObject({ code: 'NOT_FOUND', message: 'no repo matches x' });
    expect(() => unwrap(err('LOCKED', 'in use'), 'repo:index')).toThrow(expect.objectContaining({ code: 'LOCKED', message: 'repo:index failed: in use' }));
  });

  it('comes back out of a boundary as the same error, not INTERNAL', () => {
    const e = (() => { try { unwrap(err('OUTSIDE_REPO', '../x leaves the repo')); } catch (x) { return x; } })();
    expect(toClewError(e)).toEqual({ code: 'OUTSIDE_REPO', message: '../x leaves the repo' });
    expect(ClewFailure.fromSystem(e, 'context')).toMatchObject({ code: 'OUTSIDE_REPO', message: '../x leaves the repo' });
    // The engine's failures are ResultErrors too, so catch sites see one kind of coded error.
    expect(new ClewFailure('DISK_FULL', 'full')).toBeInstanceOf(ResultError);
    expect(toClewError(new ClewFailure('DISK_FULL', 'full'))).toEqual({ code: 'DISK_FULL', message: 'full' });
  });
});

describe('call', () => {
  it('sends the request to any host and unwraps its answer', async () => {
    const seen: Array<{ channel: InvokeChannel; req: unknown }> = [];
    const host = {
      async invoke<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
        seen.push({ channel, req });
        return (channel === 'note:delete' ? ok({ deleted: true }) : err('NOT_FOUND', `nothing for ${channel}`)) as Result<Res<C>>;
      },
    };
    expect(await call(host, 'note:delete', { id: 3 })).toEqual({ deleted: true });
    await expect(call(host, 'repo:issues', { repo: 'r' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'nothing for repo:issues' });
    expect(seen).toEqual([{ channel: 'note:delete', req: { id: 3 } }, { channel: 'repo:issues', req: { repo: 'r' } }]);
  });
});
