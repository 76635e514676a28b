// Issue 12, item 5: is the time left a first index shows within 2× of the truth after its first 5 seconds, on a real
// tree? Runs a first index IN PROCESS through the Backend (vectors off, from bundles as the app runs), keeps every
// progress event, and compares each one's estimate with the time the run really took from then on. Asserts nothing.
// Run: node --import tsx test/bench/index-eta.ts [--tree DIR] (default: the index-peers Go tree, ~10,800 files).
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/core/backend.js';
import type { IndexProgress } from '../../shared/types.js';
import { unwrap } from '../../shared/result.js';
import { bringAppUp } from './indexPeers/appUp.js';
import { goTree } from './indexPeers/goTree.js';
import { rerunBuilt, runningBuilt } from './indexPeers/runBuilt.js';

const { values } = parseArgs({ options: { tree: { type: 'string' }, source: { type: 'boolean', default: false } } });
if (!runningBuilt(import.meta.url)) await rerunBuilt(import.meta.url, 'bench-index-eta');

const root = values.tree ?? goTree().root;
const work = join(tmpdir(), 'clew-bench-eta');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

interface Reading { at: number; progress: IndexProgress }
const readings: Reading[] = [];
const backend = Backend.open({ dataDir: join(work, 'data'), write: true, command: 'bench', watch: false, vectors: { mode: 'off' } });
let totalMs = NaN;
try {
  await bringAppUp(backend, work);
  const started = performance.now();
  backend.on('index:progress', (progress) => {
    if (progress.repoPath === root) readings.push({ at: performance.now() - started, progress });
  });
  const report = unwrap(await backend.invoke('repo:index', { path: root }));
  totalMs = performance.now() - started;
  console.log(`# clew index-eta bench — ${new Date().toISOString()}: ${root}, ${report.files} files in ${(totalMs / 1000).toFixed(1)} s, ${readings.length} progress events`);
} finally {
  await backend.close();
  rmSync(work, { recursive: true, force: true });
}

// From 5 s on, while at least a second is left (the last second's ratio says nothing a person reads).
const judged = readings
  .filter((r) => r.at >= 5_000 && totalMs - r.at >= 1_000 && r.progress.phase !== 'done')
  .map((r) => ({ ...r, truth: (totalMs - r.at) / 1000 }));
const ratios = judged.flatMap((r) => (r.progress.etaSeconds === null ? [] : [r.progress.etaSeconds / r.truth]));
const within = ratios.filter((x) => x >= 0.5 && x <= 2).length;
const silent = judged.length - ratios.length;
console.log(`after 5 s: ${judged.length} events, ${ratios.length} with an estimate (${silent} without), ${within} within 2× of the truth`
  + ` (${((100 * within) / Math.max(1, ratios.length)).toFixed(1)}%); estimate / truth from ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)}`);
console.log('| at | phase | files | bytes | rate | estimate | truth | estimate / truth |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
// A row every few seconds: how the estimate moves over the run.
let next = 0;
for (const r of readings) {
  if (r.at < next) continue;
  next = r.at + Math.max(2_000, totalMs / 15);
  const p = r.progress;
  const truth = (totalMs - r.at) / 1000;
  const mb = (n: number): string => (n / 1048576).toFixed(1);
  console.log(`| ${(r.at / 1000).toFixed(1)} s | ${p.phase} | ${p.filesDone}/${p.filesTotal} | ${mb(p.bytesDone)}/${mb(p.bytesTotal)} MiB | ${mb(p.bytesPerSec)} MiB/s`
    + ` | ${p.etaSeconds === null ? '—' : `${p.etaSeconds} s`} | ${truth.toFixed(1)} s | ${p.etaSeconds === null ? '—' : (p.etaSeconds / truth).toFixed(2)} |`);
}
