// A local HTTP server with the Hugging Face hub's URL layout (<repo>/resolve/<revision>/<file>) and
// headers: small files answer directly with ETag = git blob sha1; large ("LFS") files answer a HEAD
// with a 302 carrying X-Linked-Etag (sha256) and X-Linked-Size, then serve the bytes from /cdn/ with Range.
// Faults on demand: cut a body mid-way, serve other bytes than the hash says, 404.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';

export interface HubFault {
  /** Close the connection after this many body bytes, for the next `times` GETs of the file. */
  cutAfter?: number;
  times?: number;
  /** Serve these bytes while the headers describe the real file. */
  corruptWith?: Buffer;
  /** Send the body this many bytes every 20 ms (so a progress bar can be seen). */
  bytesPerTick?: number;
}

interface Served {
  bytes: Buffer;
  lfs: boolean;
  sha256: string;
  gitSha1: string;
}

const LFS_FROM = 1024;

export class LocalHub {
  readonly files = new Map<string, Served>();
  readonly faults = new Map<string, HubFault>();
  /** Every request, as "METHOD path range". */
  readonly log: string[] = [];
  private constructor(private readonly server: Server, readonly endpoint: string) {}

  static async start(): Promise<LocalHub> {
    let hub: LocalHub | null = null;
    const server = createServer((req, res) => hub?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hub = new LocalHub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return hub;
  }

  /** Publishes every file of `folder` as `<repo>@<revision>`; files from 1 KiB up are served as LFS files. */
  publish(repo: string, revision: string, folder: string, rename: Record<string, string> = {}): void {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    for (const path of walk(folder)) {
      const local = relative(folder, path).split('\\').join('/');
      const bytes = readFileSync(path);
      this.files.set(`/${repo}/resolve/${revision}/${rename[local] ?? local}`, {
        bytes, lfs: bytes.length >= LFS_FROM,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        gitSha1: createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex'),
      });
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent(new URL(req.url ?? '/', this.endpoint).pathname);
    this.log.push(`${req.method} ${path} ${req.headers.range ?? ''}`.trim());
    const cdn = path.startsWith('/cdn/');
    const key = cdn ? path.slice(4) : path;
    const file = this.files.get(key);
    if (!file) {
      res.writeHead(404, { 'X-Error-Code': 'EntryNotFound' }).end('Entry not found');
      return;
    }
    if (file.lfs && !cdn) {
      res.writeHead(302, { Location: `/cdn${key}`, 'X-Linked-Etag': `"${file.sha256}"`, 'X-Linked-Size': String(file.bytes.length), ETag: '"not-the-content-hash"' }).end();
      return;
    }
    const etag = file.lfs ? `"${file.sha256}"` : `"${file.gitSha1}"`;
    const fault = this.faults.get(key);
    const bytes = fault?.corruptWith ?? file.bytes;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start > bytes.length) {
      res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` }).end();
      return;
    }
    const body = bytes.subarray(start);
    const headers = { ETag: etag, 'Content-Length': String(body.length), 'Accept-Ranges': 'bytes', ...(range ? { 'Content-Range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` } : {}) };
    res.writeHead(range ? 206 : 200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (fault?.cutAfter !== undefined && (fault.times ?? 1) > 0 && fault.cutAfter < body.length) {
      fault.times = (fault.times ?? 1) - 1;
      // Half the body, then the socket goes: the client sees a body shorter than Content-Length.
      res.write(body.subarray(0, fault.cutAfter), () => res.destroy());
      return;
    }
    if (fault?.bytesPerTick) {
      const step = fault.bytesPerTick;
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(body.subarray(sent, sent + step));
        sent += step;
        if (sent >= body.length) {
          clearInterval(timer);
          res.end();
        }
      }, 20);
      return;
    }
    res.end(body);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
