// The one way the renderer reaches the Backend: Electron's preload `window.api`, or in a browser a
// WebSocket client for the same contract (the token comes from the page URL's fragment).
import type { ClewApi, InvokeChannel, Req, Res } from '../shared/contract.js';
import type { ClewError } from '../shared/result.js';
import { createWsApi, takeToken } from './wsClient.js';

declare global {
  interface Window {
    api?: ClewApi;
  }
}

export class ApiError extends Error {
  constructor(readonly error: ClewError) {
    super(error.message);
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

/** Invokes and unwraps: errors arrive as data and are rethrown here as ApiError for the caller's catch. */
export async function call<C extends InvokeChannel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const result = await api().invoke(channel, req);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
