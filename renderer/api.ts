// The one way the renderer reaches the Backend: Electron's preload `window.api`, or in a browser a
// WebSocket client for the same contract (the token comes from the page URL's fragment).
import { type ClewApi, type InvokeChannel, type Req, type Res, call as callOn } from '../shared/contract.js';
import { createWsApi, takeToken } from './wsClient.js';

declare global {
  interface Window {
    api?: ClewApi;
  }
}

let current: ClewApi | null = null;

export function connectApi(onConnection: (connected: boolean) => void): ClewApi {
  if (window.api) return (current = window.api);
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws`;
  return (current = createWsApi(url, takeToken(), onConnection));
}

export function api(): ClewApi {
  if (!current) throw new Error('connectApi() runs at boot before anything calls the Backend');
  return current;
}

/** Invokes and unwraps: errors arrive as data and are rethrown (a ResultError with its code) for the caller's catch. */
export const call = <C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Res<C>> => callOn(api(), channel, req);

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
