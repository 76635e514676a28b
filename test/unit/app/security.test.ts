// The security policy: the CSP's content, the openExternal allowlist and the header rewrite.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, openExternalSafely, withCsp } from '../../../electron/app/security.js';
import { fakeShell } from './fakes.js';

const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => { const [name, ...values] = d.trim().split(/\s+/); return [name!, values]; }));

describe('content security policy', () => {
  it('denies by default, runs scripts only from the app itself, and forbids eval, plugins, framing and remote connections', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('replaces any CSP a response carried, whatever its case, and keeps the other headers', () => {
    expect(withCsp({ 'content-security-policy': ['default-src *'], 'CONTENT-SECURITY-POLICY': 'x', Etag: '1' })).toEqual({ Etag: '1', 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('openExternal allowlist', () => {
  it('allows plain https links to allowlisted hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/some/repo')).toBe(true);
    expect(isAllowedExternalUrl('https://docs.trychroma.com/docs/overview')).toBe(true);
  });

  it.each([
    ['http, not https', 'http://github.com/'],
    ['a host not on the list', 'https://evil.example/'],
    ['a look-alike subdomain', 'https://github.com.evil.example/'],
    ['a subdomain of an allowed host', 'https://gist.github.com/'],
    ['credentials', 'https://user:pw@github.com/'],
    ['a non-default port', 'https://github.com:8443/'],
    ['file://', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['a custom scheme', 'smb://github.com/share'],
    ['not a URL', 'github.com'],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('opens only what the allowlist allows', () => {
    const shell = fakeShell([]);
    expect(openExternalSafely(shell, 'https://github.com/x')).toBe(true);
    expect(openExternalSafely(shell, 'https://evil.example/')).toBe(false);
    expect(shell.opened).toEqual(['https://github.com/x']);
  });
});
