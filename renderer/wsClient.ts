// The browser host's ClewApi: the same contract as the Electron preload, over the page's WebSocket.
// Requests sent while the socket is (re)connecting wait for it; a lost socket fails them as data.
import type { ClewApi, EventChannel, EventMap, InvokeChannel, Req, Res } from '../shared/contract.js';
import type { Result } from '../shared/result.js';
import { wsProtocols } from '../shared/wsAuth.js';

type Settle = (result: Result<unknown>) => void;
type AnyListener = (payload: EventMap[EventChannel]) => void;

const RECONNECT_MS = 1000;
const TOKEN_KEY = 'clew-token';

/**
 * The token from the URL fragment `#token=…` (which no HTTP request carries), then taken out of the
 * address bar; sessionStorage (this origin and tab only) keeps it for a reload.
 */
export function takeToken(): string {
  const fromUrl = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}`);
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** `token` is offered on each handshake as a subprotocol, never in the URL or a cookie. */
export function createWsApi(url: string, token: string, onConnection: (connected: boolean) => void = () => undefined): ClewApi {
  const pending = new Map<number, Settle>();
  const listeners = new Map<EventChannel, Set<AnyListener>>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket;

  const connect = (): void => {
    socket = new WebSocket(url, wsProtocols(token));
    socket.onopen = () => {
      onConnection(true);
      for (const frame of queue.splice(0)) socket.send(frame);
    };
    socket.onmessage = (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as { id?: number | null; result?: Result<unknown>; event?: EventChannel; payload?: unknown };
      if (data.event) {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload as EventMap[EventChannel]);
      } else if (typeof data.id === 'number' && data.result) {
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      }
    };
    socket.onclose = () => {
      onConnection(false);
      for (const settle of pending.values()) settle({ ok: false, error: { code: 'UNAVAILABLE', message: 'lost the connection to clew serve' } });
      pending.clear();
      setTimeout(connect, RECONNECT_MS);
    };
  };
  connect();

  return {
    host: { kind: 'browser' },
    invoke<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, req });
      return new Promise((resolve) => {
        pending.set(id, resolve as Settle);
        if (socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as AnyListener);
      return () => { set.delete(listener as AnyListener); };
    },
  };
}
