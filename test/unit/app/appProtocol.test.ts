// The app:// handler: files under dist-renderer/ only, with MIME types and the CSP on every answer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, appProtocolHandler, resolveAppFile } from '../../../electron/app/appProtocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app/security.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';

describe('app:// protocol', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => { for (const c of cleanups.splice(0)) c(); });

  it('maps app://clew/ URLs to files under the root and nothing outside it', () => {
    const root = '/opt/Clew/resources/app.asar/dist-renderer';
    expect(resolveAppFile(root, APP_PAGE_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://clew/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://clew/assets/a%20b.js?x=1#y')).toBe(join(root, 'assets', 'a b.js'));
    // The URL parser folds literal and %2e dot segments back into the root; they never escape it.
    for (const url of ['app://clew/../index.html', 'app://clew/%2e%2e/%2e%2e/etc/passwd', 'app://clew/a/../../b']) {
      expect(resolveAppFile(root, url)?.startsWith(`${root}/`), url).toBe(true);
    }
    // Encoded slashes survive the parser, so the resolved path is checked against the root.
    for (const url of ['app://clew/assets/..%2f..%2f..%2fetc%2fpasswd', 'app://clew/..%5c..%5cwin.ini', 'app://other/index.html', 'file:///etc/passwd', 'app://clew/a%00b', 'app://clew/%E0%A4%A', 'nonsense']) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('answers GET with the file, its MIME type and the CSP; 404 for missing or outside files; 405 for other methods', async () => {
    const dir = tempDir();
    cleanups.push(dir.cleanup);
    writeTree(dir.path, { 'dist-renderer/index.html': '<!doctype html>', 'dist-renderer/assets/app.css': 'body{}', 'secret.txt': 'no' });
    const serve = appProtocolHandler(join(dir.path, 'dist-renderer'), readFile);
    const page = await serve(new Request(APP_PAGE_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html>');
    expect((await serve(new Request('app://clew/assets/app.css'))).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const missing = await serve(new Request('app://clew/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await serve(new Request('app://clew/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await serve(new Request(APP_PAGE_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
