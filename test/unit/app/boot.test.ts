// The desktop shell's lifecycle with fakes of Electron's APIs and a real Backend on a temp data dir:
// boot order, reverse shutdown, single instance, a failed boot, and the IPC it wires up.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_CHANNELS, HOST_PICK_FOLDER, INVOKE_CHANNELS } from '../../../shared/contract.js';
import { APP_PAGE_URL } from '../../../electron/app/appProtocol.js';
import { type BackendHandle, startShell } from '../../../electron/app/boot.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app/security.js';
import { openWriter } from '../../helpers/backend.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';
import { type Log, FakeApp, fakeBrowserWindow, fakeDialog, fakeIpcMain, fakeProtocol, fakeSession, fakeShell, phases } from './fakes.js';

function harness(options: { primary?: boolean; dialogAnswer?: { canceled: boolean; filePaths: string[] }; hangingClose?: boolean } = {}) {
  const log: Log = [];
  const data = tempDir();
  const renderer = tempDir();
  writeTree(renderer.path, { 'index.html': '<!doctype html><title>Clew</title>', 'assets/app.js': 'console.log(1)' });
  const app = new FakeApp(log, options.primary ?? true);
  const BrowserWindow = fakeBrowserWindow(log);
  const ipcMain = fakeIpcMain(log);
  const session = fakeSession(log);
  const protocol = fakeProtocol(log);
  const dialog = fakeDialog(log, options.dialogAnswer);
  const shell = fakeShell(log);
  const openBackend = (dataDir: string): BackendHandle => {
    log.push('backend:open');
    const backend = openWriter(dataDir, { command: 'Clew desktop app' });
    return {
      invoke: (channel, payload) => backend.invoke(channel, payload),
      on: (event, listener) => backend.on(event, listener),
      close: async () => {
        log.push('backend:close');
        await backend.close();
        if (options.hangingClose) await new Promise<never>(() => undefined); // closed, but never says so
        log.push('backend:closed');
      },
    };
  };
  const handle = startShell(
    { app, protocol, session, ipcMain, dialog, shell, BrowserWindow },
    { dataDir: data.path, rendererDir: renderer.path, preload: '/opt/clew/dist/preload.cjs', readFile, openBackend, stopTimeoutMs: options.hangingClose ? 100 : 15_000 },
  );
  const cleanup = (): void => { data.cleanup(); renderer.cleanup(); };
  return { log, app, BrowserWindow, ipcMain, session, protocol, dialog, shell, handle, data, cleanup };
}

