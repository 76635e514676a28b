// Issue 12's two latency figures on the index-peers Go tree, without its 10-minute full index: save ->
// keyword-searchable through the watcher (trials 500 ms apart, so each pass starts on an idle writer), and
// the first keyword result after adding the tree to a running app (cancelled right after it).
// Run: npm run bench:index-peers once (it leaves its index in /tmp/clew-bench-peers/data), then
//   node --import tsx test/bench/watch-one-file.ts [--data /tmp/clew-bench-peers/data] [--trials 7] [--first]
// The index is copied first (the watcher's catch-up pass writes to it). Prints figures; asserts nothing.
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/core/backend.js';
import { unwrap } from '../../shared/result.js';
import { bringAppUp } from './indexPeers/appUp.js';
import { goTree } from './indexPeers/goTree.js';
import { rerunBuilt, runningBuilt } from './indexPeers/runBuilt.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: join(tmpdir(), 'clew-bench-peers', 'data') }, trials: { type: 'string', default: '7' }, first: { type: 'boolean', default: false }, source: { type: 'boolean', default: false } } });
if (!runningBuilt(import.meta.url)) await rerunBuilt(import.meta.url, 'bench-watch-one-file');
const WORK = join(tmpdir(), 'clew-bench-one-file');
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const sleep = (n: number): Promise<void> => new Promise((r) => setTimeout(r, n));
const root = goTree().root;
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function watched(): Promise<void> {
  const dataDir = join(WORK, 'data');
  cpSync(values.data, dataDir, { recursive: true });
  const backend = Backend.open({ dataDir, write: true, command: 'bench', watch: true, vectors: { mode: 'off' } });
  try {
    while (!unwrap(await backend.invoke('repo:list', {})).find((r) => r.path === root)?.watching) await sleep(100);
    await sleep(8000); // the watcher's catch-up pass after start
    const target = join(root, 'golang-x-tools/golang.org/x/tools/go/packages/packages.go');
    const original = readFileSync(target);
    const times: number[] = [];
    try {
      for (let i = 0; i < Number(values.trials); i++) {
        const token = `watchToken${Date.now()}x${i}`;
        const t0 = process.hrtime.bigint();
        appendFileSync(target, `\n// ${token}\n`);
        while (ms(t0) < 30_000 && unwrap(await backend.invoke('search:query', { query: token, mode: 'keyword', limit: 1 })).results.length === 0) await sleep(5);
        times.push(ms(t0));
        await sleep(500);
      }
    } finally {
      writeFileSync(target, original);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`save -> keyword-searchable, watched, packages.go (42 KB): ${times.map((t) => t.toFixed(0)).join(', ')} ms; p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms (load ${load()})`);
  } finally {
    await backend.close();
  }
}

async function firstResult(): Promise<void> {
  const backend = Backend.open({ dataDir: join(WORK, 'fresh'), write: true, command: 'bench', watch: true, vectors: { mode: 'off' } });
  try {
    await bringAppUp(backend, WORK);
    const started = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const run = backend.invoke('repo:index', { path: root });
    for (;;) {
      const r = await backend.invoke('search:query', { query: 'package', mode: 'keyword', limit: 1, repo: root });
      if (r.ok && r.value.results.length > 0) break;
      await sleep(50);
    }
    const cpu = process.cpuUsage(cpu0);
    console.log(`first keyword result after adding the tree: ${ms(started).toFixed(0)} ms, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU on all threads (load ${load()})`);
    await backend.invoke('repo:cancel', { repo: root });
    await run;
  } finally {
    await backend.close();
  }
}

if (values.first) await firstResult();
else await watched();
rmSync(WORK, { recursive: true, force: true });
