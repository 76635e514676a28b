// Watch mode figures (printed, not asserted): save → keyword-searchable and save → semantically
// searchable through a real Backend with the Chroma sidecar; then a 100,000-file generated tree:
// full index time, peak memory, and the process's CPU while idle with the watcher on.
// Run: npm run bench:watch   (WATCH_BENCH_FILES=N to change the big tree's size)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../electron/core/backend.js';
import { call } from '../helpers/backend.js';
import { generateCorpus } from './corpus.js';

const TRIALS = 7;
const BIG = Number(process.env.WATCH_BENCH_FILES ?? 100_000);
const IDLE_MS = 30_000;

const log = (line: string): void => { process.stdout.write(`${line}\n`); };
const f = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number, everyMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await probe()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out: ${what}`);
}

const stats = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${f(s[Math.floor(s.length / 2)] ?? 0)} ms, min ${f(s[0] ?? 0)} ms, max ${f(s[s.length - 1] ?? 0)} ms (n=${s.length})`;
};

/** Save → searchable, on a 10,500-file corpus, watched, with vectors synced by the sidecar. */
async function latency(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'clew-watch-bench-repo-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'clew-watch-bench-data-'));
  const files = generateCorpus(root, Number(process.env.LATENCY_JAVA ?? 6000), Number(process.env.LATENCY_PY ?? 4500));
  const backend = Backend.open({ dataDir, write: true, command: 'watch-bench', watch: true, vectors: { mode: 'sidecar' } });
  try {
    const t0 = performance.now();
    await call(backend, 'repo:index', { path: root });
    log(`latency corpus: ${f(files)} files indexed in ${f((performance.now() - t0) / 1000, 1)} s; waiting for the first sync to drain…`);
    const drained = await call(backend, 'sync:wait', { timeoutMs: 20 * 60_000 });
    log(`  first sync drained: ${drained.drained} (${f(drained.sync.synced)} vectors)`);
    await until('the watcher to be live', async () => (await call(backend, 'repo:list', {}))[0]?.watching === true, 60_000, 50);
    await sleep(2000); // the watcher's catch-up pass after start has finished by now
    const keyword: number[] = [];
    const semantic: number[] = [];
    for (let i = 0; i < TRIALS; i++) {
      const token = `zebrafinch${i}quokka${Date.now() % 100000}`;
      const rel = `python/bench_edit_${i}.py`;
      const saved = performance.now();
      writeFileSync(join(root, rel), `def ${token}_handler(event):\n    """Routes the ${token} event."""\n    return event\n`);
      await until('keyword hit', async () => (await call(backend, 'search:query', { query: token, mode: 'keyword', limit: 5 })).results.some((h) => h.path === rel), 30_000, 5);
      keyword.push(performance.now() - saved);
      let top: string[] = [];
      const found = await until('semantic hit', async () => {
        const hits = (await call(backend, 'search:query', { query: `${token}_handler`, mode: 'semantic', limit: 10 })).results;
        top = hits.map((h) => `${h.path}:${h.score.toFixed(2)}`);
        return hits.some((h) => h.path === rel);
      }, 30_000, 20).then(() => true, () => false);
      if (found) semantic.push(performance.now() - saved);
      else {
        const sync = (await call(backend, 'status:get', {})).sync;
        log(`  trial ${i}: not semantically found within 30 s; top hits ${top.join(', ')}; sync pending ${sync.pending}, failed ${sync.failed}, last error ${sync.lastError ?? 'none'}`);
      }
      await sleep(300);
    }
    log(`save → keyword-searchable:    ${stats(keyword)}   target < 500 ms`);
    log(`save → semantically searchable: ${stats(semantic)}   target < 2,000 ms`);
  } finally {
    await backend.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The big tree: full index (vectors off: indexing alone), peak RSS, idle CPU with the watcher on. */
async function bigTree(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'clew-watch-bench-big-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'clew-watch-bench-bigdata-'));
  const g0 = performance.now();
  const files = generateCorpus(root, Math.round(BIG * 0.55), BIG - Math.round(BIG * 0.55));
  log(`big tree: ${f(files)} files generated in ${f((performance.now() - g0) / 1000, 1)} s`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  const backend = Backend.open({ dataDir, write: true, command: 'watch-bench', watch: true, vectors: { mode: 'off' } });
  let runsDone = 0;
  backend.on('index:progress', (p) => { if (p.phase === 'done') runsDone++; });
  try {
    const t0 = performance.now();
    const report = await call(backend, 'repo:index', { path: root });
    const indexMs = performance.now() - t0;
    log(`full index: ${f(report.files)} files, ${f(report.symbols)} symbols in ${f(indexMs / 1000, 1)} s (${f(report.files / (indexMs / 1000))} files/s; includes starting the watcher, which the reply waits for)`);
    log(`peak RSS of the whole process (host + engine + parse workers) during the index: ${f(peak / 2 ** 20)} MiB`);
    const w0 = performance.now();
    await until('the watcher to be live', async () => (await call(backend, 'repo:list', {}))[0]?.watching === true, 10 * 60_000, 100);
    log(`watcher live on ${f(files)} files after ${f((performance.now() - w0) / 1000, 1)} s more (its catch-up pass then re-walks the tree once)`);
    const c0 = performance.now();
    await until('the catch-up pass to end', () => Promise.resolve(runsDone >= 2), 10 * 60_000, 100);
    log(`the watcher's catch-up pass (re-walk, nothing changed) took ${f((performance.now() - c0) / 1000, 1)} s after that`);
    await sleep(2000);
    const cpu0 = process.cpuUsage();
    const i0 = performance.now();
    await sleep(IDLE_MS);
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - i0;
    const busy = (cpu.user + cpu.system) / 1000;
    log(`idle with watch on, ${f(wall / 1000, 0)} s: ${f(busy)} ms CPU = ${f((busy / wall) * 100, 2)}% of one core; RSS now ${f(process.memoryUsage().rss / 2 ** 20)} MiB, peak ${f(peak / 2 ** 20)} MiB`);
  } finally {
    clearInterval(sampler);
    await backend.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

log(`watch-bench on ${process.platform}/${process.arch}, Node ${process.versions.node}`);
if (!process.env.WATCH_BENCH_SKIP_LATENCY) await latency();
await bigTree();
