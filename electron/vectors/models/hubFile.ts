// One file from a Hugging Face-style hub: its metadata (size and content hash from the headers the hub
// sets), then its bytes into a `.part` file that a cut connection resumes with an HTTP Range request.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync, unlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { ClewFailure } from '../../base/failure.js';

export interface HubFileMeta {
  url: string;
  size: number;
  /** sha256 for LFS files (X-Linked-Etag), git's blob sha1 for small ones (ETag). */
  hash: { algorithm: 'sha256' | 'git-sha1'; hex: string };
}

/** `W/"abc"` → `abc`, as huggingface_hub normalises an ETag. */
export function normalizeEtag(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
}

export function hashOfEtag(etag: string | null): HubFileMeta['hash'] | null {
  if (!etag) return null;
  const hex = normalizeEtag(etag);
  if (/^[0-9a-f]{64}$/.test(hex)) return { algorithm: 'sha256', hex };
  if (/^[0-9a-f]{40}$/.test(hex)) return { algorithm: 'git-sha1', hex };
  return null;
}

const offline = (url: string, e: unknown): ClewFailure => {
  const cause = (e as { cause?: { code?: string; message?: string } } | null)?.cause;
  return new ClewFailure('UNAVAILABLE', `cannot reach ${new URL(url).origin} (${cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e))}); nothing was changed`);
};

/** HEAD without following redirects: the hub puts X-Linked-Etag and X-Linked-Size on its redirect to the CDN. */
export async function hubFileMeta(url: string, signal?: AbortSignal): Promise<HubFileMeta> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'HEAD', redirect: 'manual', headers: { 'Accept-Encoding': 'identity' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (signal?.aborted) throw cancelled();
    throw offline(url, e);
  }
  if (res.status === 404) throw new ClewFailure('NOT_FOUND', `${url} is not on the hub (HTTP 404): the repository, revision or file does not exist there`);
  if (res.status === 401 || res.status === 403) throw new ClewFailure('UNAVAILABLE', `${url} refused the download (HTTP ${res.status}): the model may be gated or the endpoint needs a login`);
  if (res.status >= 400) throw new ClewFailure('UNAVAILABLE', `${url} answered HTTP ${res.status}`);
  const size = Number(res.headers.get('x-linked-size') ?? res.headers.get('content-length'));
  const hash = hashOfEtag(res.headers.get('x-linked-etag') ?? res.headers.get('etag'));
  if (!Number.isSafeInteger(size) || size < 0) throw new ClewFailure('UNAVAILABLE', `${url} did not say the file's size (no X-Linked-Size or Content-Length)`);
  if (!hash) throw new ClewFailure('UNAVAILABLE', `${url} gave no content hash (X-Linked-Etag or ETag): the file cannot be checked, so it is not downloaded`);
  return { url, size, hash };
}

export const cancelled = (): ClewFailure => new ClewFailure('UNAVAILABLE', 'the download was cancelled; what was fetched is kept and a new download resumes it');

async function hashFile(path: string, algorithm: HubFileMeta['hash']['algorithm']): Promise<string> {
  const hash = createHash(algorithm === 'sha256' ? 'sha256' : 'sha1');
  // git hashes a blob as "blob <size>\0<bytes>": small files' ETag on the hub is that id.
  if (algorithm === 'git-sha1') hash.update(`blob ${statSync(path).size}\u0000`);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

export interface FetchOptions {
  signal?: AbortSignal;
  /** Bytes of this file on disk so far (called often). */
  onBytes: (done: number) => void;
  /** Attempts after a dropped connection, each resuming where the last stopped. */
  retries?: number;
}

/** One GET into `part`, resuming from its size; resolves when the body ended, throws when the connection dropped. */
async function fetchInto(meta: HubFileMeta, part: string, options: FetchOptions): Promise<void> {
  let offset = sizeOf(part);
  if (offset > meta.size) {
    unlinkSync(part);
    offset = 0;
  }
  if (offset === meta.size) return;
  let res: Response;
  try {
    res = await fetch(meta.url, { headers: { 'Accept-Encoding': 'identity', ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}) }, ...(options.signal ? { signal: options.signal } : {}) });
  } catch (e) {
    if (options.signal?.aborted) throw cancelled();
    throw offline(meta.url, e);
  }
  if (res.status === 404) throw new ClewFailure('NOT_FOUND', `${meta.url} is not on the hub (HTTP 404)`);
  if (res.status !== 200 && res.status !== 206) throw new ClewFailure('UNAVAILABLE', `${meta.url} answered HTTP ${res.status}`);
  // 200 to a Range request: the server sent the whole file, so start over.
  const append = res.status === 206 && offset > 0;
  const file = await open(part, append ? 'a' : 'w');
  let done = append ? offset : 0;
  try {
    if (!res.body) throw new Error('empty response body');
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      await file.write(chunk.value);
      done += chunk.value.byteLength;
      options.onBytes(done);
    }
  } finally {
    await file.close();
  }
}

/** Fetches the file into `part` (resuming), checks size and hash, and returns; a bad file is deleted, never kept. */
export async function downloadHubFile(meta: HubFileMeta, part: string, options: FetchOptions): Promise<void> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchInto(meta, part, options);
      // A body that ended before the file did is a dropped connection too.
      if (sizeOf(part) >= meta.size) break;
      throw new Error(`the body ended at ${sizeOf(part)} of ${meta.size} bytes`);
    } catch (e) {
      if (options.signal?.aborted) throw cancelled();
      if (e instanceof ClewFailure || attempt >= retries) throw e instanceof ClewFailure ? e : new ClewFailure('UNAVAILABLE', `${meta.url}: the connection dropped ${attempt + 1} times (${e instanceof Error ? e.message : String(e)}); what was fetched is kept and a new download resumes it`);
      // A dropped connection: wait a little, then ask for the rest.
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
    }
  }
  const size = sizeOf(part);
  const hash = await hashFile(part, meta.hash.algorithm);
  if (size !== meta.size || hash !== meta.hash.hex) {
    unlinkSync(part);
    const what = size !== meta.size ? `${size} bytes where the hub says ${meta.size}` : `${meta.hash.algorithm} ${hash} where the hub says ${meta.hash.hex}`;
    throw new ClewFailure('CORRUPT', `${meta.url} arrived damaged (${what}); it was deleted, nothing else changed — try the download again`);
  }
}
