// One writer per data directory: a lock file naming its holder; a stale one (dead pid) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { ClewFailure } from '../base/failure.js';

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

function readHolder(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, host: String(info.host ?? ''), command: String(info.command ?? ''), since: String(info.since ?? '') } : null;
  } catch {
    return null;
  }
}

/** The process holding the lock now, if it is alive (another host's holder is trusted); null when free. */
export function liveHolder(file: string): LockInfo | null {
  const holder = readHolder(file);
  return holder && (holder.host !== hostname() || alive(holder.pid)) ? holder : null;
}

export function acquireLock(file: string, command: string): DataDirLock {
  const info: LockInfo = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try { if (readHolder(file)?.pid === process.pid) unlinkSync(file); } catch { /* already gone */ }
        },
      };
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'EEXIST') throw ClewFailure.fromSystem(e, `cannot create lock ${file}`);
    }
    const holder = readHolder(file);
    // Another host's pid cannot be probed: trust its lock.
    if (holder && (holder.host !== info.host || alive(holder.pid))) {
      throw new ClewFailure('LOCKED', `data directory is in use by pid ${holder.pid} on ${holder.host} (${holder.command}, since ${holder.since}); stop it or use another --data-dir`);
    }
    try { unlinkSync(file); } catch { /* raced with another taker */ }
  }
  throw new ClewFailure('LOCKED', `could not acquire ${file}`);
}
