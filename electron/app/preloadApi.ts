// What the preload exposes as window.api: the contract's verbs, the host's capabilities, and nothing
// else — never ipcRenderer itself. Electron's ipcRenderer and webUtils are injected for testing.
import type { ClewApi, EventChannel, EventMap, InvokeChannel, Req, Res } from '../../shared/contract.js';
import { HOST_PICK_FOLDER, isEventChannel, isInvokeChannel } from '../../shared/contract.js';
import { err, type Result, unwrap } from '../../shared/result.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

/** The main process answers with a Result; anything else (a transport failure) becomes an error result. */
function asResult<T>(value: unknown): Result<T> {
  if (typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean') return value as Result<T>;
  return err('INTERNAL', 'malformed answer from the main process');
}

export function createPreloadApi(ipcRenderer: IpcRendererLike, webUtils: WebUtilsLike): ClewApi {
  return {
    host: {
      kind: 'electron',
      async pickFolder() {
        return unwrap(asResult<string | null>(await ipcRenderer.invoke(HOST_PICK_FOLDER)));
      },
      // An empty string means the object is not a file from disk (or not a File at all).
      pathForFile(file: object) {
        try {
          return webUtils.getPathForFile(file as File);
        } catch {
          return '';
        }
      },
    },
    async invoke<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
      if (!isInvokeChannel(channel)) return err('BAD_REQUEST', `unknown channel ${String(channel)}`);
      try {
        return asResult<Res<C>>(await ipcRenderer.invoke(channel, req));
      } catch (e) {
        return err('INTERNAL', e instanceof Error ? e.message : String(e));
      }
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (!isEventChannel(event) || typeof listener !== 'function') return () => undefined;
      // The IPC event (with its sender) never reaches the page: only the payload does.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload as EventMap[E]);
      ipcRenderer.on(event, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  };
}
