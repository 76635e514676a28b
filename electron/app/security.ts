// The app's security policy as data: the CSP, the openExternal allowlist, and the session hardening.
// Electron objects are injected as structural types so the policy is unit-testable.

/** Scripts and styles only from the app's own origin; no eval, no plugins, no framing, no remote connections. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The only sites a link in the app may open in the user's browser (exact host, https only). */
export const EXTERNAL_HOSTS: readonly string[] = ['github.com', 'docs.trychroma.com', 'www.electronjs.org', 'tree-sitter.github.io'];

/** True only for a plain https URL (no credentials, default port) on an allowlisted host. */
export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.port === '' && parsed.username === '' && parsed.password === '' && hosts.includes(parsed.hostname);
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens an allowlisted URL in the browser; anything else is refused (and reported by the result). */
export function openExternalSafely(shell: ShellLike, url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url).catch(() => undefined); // eng-disable OPEN_EXTERNAL_JS_CHECK -- the URL passed isAllowedExternalUrl just above
  return true;
}

type Headers = Record<string, string | string[]>;

/** Response headers with our CSP replacing any the response carried. */
export function withCsp(headers: Headers | undefined): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

export interface SessionLike {
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Every response gets the CSP header; every permission (camera, notifications, …) is refused. */
export function hardenSession(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withCsp(details.responseHeaders) }));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
