// `clew serve`: the browser host. Serves the built renderer (public files) and the Backend over a
// WebSocket on 127.0.0.1 behind a per-run token; the first line of stdout is the URL whose fragment
// carries it (the page keeps it and offers it on the socket's handshake).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Backend, type BackendOptions } from './core/backend.js';
import { tokenFromProtocols } from '../shared/wsAuth.js';
import { allowedHost, allowedOrigin, newToken, sameToken } from './transport/access.js';
import { loadSite } from './transport/staticSite.js';
import type { BackendLike } from '../shared/contract.js';
import { createWebSocketTransport } from './transport/websocket.js';

export interface ServeOptions {
  /** 0 picks a free port. */
  port: number;
  rendererDir?: string;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The built renderer sits next to dist/ (bundled CLI) and next to electron/ (sources run by tsx). */
export const defaultRendererDir = (): string => fileURLToPath(new URL('../dist-renderer/', import.meta.url));

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'",
  ].join('; ');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

export async function startServer(backend: BackendLike, options: ServeOptions): Promise<RunningServer> {
  const site = loadSite(options.rendererDir ?? defaultRendererDir());
  const token = options.token ?? newToken();
  const transport = createWebSocketTransport(backend);
  let port = options.port;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHost(req, port)) return refuse(res, 403, 'forbidden host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const isPage = path === '/index.html';
    // The built UI holds no secret; only the socket needs the token, which HTTP requests never carry.
    const file = site.get(path);
    if (!file) return refuse(res, 404, 'not found');
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': isPage ? 'no-store' : 'private, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== '/ws' || !allowedHost(req, port) || !allowedOrigin(req, port) || !sameToken(tokenFromProtocols(req.headers['sec-websocket-protocol']), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    transport.accept(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      await transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ServeCommand extends Pick<BackendOptions, 'vectors' | 'embedder'> {
  port: number;
  dataDir: string;
}

/** Runs until SIGINT/SIGTERM; prints the URL first, then nothing else on stdout. */
export async function serveCommand(command: ServeCommand, out: (line: string) => void): Promise<number> {
  const backend = Backend.open({ dataDir: command.dataDir, write: true, command: 'clew serve', watch: true, vectors: command.vectors, embedder: command.embedder });
  try {
    const server = await startServer(backend, { port: command.port });
    out(server.url);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  } finally {
    await backend.close();
  }
}
