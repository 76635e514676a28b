// window.api as the preload builds it, over a fake ipcRenderer: contract verbs only, errors as data,
// and an unsubscribe for every subscription.
import { describe, expect, it } from 'vitest';
import { createPreloadApi, type IpcRendererLike } from '../../../electron/app/preloadApi.js';
import { HOST_PICK_FOLDER } from '../../../shared/contract.js';
import type { StatusReport } from '../../../shared/types.js';

type Listener = (event: unknown, payload: unknown) => void;

function fakeIpcRenderer(answer: (channel: string, args: unknown[]) => unknown = () => ({ ok: true, value: 'pong' })) {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => { invoked.push({ channel, args }); return answer(channel, args); },
    on: (channel, listener) => { listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)); },
    removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); },
  };
  const emit = (channel: string, payload: unknown): void => { for (const l of listeners.get(channel) ?? []) l({ sender: 'secret' }, payload); };
  const count = (channel: string): number => listeners.get(channel)?.size ?? 0;
  return { ipc, invoked, emit, count };
}

const webUtils = { getPathForFile: (file: File) => (file.name === 'repo' ? '/home/me/src/repo' : '') };

describe('preload API', () => {
  it('forwards contract verbs and refuses anything else without touching IPC', async () => {
    const f = fakeIpcRenderer();
    const api = createPreloadApi(f.ipc, webUtils);
    expect(await api.invoke('status:get', {})).toEqual({ ok: true, value: 'pong' });
    expect(f.invoked).toEqual([{ channel: 'status:get', args: [{}] }]);
    const invokeAny = api.invoke as (channel: string, req: unknown) => Promise<unknown>;
    for (const channel of [HOST_PICK_FOLDER, 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'constructor']) {
      expect(await invokeAny(channel, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(f.invoked).toHaveLength(1);
  });

  it('turns transport failures and malformed answers into error results', async () => {
    const throwing = createPreloadApi(fakeIpcRenderer(() => { throw new Error('channel closed'); }).ipc, webUtils);
    expect(await throwing.invoke('repo:list', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'channel closed' } });
    const garbled = createPreloadApi(fakeIpcRenderer(() => 'not a result').ipc, webUtils);
    expect(await garbled.invoke('repo:list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers only the payload of an event, and the returned function unsubscribes (once)', () => {
    const f = fakeIpcRenderer();
    const api = createPreloadApi(f.ipc, webUtils);
    const seen: unknown[] = [];
    const off = api.on('status:snapshot', (s) => seen.push(s));
    f.emit('status:snapshot', { dataDir: '/d' });
    expect(seen).toEqual([{ dataDir: '/d' }]);
    off();
    off();
    f.emit('status:snapshot', { dataDir: '/e' } as unknown as StatusReport);
    expect(seen).toHaveLength(1);
    expect(f.count('status:snapshot')).toBe(0);
  });

  it('ignores subscriptions to unknown events', () => {
    const f = fakeIpcRenderer();
    const api = createPreloadApi(f.ipc, webUtils);
    const onAny = api.on as (event: string, listener: () => void) => () => void;
    const off = onAny('ipc-message', () => undefined);
    expect(f.count('ipc-message')).toBe(0);
    expect(() => off()).not.toThrow();
  });

  it('exposes the host: electron kind, a folder dialog over its own channel, and paths of dropped files', async () => {
    const f = fakeIpcRenderer((channel) => (channel === HOST_PICK_FOLDER ? { ok: true, value: '/home/me/src/repo' } : null));
    const api = createPreloadApi(f.ipc, webUtils);
    expect(api.host.kind).toBe('electron');
    expect(await api.host.pickFolder!()).toBe('/home/me/src/repo');
    expect(f.invoked).toEqual([{ channel: HOST_PICK_FOLDER, args: [] }]);
    expect(api.host.pathForFile!(new File([], 'repo'))).toBe('/home/me/src/repo');
    const throwingUtils = { getPathForFile: () => { throw new TypeError('not a File'); } };
    expect(createPreloadApi(f.ipc, throwingUtils).host.pathForFile!({})).toBe('');
  });

  it('rejects pickFolder with the main process\'s message when it refuses', async () => {
    const api = createPreloadApi(fakeIpcRenderer(() => ({ ok: false, error: { code: 'BAD_REQUEST', message: 'refused' } })).ipc, webUtils);
    await expect(api.host.pickFolder!()).rejects.toThrow('refused');
  });
});
