// The Electron IPC wiring with injected Electron objects and a real Backend on a temp data dir.
import { afterEach, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/contract.js';
import { APP_PAGE_URL } from '../../electron/app/appProtocol.js';
import { type InvokeEventLike, registerIpc, trustedFrame } from '../../electron/transport/ipc.js';
import { openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

type Handler = (event: InvokeEventLike, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, listener: Handler) => { handlers.set(channel, listener); },
    removeHandler: (channel: string) => { handlers.delete(channel); },
  };
}

describe('IPC transport', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => { for (const c of cleanups.splice(0)) await c(); });

  it('serves every contract channel to the app page only, validates payloads, forwards events, and unregisters', async () => {
    const data = tempDir();
    const repo = tempDir();
    writeTree(repo.path, SAMPLE_REPO);
    const backend = openWriter(data.path);
    cleanups.push(() => backend.close(), data.cleanup, repo.cleanup);
    const ipc = fakeIpcMain();
    const sent: Array<{ channel: string; payload: unknown }> = [];
    const contents = { send: (channel: string, payload: unknown) => { sent.push({ channel, payload }); }, isDestroyed: () => false };
    const appPage = APP_PAGE_URL;
    const unregister = registerIpc(ipc, backend, trustedFrame(appPage), () => [contents]);
    expect([...ipc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());

    const invoke = (channel: string, payload: unknown, url = appPage) => ipc.handlers.get(channel)?.({ senderFrame: { url } }, payload);
    expect(await invoke('status:get', {}, 'https://evil.example/index.html')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('untrusted frame') } });
    expect(await invoke('status:get', {}, 'file:///tmp/other.html')).toMatchObject({ ok: false });
    expect(await invoke('status:get', {}, 'app://clew/other.html')).toMatchObject({ ok: false });
    expect(await invoke('status:get', {}, 'app://clew.evil/index.html')).toMatchObject({ ok: false });
    expect(await invoke('status:get', {}, 'not a url')).toMatchObject({ ok: false });
    expect(await invoke('status:get', {}, `${appPage}#/search`)).toMatchObject({ ok: true });
    expect(await ipc.handlers.get('status:get')?.({ senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(await invoke('search:query', { query: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await invoke('search:query', null)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const indexed = await invoke('repo:index', { path: repo.path });
    expect(indexed).toMatchObject({ ok: true, value: { files: Object.keys(SAMPLE_REPO).length } });
    expect(sent.some((m) => m.channel === 'index:progress')).toBe(true);

    unregister();
    expect(ipc.handlers.size).toBe(0);
    const before = sent.length;
    await backend.invoke('repo:index', { path: repo.path });
    expect(sent.length).toBe(before);
  });

  it('answers an error result, never a throw, even when the Backend itself throws', async () => {
    const ipc = fakeIpcMain();
    const throwing = { invoke: () => Promise.reject(new Error('boom')), on: () => () => undefined };
    registerIpc(ipc, throwing, trustedFrame(APP_PAGE_URL), () => []);
    expect(await ipc.handlers.get('status:get')?.({ senderFrame: { url: APP_PAGE_URL } }, {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });
});
