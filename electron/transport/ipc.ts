// Electron IPC transport: one handler per contract channel, sender-frame checked, payloads validated
// by the Backend. Electron objects are injected (structural types) so the wiring is unit-testable.
import type { BackendLike } from '../../shared/contract.js';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/contract.js';
import { err } from '../../shared/result.js';

export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/** Registers every channel; returns a function that removes them all. */
export function registerIpc(ipcMain: IpcMainLike, backend: BackendLike, isTrustedFrame: (url: string) => boolean, targets: () => WebContentsLike[]): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedFrame(url)) return err('BAD_REQUEST', `refused ${channel} from untrusted frame ${url || '(none)'}`);
      // The Backend returns errors as data; this guard keeps even a bug in it from reaching the renderer as a throw.
      try {
        return await backend.invoke(channel, payload);
      } catch (e) {
        return err('INTERNAL', e instanceof Error ? e.message : String(e));
      }
    });
  }
  const unsubscribes = EVENT_CHANNELS.map((event) => backend.on(event, (payload) => {
    for (const contents of targets()) if (!contents.isDestroyed()) contents.send(event, payload);
  }));
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}

/** Only the app's own renderer page may call the Backend. */
export function trustedFrame(appUrl: string): (url: string) => boolean {
  const allowed = new URL(appUrl);
  return (url) => {
    try {
      const u = new URL(url);
      return u.protocol === allowed.protocol && u.host === allowed.host && u.pathname === allowed.pathname;
    } catch {
      return false;
    }
  };
}
