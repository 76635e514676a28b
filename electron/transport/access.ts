// Who may talk to the browser host: only this machine (127.0.0.1, checked Host and Origin against
// DNS rebinding) and only whoever holds the per-run token printed on stdout. The token travels in
// the URL fragment (never sent over HTTP) and then on the WebSocket handshake only: no cookie,
// because cookies ignore ports and every other service on 127.0.0.1 would receive it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = (): string => randomBytes(24).toString('base64url');

export function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function allowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers always send Origin on WebSocket upgrades; a page from anywhere else is refused. */
export function allowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
