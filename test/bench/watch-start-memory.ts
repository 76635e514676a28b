// Issue 12: what starting the repo watcher costs on a tree (live heap, RSS, inotify watches, time).
// Run: node --expose-gc --import tsx test/bench/watch-start-memory.ts [--root ~/.cache/clew-bench/index-peers/go-tree]
// Prints figures; asserts nothing.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RepoWatcher } from '../../electron/engine/watch/repoWatcher.js';
import { inotifyWatchCount } from '../helpers/inotify.js';

const { values } = parseArgs({ options: { root: { type: 'string', default: join(homedir(), '.cache/clew-bench/index-peers/go-tree') } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const settle = async (): Promise<NodeJS.MemoryUsage> => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage();
};
const mib = (n: number): string => (n / 2 ** 20).toFixed(1);

const before = await settle();
const watcher = new RepoWatcher(values.root, () => undefined);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await watcher.start();
const cpu = process.cpuUsage(cpu0);
const startMs = performance.now() - t0;
const after = await settle();
console.log(`watcher start on ${values.root}: ${startMs.toFixed(0)} ms (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU), ` +
  `+${mib(after.heapUsed - before.heapUsed)} MiB live heap, +${mib(after.rss - before.rss)} MiB RSS, ${inotifyWatchCount()} inotify watches`);
await watcher.stop();
