// The browser host: the token in the URL fragment and on the socket's handshake (never a cookie),
// Host/Origin checks, CSP, the wire format, malformed input answered as errors, and the event stream.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { wsProtocols } from '../../shared/wsAuth.js';
import type { Backend } from '../../electron/core/backend.js';
import { type RunningServer, startServer } from '../../electron/serve.js';
import { openWriter } from '../helpers/backend.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(url: string, token: string | null, origin?: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, token === null ? [] : wsProtocols(token), { headers, ...(origin ? { origin } : {}) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Sends one frame and resolves with the next non-event reply. */
function exchange(ws: WebSocket, frame: string): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(data.toString()) as { id?: unknown; event?: string; result: { ok: boolean } };
      if (message.event) return;
      ws.off('message', onMessage);
      resolve(message as never);
    };
    ws.on('message', onMessage);
    ws.send(frame);
  });
}

describe('clew serve', () => {
  const site = tempDir('clew-site-');
  const data = tempDir('clew-data-');
  const repo = tempDir('clew-repo-');
  let backend: Backend;
  let server: RunningServer;

  beforeAll(async () => {
    writeTree(site.path, { 'index.html': '<!doctype html><title>Clew</title>', 'assets/app.js': 'console.log(1)' });
    writeTree(repo.path, SAMPLE_REPO);
    backend = openWriter(data.path);
    server = await startServer(backend, { port: 0, rendererDir: site.path });
  });
  afterAll(async () => {
    await server.close();
    await backend.close();
    [site, data, repo].forEach((d) => d.cleanup());
  });

  it('serves the built UI with a strict CSP and sets no cookie; the token is in the fragment only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Clew</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['set-cookie']).toBeUndefined();
    const asset = await get(server.port, '/assets/app.js');
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['set-cookie']).toBeUndefined();
    expect((await get(server.port, '/../../etc/passwd')).status).toBe(404);
  });

  it('refuses other Host names (DNS rebinding)', async () => {
    expect((await get(server.port, '/', { host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('refuses a socket without the token, with it in the URL or a cookie, or from another origin', async () => {
    const base = `ws://127.0.0.1:${server.port}/ws`;
    await expect(connect(base, null)).rejects.toThrow('403');
    await expect(connect(base, 'nope')).rejects.toThrow('403');
    await expect(connect(`${base}?token=${server.token}`, null)).rejects.toThrow('403');
    await expect(connect(base, null, undefined, { cookie: `clew_token_${server.port}=${server.token}` })).rejects.toThrow('403');
    await expect(connect(base, server.token, 'http://evil.example')).rejects.toThrow('403');
    const ws = await connect(base, server.token, `http://127.0.0.1:${server.port}`);
    // The answer names the protocol, never echoing the token back.
    expect(ws.protocol).toBe('clew');
    ws.close();
  });

  it('answers invokes, and malformed frames as errors without dropping the socket', async () => {
    const ws = await connect(`ws://127.0.0.1:${server.port}/ws`, server.token);
    try {
      expect(await exchange(ws, '{not json')).toMatchObject({ id: null, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
      expect(await exchange(ws, '[1,2]')).toMatchObject({ id: null, result: { ok: false } });
      expect(await exchange(ws, JSON.stringify({ id: 1, channel: 'shell:exec', req: {} }))).toMatchObject({ id: 1, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
      expect(await exchange(ws, JSON.stringify({ id: 2, channel: 'search:query', req: { query: 5 } }))).toMatchObject({ id: 2, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
      expect(await exchange(ws, JSON.stringify({ id: 'a', channel: 'repo:list', req: {} }))).toEqual({ id: 'a', result: { ok: true, value: [] } });
    } finally {
      ws.close();
    }
  });

  it('streams index progress to every page while indexing', async () => {
    const ws = await connect(`ws://127.0.0.1:${server.port}/ws`, server.token);
    const phases: string[] = [];
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { event?: string; payload?: { phase: string } };
      if (message.event === 'index:progress' && message.payload) phases.push(message.payload.phase);
    });
    try {
      const reply = await exchange(ws, JSON.stringify({ id: 3, channel: 'repo:index', req: { path: repo.path } }));
      expect(reply.result.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
      expect(phases).toContain('done');
    } finally {
      ws.close();
    }
  });
});
