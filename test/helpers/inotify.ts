// Counts this process's inotify watches: each inotify fd's fdinfo lists one "inotify wd:" line per watch (Linux).
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

export function inotifyWatchCount(): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // the fd readdir itself used, closed by now
    }
    if (target !== 'anon_inode:inotify') continue;
    count += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').filter((l) => l.startsWith('inotify wd:')).length;
  }
  return count;
}
