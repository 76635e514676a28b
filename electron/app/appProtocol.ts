// The app's pages are served from dist-renderer/ over a privileged app:// scheme rather than file://,
// so the page has a real origin, file:// keeps no extra privileges, and every response carries the CSP.
import { extname, resolve, sep } from 'node:path';
import { contentType } from '../transport/contentTypes.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clew';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before `ready`: standard (relative URLs, storage), secure (a secure context), fetchable. */
export const APP_SCHEME_PRIVILEGES = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }];

/** The file under `root` that an app:// URL names, or null for another host or a path that escapes root. */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // NUL never names a file; a backslash is a separator on Windows, so refuse it everywhere.
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(base + sep) ? file : null;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

function respond(status: number, body: Uint8Array | string, type: string): Response {
  const headers = { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status, headers });
}

/** The protocol handler: GET of a file under root, with its MIME type and the CSP; 404/405 otherwise. */
export function appProtocolHandler(root: string, readFile: ReadFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'method not allowed', 'text/plain; charset=utf-8');
    const file = resolveAppFile(root, request.url);
    if (!file) return respond(404, 'not found', 'text/plain; charset=utf-8');
    try {
      return respond(200, await readFile(file), contentType(extname(file)));
    } catch {
      return respond(404, 'not found', 'text/plain; charset=utf-8');
    }
  };
}
