// Where the writer's Chroma sidecar listens, written in the data directory while it is ready, so
// readers (a second `clew search --mode semantic`, `clew status`) use it without the writer lock.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerAddress {
  url: string;
  /** The Chroma process. */
  pid: number | null;
  /** The process that runs it (the writer). */
  writerPid: number;
  version: string | null;
}

export const serverAddressFile = (dataDir: string): string => join(dataDir, 'vector-server.json');

/** Atomic, so a reader never sees half a file; a failure only costs readers the shortcut. */
export function writeServerAddress(dataDir: string, address: ServerAddress): void {
  const file = serverAddressFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(address));
    renameSync(temp, file);
  } catch {
    try { unlinkSync(temp); } catch { /* never written */ }
  }
}

/** Removes the file only if this process wrote it (a newer writer's address stays). */
export function clearServerAddress(dataDir: string): void {
  if (readServerAddress(dataDir)?.writerPid !== process.pid) return;
  try { unlinkSync(serverAddressFile(dataDir)); } catch { /* already gone */ }
}

export function readServerAddress(dataDir: string): ServerAddress | null {
  try {
    const raw = JSON.parse(readFileSync(serverAddressFile(dataDir), 'utf8')) as Partial<ServerAddress>;
    if (typeof raw.url !== 'string' || !/^http:\/\/127\.0\.0\.1:\d+$/.test(raw.url) || typeof raw.writerPid !== 'number') return null;
    return { url: raw.url, pid: typeof raw.pid === 'number' ? raw.pid : null, writerPid: raw.writerPid, version: typeof raw.version === 'string' ? raw.version : null };
  } catch {
    return null;
  }
}
