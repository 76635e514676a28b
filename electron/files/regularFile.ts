// Opens files that must be regular: with O_NONBLOCK, so opening a fifo cannot wait for a writer, then
// fstat of the opened descriptor (not the path: it may be swapped in between) refuses anything else.
// Reads have a time limit, so a stuck device or mount answers with an error instead of never.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';

/** Opening never blocks (fifos); regular files read as usual. Windows has no such flag and no fifos. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
export const DEFAULT_READ_TIMEOUT_MS = 10_000;

/** A path that exists but is a fifo, socket, device or folder. */
export class NotRegularFile extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly kind: string) {
    super(`not a regular file (${kind})`);
  }
}

/** A read that did not finish in time. */
export class ReadTimeout extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(ms: number) {
    super(`the read did not finish within ${ms} ms`);
  }
}

export function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isDirectory()) return 'folder';
  return 'special file';
}

export interface RegularRead {
  bytes: Buffer;
  stat: Stats;
}

async function openFirst(candidates: ReadonlyArray<string | Buffer>, extraFlags: number): Promise<FileHandle> {
  let last: unknown = null;
  for (const path of candidates) {
    try {
      return await open(path, READ_FLAGS | extraFlags);
    } catch (e) {
      last = e;
      if ((e as { code?: unknown }).code !== 'ENOENT') throw e;
    }
  }
  throw last ?? new Error('no path to open');
}

async function readOpened(handle: FileHandle, maxBytes: number): Promise<RegularRead> {
  const stat = await handle.stat();
  if (!stat.isFile()) throw new NotRegularFile(kindOf(stat));
  const length = Math.min(stat.size, maxBytes);
  const bytes = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(bytes, read, length - read, read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return { bytes: read === length ? bytes : bytes.subarray(0, read), stat };
}

/**
 * Reads up to `maxBytes` of the first candidate path that exists, if it is a regular file. Rejects
 * with NotRegularFile for anything else and ReadTimeout past `timeoutMs` (the descriptor is closed
 * whenever the stuck call returns).
 */
export async function readRegularFile(candidates: ReadonlyArray<string | Buffer>, maxBytes = Number.MAX_SAFE_INTEGER, timeoutMs = DEFAULT_READ_TIMEOUT_MS, extraFlags = 0): Promise<RegularRead> {
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => {
    const handle = await openFirst(candidates, extraFlags);
    try {
      return await readOpened(handle, maxBytes);
    } finally {
      await handle.close();
    }
  })();
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadTimeout(timeoutMs)), timeoutMs);
  });
  work.catch(() => undefined); // a read that fails after the time limit is nobody's error
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The synchronous form, for the walker's small files (ignore files, git config): no time limit. */
export function readRegularFileSync(path: string | Buffer, maxBytes = 1024 * 1024): Buffer {
  const fd = openSync(path, READ_FLAGS);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFile(kindOf(stat));
    const bytes = Buffer.alloc(Math.min(stat.size, maxBytes));
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
