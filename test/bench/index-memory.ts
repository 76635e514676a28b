// Issue 12's memory figures on their own: a full index in process through the Backend (watch on, vectors off,
// as the app runs), sampled for peak RSS and where it goes (anonymous / file-backed, by mapping), then the
// process left idle to see what it keeps. Runs from bundles like bench:index-peers.
// Each worker thread traces its own V8 heap (and a parse worker its tree-sitter heap) to a file the timeline reads.
// Run: node --import tsx test/bench/index-memory.ts [-- --tree DIR (default: the index-peers Go tree) --idle 30 --generate N]
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/core/backend.js';
import { unwrap } from '../../shared/result.js';
import { bringAppUp } from './indexPeers/appUp.js';
import { goTree } from './indexPeers/goTree.js';
import { rerunBuilt, runningBuilt } from './indexPeers/runBuilt.js';
import { generateCorpus } from './corpus.js';
import { describeSample, highWaterMark, MemorySampler } from './memorySampler.js';
import { describeThreads, latestByThread, startThreadTrace } from './threadMemory.js';

const { values } = parseArgs({ options: {
  tree: { type: 'string' }, idle: { type: 'string', default: '30' }, generate: { type: 'string' }, every: { type: 'string', default: '15' }, source: { type: 'boolean', default: false },
} });
if (!runningBuilt(import.meta.url)) await rerunBuilt(import.meta.url, 'bench-index-memory');

const WORK = join(tmpdir(), `clew-bench-memory-${process.pid}`);
mkdirSync(WORK, { recursive: true });
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let root: string;
if (values.generate) {
  root = join(WORK, 'tree');
  const n = Number(values.generate);
  // The watch bench's mix: 55% one language, the rest another (see corpus.ts).
  generateCorpus(root, Math.round(n * 0.55), n - Math.round(n * 0.55));
} else root = values.tree ?? goTree().root;
console.log(`# index-memory ${new Date().toISOString()}, node ${process.version}, load ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; tree ${root}; MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '(unset)'}`);

const traceFile = join(WORK, 'threads.trace');
startThreadTrace(traceFile, 2000);
const threads = (): string => describeThreads([...latestByThread(traceFile, 3000)]);
const sampler = new MemorySampler();
const backend = Backend.open({ dataDir: join(WORK, 'data'), write: true, command: 'bench', watch: true, vectors: { mode: 'off' } });
try {
  await bringAppUp(backend, WORK);
  console.log(`app up: ${describeSample(sampler.sample() ?? (() => { throw new Error('no /proc'); })())}`);
  const everyMs = Number(values.every) * 1000;
  const timeline = setInterval(() => {
    const s = sampler.sample();
    // This thread's V8 heap (the host's); the worker threads' are not visible from here.
    if (s) console.log(`  ${describeSample(s)}; host V8 heap ${mib(process.memoryUsage().heapTotal)}; ${threads()}`);
  }, everyMs);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = unwrap(await backend.invoke('repo:index', { path: root }));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timeline);
  console.log(`full index: ${report.files} files, ${report.symbols} symbols, ${(wall / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (all threads)`);
  const peak = sampler.peak;
  if (peak) console.log(`peak during the index: ${describeSample(peak, 10)}`);
  console.log(`highest of each part: anon ${mib(sampler.highest.anon)}, file ${mib(sampler.highest.file)}, shmem ${mib(sampler.highest.shmem)}; VmHWM ${mib(highWaterMark())}`);
  const idleMs = Number(values.idle) * 1000;
  for (let waited = 0; waited < idleMs; waited += 10_000) {
    await sleep(Math.min(10_000, idleMs - waited));
    const s = sampler.sample();
    if (s) console.log(`idle ${((waited + Math.min(10_000, idleMs - waited)) / 1000).toFixed(0)} s: ${describeSample(s)}; ${threads()}`);
  }
} finally {
  sampler.stop();
  await backend.close();
  rmSync(WORK, { recursive: true, force: true });
}
