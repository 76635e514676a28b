// Fakes of the Electron APIs the shell is given (the real Electron binary cannot run in CI). Each records
// what it was asked to do in one shared log, so tests can assert the order of boot and shutdown.
import type { InvokeEventLike } from '../../../electron/transport/ipc.js';
import type { WindowOptions } from '../../../electron/app/window.js';

export type Log = string[];

type Listener = (event: { preventDefault(): void }) => void;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  /** Emits an event with a preventable event object; returns whether a listener prevented it. */
  emit(event: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault: () => { prevented = true; } });
    return prevented;
  }
}

export class FakeApp extends FakeEmitter {
  exitCode: number | null = null;
  private resolveExit: (code: number) => void = () => undefined;
  readonly exited = new Promise<number>((resolve) => { this.resolveExit = resolve; });
  constructor(private readonly log: Log, private readonly primary = true) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    this.log.push('app:single-instance-lock');
    return this.primary;
  }
  whenReady(): Promise<void> {
    this.log.push('app:ready');
    return Promise.resolve();
  }
  quit(): void {
    this.log.push('app:quit');
    this.emit('will-quit');
  }
  exit(code = 0): void {
    this.log.push(`app:exit ${code}`);
    this.exitCode = code;
    this.resolveExit(code);
  }
}

export class FakeWebContents extends FakeEmitter {
  destroyed = false;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A BrowserWindow class bound to a log; `windows` holds every instance created. */
export function fakeBrowserWindow(log: Log) {
  return class FakeWindow {
    static readonly windows: FakeWindow[] = [];
    readonly webContents = new FakeWebContents();
    loaded: string | null = null;
    minimized = false;
    focused = false;
    destroyed = false;
    constructor(readonly options: WindowOptions) {
      log.push('window:create');
      FakeWindow.windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      log.push(`window:load ${url}`);
      this.loaded = url;
      return Promise.resolve();
    }
    isMinimized(): boolean { return this.minimized; }
    restore(): void { this.minimized = false; }
    focus(): void { this.focused = true; }
    isDestroyed(): boolean { return this.destroyed; }
    destroy(): void {
      log.push('window:destroy');
      this.destroyed = true;
      this.webContents.destroyed = true;
    }
  };
}

export type Handler = (event: InvokeEventLike, payload?: unknown) => Promise<unknown>;

export function fakeIpcMain(log: Log) {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, listener: Handler): void {
      log.push(`ipc:handle ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string): void {
      log.push(`ipc:remove ${channel}`);
      handlers.delete(channel);
    },
    /** Calls a handler as a frame at `url` would. */
    call(channel: string, url: string | null, ...payload: unknown[]): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler({ senderFrame: url === null ? null : { url } }, ...payload);
    },
  };
}

type Headers = Record<string, string | string[]>;
type HeadersListener = (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers }) => void) => void;

export function fakeSession(log: Log) {
  const state = {
    headers: null as HeadersListener | null,
    request: null as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
    check: null as ((contents: unknown, permission: string) => boolean) | null,
  };
  const defaultSession = {
    webRequest: {
      onHeadersReceived(listener: HeadersListener): void {
        log.push('session:csp');
        state.headers = listener;
      },
    },
    setPermissionRequestHandler(handler: NonNullable<typeof state.request>): void {
      log.push('session:permission-request');
      state.request = handler;
    },
    setPermissionCheckHandler(handler: NonNullable<typeof state.check>): void {
      log.push('session:permission-check');
      state.check = handler;
    },
  };
  return { state, defaultSession };
}

export function fakeProtocol(log: Log) {
  return {
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string }>): void {
      log.push(`protocol:privileged ${schemes.map((s) => s.scheme).join(',')}`);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
      log.push(`protocol:handle ${scheme}`);
      this.handlers.set(scheme, handler);
    },
  };
}

export function fakeDialog(log: Log, answer: { canceled: boolean; filePaths: string[] } | Error = { canceled: true, filePaths: [] }) {
  return {
    errors: [] as Array<{ title: string; content: string }>,
    opened: [] as Array<{ title: string; properties: string[] }>,
    showOpenDialog(options: { title: string; properties: Array<'openDirectory'> }): Promise<{ canceled: boolean; filePaths: string[] }> {
      log.push('dialog:open');
      this.opened.push(options);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    showErrorBox(title: string, content: string): void {
      log.push('dialog:error');
      this.errors.push({ title, content });
    },
  };
}

export function fakeShell(log: Log) {
  return {
    opened: [] as string[],
    openExternal(url: string): Promise<void> {
      log.push(`shell:open ${url}`);
      this.opened.push(url);
      return Promise.resolve();
    },
  };
}

/** Collapses runs of entries with the same first word ("ipc:handle a", "ipc:handle b" → "ipc:handle"). */
export function phases(log: Log): string[] {
  const out: string[] = [];
  for (const entry of log) {
    const phase = entry.startsWith('window:load') || entry.startsWith('app:exit') ? entry : entry.split(' ')[0]!;
    if (out[out.length - 1] !== phase) out.push(phase);
  }
  return out;
}
