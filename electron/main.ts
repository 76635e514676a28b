// Electron boot, kept thin: data dir + lock → migrations (Backend.open) → IPC → window; reverse on quit.
import { app, BrowserWindow, ipcMain, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Backend } from './core/backend.js';
import { registerIpc, trustedFrame } from './transport/ipc.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const pageUrl = pathToFileURL(join(here, '..', 'dist-renderer', 'index.html')).href;

if (!app.requestSingleInstanceLock()) app.quit();
else {
  let backend: Backend | null = null;
  let unregister: (() => void) | null = null;

  const createWindow = (): BrowserWindow => {
    const win = new BrowserWindow({
      width: 1280,
      height: 800,
      title: 'Clew',
      webPreferences: { preload: join(here, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    // Navigation and new windows are denied; https links open in the browser.
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    void win.loadURL(pageUrl);
    return win;
  };

  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.whenReady().then(() => {
    backend = Backend.open({ dataDir: app.getPath('userData'), write: true, command: 'Clew desktop' });
    unregister = registerIpc(ipcMain, backend, trustedFrame(pageUrl), () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    createWindow();
  }).catch((e: unknown) => {
    console.error(e);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!backend) return;
    event.preventDefault();
    unregister?.();
    const closing = backend;
    backend = null;
    void closing.close().finally(() => app.exit(0));
  });
}
