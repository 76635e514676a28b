// The one app window: locked-down web preferences, no navigation, no new windows, and links to
// allowlisted https sites handed to the user's browser.
import { openExternalSafely, type ShellLike } from './security.js';

export interface NavigationEventLike {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface WindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    webSecurity: true;
    webviewTag: false;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    disableBlinkFeatures: string;
    spellcheck: boolean;
  };
}

export type WindowConstructor = new (options: WindowOptions) => WindowLike;

/** Every navigation away from the loaded page, and every new window, is refused. */
export function lockNavigation(contents: WebContentsLike, shell: ShellLike): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
}

/** Creates the window and loads the app page; `BrowserWindow` is Electron's, injected. */
export function createMainWindow(BrowserWindow: WindowConstructor, shell: ShellLike, preload: string, pageUrl: string): WindowLike {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Clew',
    show: true,
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK -- the sandboxed preload exposes only the contract's verbs (electron/app/preloadApi.ts)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  lockNavigation(win.webContents, shell);
  win.loadURL(pageUrl).catch((e: unknown) => console.error(`clew: cannot load ${pageUrl}: ${e instanceof Error ? e.message : String(e)}`));
  return win;
}