describe('desktop shell lifecycle', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

  it('boots in order: single-instance lock → app:// scheme → ready → CSP and permissions → Backend → IPC → window', async () => {
    const h = harness();
    cleanups.push(h.cleanup, () => h.handle.stop());
    expect(await h.handle.started).toBe(true);
    expect(phases(h.log)).toEqual([
      'app:single-instance-lock',
      'protocol:privileged',
      'app:ready',
      'session:csp',
      'session:permission-request',
      'session:permission-check',
      'protocol:handle',
      'backend:open',
      'ipc:handle',
      'window:create',
      `window:load ${APP_PAGE_URL}`,
    ]);
    const handled = h.log.filter((l) => l.startsWith('ipc:handle ')).map((l) => l.slice('ipc:handle '.length));
    expect(handled.sort()).toEqual([...INVOKE_CHANNELS, ...HOST_CHANNELS].sort());
    expect(h.BrowserWindow.windows).toHaveLength(1);
  });

  it('quits in reverse on the last window closing: window → IPC → Backend (lock released) → exit 0', async () => {
    const h = harness();
    cleanups.push(h.cleanup);
    await h.handle.started;
    h.log.length = 0;
    h.app.emit('window-all-closed');
    expect(await h.app.exited).toBe(0);
    expect(phases(h.log)).toEqual(['app:quit', 'window:destroy', 'ipc:remove', 'backend:close', 'backend:closed', 'app:exit 0']);
    expect(h.ipcMain.handlers.size).toBe(0);
    // The data-dir lock is free again: another writer can open it.
    const again = openWriter(h.data.path);
    await again.close();
  });

  it('holds the quit until the Backend has closed, and stops once however often it is asked', async () => {
    const h = harness();
    cleanups.push(h.cleanup);
    await h.handle.started;
    const prevented = h.app.emit('will-quit');
    expect(prevented).toBe(true);
    await Promise.all([h.handle.stop(), h.handle.stop()]);
    await h.app.exited;
    expect(h.log.filter((l) => l === 'backend:close')).toHaveLength(1);
  });

  it('exits even when the Backend never finishes closing (bounded shutdown)', async () => {
    const h = harness({ hangingClose: true });
    cleanups.push(h.cleanup);
    await h.handle.started;
    h.app.quit();
    expect(await h.app.exited).toBe(0);
    expect(h.log).toContain('backend:close');
    expect(h.log).not.toContain('backend:closed');
  });

  it('a second instance quits at once and focuses the first one', async () => {
    const second = harness({ primary: false });
    cleanups.push(second.cleanup);
    expect(await second.handle.started).toBe(false);
    expect(second.log).toEqual(['app:single-instance-lock', 'app:quit']);

    const first = harness();
    cleanups.push(first.cleanup, () => first.handle.stop());
    await first.handle.started;
    const win = first.BrowserWindow.windows[0]!;
    win.minimized = true;
    first.app.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });

  it('a boot that fails (data dir locked by another process) says why, opens no window, and exits 1', async () => {
    const h = harness();
    cleanups.push(h.cleanup);
    // The harness's Backend opens after `ready`; take the lock first, as a running `clew index` would.
    const holder = openWriter(h.data.path, { command: 'clew index ~/src/big' });
    cleanups.push(() => holder.close());
    expect(await h.handle.started).toBe(false);
    expect(h.dialog.errors).toHaveLength(1);
    expect(h.dialog.errors[0]!.content).toContain('clew index ~/src/big');
    expect(h.app.exitCode).toBe(1);
    expect(h.BrowserWindow.windows).toHaveLength(0);
    expect(h.ipcMain.handlers.size).toBe(0);
  });

  it('serves the Backend to the app page only, with malformed payloads answered as errors', async () => {
    const h = harness({ dialogAnswer: { canceled: false, filePaths: ['/home/me/src/repo'] } });
    cleanups.push(h.cleanup, () => h.handle.stop());
    await h.handle.started;
    expect(await h.ipcMain.call('status:get', APP_PAGE_URL, {})).toMatchObject({ ok: true });
    expect(await h.ipcMain.call('status:get', 'https://evil.example/index.html', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await h.ipcMain.call('status:get', 'app://other/index.html', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await h.ipcMain.call('status:get', null, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    for (const bad of [null, 42, 'x', { query: 7 }, { query: 'a', mode: 'nope' }, [1, 2]]) {
      expect(await h.ipcMain.call('search:query', APP_PAGE_URL, bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(await h.ipcMain.call(HOST_PICK_FOLDER, APP_PAGE_URL)).toEqual({ ok: true, value: '/home/me/src/repo' });
    expect(await h.ipcMain.call(HOST_PICK_FOLDER, 'file:///tmp/x.html')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('serves the renderer over app:// with the CSP, and the session refuses permissions and adds the CSP', async () => {
    const h = harness();
    cleanups.push(h.cleanup, () => h.handle.stop());
    await h.handle.started;
    const serve = h.protocol.handlers.get('app')!;
    const page = await serve(new Request(APP_PAGE_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>Clew</title>');
    expect((await serve(new Request('app://clew/assets/app.js'))).headers.get('content-type')).toMatch(/^text\/javascript/);

    let headers: Record<string, string | string[]> | undefined;
    h.session.state.headers!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => { headers = r.responseHeaders; });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    let granted: boolean | undefined;
    h.session.state.request!(null, 'media', (g) => { granted = g; });
    expect(granted).toBe(false);
    expect(h.session.state.check!(null, 'notifications')).toBe(false);
  });
});
