// The app window: locked-down preferences, denied navigation and new windows, allowlisted links only.
import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../electron/app/window.js';
import { fakeBrowserWindow, fakeShell, type Log } from './fakes.js';

function setup() {
  const log: Log = [];
  const BrowserWindow = fakeBrowserWindow(log);
  const shell = fakeShell(log);
  const win = createMainWindow(BrowserWindow, shell, '/opt/clew/dist/preload.cjs', 'app://clew/index.html');
  return { log, shell, win: BrowserWindow.windows[0]!, returned: win };
}

describe('main window', () => {
  it('is sandboxed and isolated, without Node, webviews or insecure content, and loads the app page', () => {
    const { win, returned } = setup();
    expect(returned).toBe(win);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/opt/clew/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(win.loaded).toBe('app://clew/index.html');
  });

  it('denies every navigation, redirect and webview attachment', () => {
    const { win } = setup();
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) expect(win.webContents.emit(event), event).toBe(true);
  });

  it('denies every new window; an allowlisted https link goes to the browser, anything else nowhere', () => {
    const { win, shell } = setup();
    const open = win.webContents.openHandler!;
    expect(open({ url: 'https://github.com/acme/repo' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/phish' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://clew/index.html' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://github.com/acme/repo']);
  });
});
