// The desktop shell's lifecycle, in order: single-instance lock → (ready) session hardening and the
// app:// protocol → Backend (data dir + lock → migrations → vector server → engine worker) → IPC →
// window; on quit the reverse: window → IPC → Backend.close() (drains the vector queue, bounded).
// Electron's objects are injected (structural types) so the order is unit-tested with fakes.
import type { BackendLike } from '../../shared/contract.js';
import type { IpcMainLike } from '../transport/ipc.js';
import { registerIpc, trustedFrame } from '../transport/ipc.js';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler, type ReadFile } from './appProtocol.js';
import { type DialogLike, registerHostIpc } from './hostIpc.js';
import { hardenSession, type SessionLike, type ShellLike } from './security.js';
import { createMainWindow, type WindowConstructor, type WindowLike } from './window.js';

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
  exit(code?: number): void;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: typeof APP_SCHEME_PRIVILEGES): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export interface BackendHandle extends BackendLike {
  /** Drains the vector queue (time-limited), stops the worker and the vector server, releases the lock. */
  close(): Promise<void>;
}

export interface ShellDeps {
  app: AppLike;
  protocol: ProtocolLike;
  /** Electron's `session` module: `defaultSession` is read only after `ready`. */
  session: { readonly defaultSession: SessionLike };
  ipcMain: IpcMainLike;
  dialog: DialogLike & { showErrorBox(title: string, content: string): void };
  shell: ShellLike;
  BrowserWindow: WindowConstructor;
}

export interface ShellOptions {
  /** The data directory (the CLI's default too, so both see the same index). */
  dataDir: string;
  /** The built renderer (dist-renderer/), served as app://clew/. */
  rendererDir: string;
  /** The built sandboxed preload (dist/preload.cjs). */
  preload: string;
  readFile: ReadFile;
  openBackend(dataDir: string): BackendHandle | Promise<BackendHandle>;
  /** The whole shutdown never takes longer than this, even if the Backend hangs. */
  stopTimeoutMs?: number;
}

export interface ShellHandle {
  /** Resolves true once the window is up, false if this is a second instance or boot failed. */
  readonly started: Promise<boolean>;
  /** Tears down in reverse order; idempotent. */
  stop(): Promise<void>;
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
  return Promise.race([work.catch((e: unknown) => console.error(`clew: shutdown: ${describe(e)}`)), limit]).finally(() => clearTimeout(timer));
}

export function startShell(deps: ShellDeps, options: ShellOptions): ShellHandle {
  const { app, protocol, ipcMain, dialog, shell, BrowserWindow } = deps;
  // A second launch only hands focus to the first (which gets 'second-instance').
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: Promise.resolve(false), stop: () => Promise.resolve() };
  }
  protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);

  let win: WindowLike | null = null;
  let backend: BackendHandle | null = null;
  const unregister: Array<() => void> = [];
  let stopping: Promise<void> | null = null;
  let exitCode = 0;

  const boot = (async () => {
    await app.whenReady();
    hardenSession(deps.session.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(options.rendererDir, options.readFile));
    backend = await options.openBackend(options.dataDir);
    const trusted = trustedFrame(APP_PAGE_URL);
    const open = backend;
    unregister.push(registerIpc(ipcMain, open, trusted, () => (win && !win.isDestroyed() ? [win.webContents] : [])));
    unregister.push(registerHostIpc(ipcMain, dialog, trusted));
    win = createMainWindow(BrowserWindow, shell, options.preload, APP_PAGE_URL);
  })();

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await boot.catch(() => undefined); // never tear down half of a boot still in progress
      const closing = backend;
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
      for (const off of unregister.splice(0).reverse()) off();
      backend = null;
      if (closing) await withTimeout(closing.close(), options.stopTimeoutMs ?? 15_000);
    })();
    return stopping;
  };

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Hold the quit until the Backend has shut down, then exit (app.exit emits no further events).
    event.preventDefault();
    void stop()
      .catch((e: unknown) => console.error(`clew: shutdown: ${describe(e)}`))
      .finally(() => app.exit(exitCode));
  });

  const started = boot.then(
    () => true,
    async (e: unknown) => {
      exitCode = 1;
      dialog.showErrorBox('Clew cannot start', describe(e));
      await stop();
      app.exit(1);
      return false;
    },
  );
  return { started, stop };
}
