// The preload exposes the contract's verbs only — never ipcRenderer — and every subscription
// returns its unsubscribe.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ClewApi, EventChannel, EventMap, InvokeChannel, Req } from '../shared/contract.js';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/contract.js';

const api: ClewApi = {
  host: { kind: 'electron' },
  invoke(channel: InvokeChannel, req: Req<InvokeChannel>) {
    if (!(INVOKE_CHANNELS as readonly string[]).includes(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'BAD_REQUEST', message: `unknown channel ${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, req);
  },
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void) {
    if (!(EVENT_CHANNELS as readonly string[]).includes(event)) return () => undefined;
    const wrapped = (_e: IpcRendererEvent, payload: EventMap[E]): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => { ipcRenderer.removeListener(event, wrapped); };
  },
} as ClewApi;

contextBridge.exposeInMainWorld('api', api);
