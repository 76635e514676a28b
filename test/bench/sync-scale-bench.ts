// The vector side at repository scale (issue 12 item 6), with the real built CLI, the real Chroma
// server and the default clew-hash-v1 embedder. Prints figures side by side; asserts nothing.
//   1. a first index of one tree with the vectors off (`clew --no-sync index`) and with the sync
//      alongside (`clew index`, no --wait-sync), each a real child process timed by /usr/bin/time
//   2. the sync draining every vector of that index (>= 130k on the Go tree) into an empty collection,
//      with the rate per slice of the fill (the server slows as the collection grows) and where the time goes
//   3. keyword search while the sync drains, as the app runs both (a Backend: search workers, the engine's sync
//      thread, the Chroma sidecar), against the same queries with the sync paused
// Run: npm run bench:sync-scale [-- --tree DIR] [--data DIR (skip 1: drain DIR's clew.db, copied)]
//        [--drain-only] [--units N (fill only the first N)] [--hnsw construction_ef=64,M=32 (graph of the filled collection)]
//        [--recall-sample 500] [--batch N] [--skip-search] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/core/backend.js';
import { openWrite, type WriteDb } from '../../electron/db/connection.js';
import { SyncLoop, type SyncLoopOptions } from '../../electron/engine/sync/syncLoop.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { DEFAULT_EMBEDDER_ID, HASH_DEFAULT_DIMENSION, HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { collectionMetadata, collectionName } from '../../electron/vectors/generations.js';
import type { EmbedderPort } from '../../electron/vectors/ports.js';
import { unwrap } from '../../shared/result.js';
import { readyPid, startSidecar } from '../helpers/chroma.js';
import { pendingIndexCopy } from './pendingIndexCopy.js';

const CLI = join(process.cwd(), 'dist/cli.js');

const { values } = parseArgs({
  options: {
    tree: { type: 'string', default: join(homedir(), '.cache/clew-bench/index-peers/go-tree') },
    data: { type: 'string' },
    'drain-only': { type: 'boolean', default: false },
    batch: { type: 'string' },
    units: { type: 'string' },
    hnsw: { type: 'string' },
    'recall-sample': { type: 'string', default: '500' },
    'skip-search': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const WORK = mkdtempSync(join(tmpdir(), 'clew-sync-scale-'));
const LOOP_OPTIONS: SyncLoopOptions = values.batch ? { batchSize: Number(values.batch) } : {};
const SLICE_MS = 10_000;
const log = (line = ''): void => console.log(line);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const s = (ms: number): string => (ms / 1000).toFixed(1);
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

/** CPU seconds a process has used so far (Linux /proc). */
function processCpuSeconds(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
const selfCpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface CliRun { wallS: number; cpuS: number; durationMs: number; units: number }

/** `clew index` as a person runs it, timed by /usr/bin/time (CPU includes the Chroma child it waited for). */
function indexChild(dataDir: string, tree: string, sync: boolean): CliRun {
  const timeFile = join(WORK, 'time.txt');
  const args = ['-f', '%e %U %S', '-o', timeFile, process.execPath, CLI, '--data-dir', dataDir, '--json', ...(sync ? [] : ['--no-sync']), 'index', tree];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`clew index failed: ${r.stderr}`);
  const [wall, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  const report = JSON.parse(r.stdout) as { durationMs: number; units: number };
  return { wallS: wall ?? NaN, cpuS: (user ?? NaN) + (sys ?? NaN), durationMs: report.durationMs, units: report.units };
}

const countWhere = (db: WriteDb, where: string): number => db.prepare(`SELECT count(*) FROM text_units WHERE ${where}`).pluck().get() as number;

function benchIndex(tree: string): string {
  log(`\n## 1. First index of ${tree}: vectors off vs the sync alongside (real CLI children)`);
  const alone = join(WORK, 'alone');
  const along = join(WORK, 'alongside');
  log(`load before: ${load()}`);
  const a = indexChild(alone, tree, false);
  log(`--no-sync index: ${s(a.wallS * 1000)} s wall, ${a.cpuS.toFixed(1)} s CPU, index ${s(a.durationMs)} s, ${int(a.units)} text units (load ${load()})`);
  const b = indexChild(along, tree, true);
  const db = openWrite(join(along, 'clew.db'));
  const pending = countWhere(db, 'synced_hash IS NOT content_hash');
  const synced = countWhere(db, 'synced_hash IS content_hash');
  db.close();
  log(`index with the sync alongside: ${s(b.wallS * 1000)} s wall, ${b.cpuS.toFixed(1)} s CPU, index ${s(b.durationMs)} s; returned with ${int(synced)} synced, ${int(pending)} pending (load ${load()})`);
  log(`ratio alongside / alone: wall ${(b.wallS / a.wallS).toFixed(2)}x, index ${(b.durationMs / a.durationMs).toFixed(2)}x, CPU ${(b.cpuS / a.cpuS).toFixed(2)}x (target <= 1.2x)`);
  return alone;
}

/** Times the embedder without changing what it does. */
class TimedEmbedder implements EmbedderPort {
  ms = 0;
  constructor(private readonly inner: EmbedderPort) {}
  get id(): string { return this.inner.id; }
  get dimension(): number { return this.inner.dimension; }
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const t0 = performance.now();
    try {
      return await this.inner.embed(texts);
    } finally {
      this.ms += performance.now() - t0;
    }
  }
}

/** A random sample of synced vectors, each queried by its own stored embedding: found in its top 10? (the graph's quality) */
async function selfRecall(db: WriteDb, store: ChromaStore, collection: string, sample: number): Promise<{ sampled: number; found: number }> {
  const ids = db.prepare<[number], string>('SELECT vector_id FROM text_units WHERE synced_at IS NOT NULL ORDER BY random() LIMIT ?').pluck().all(sample);
  let found = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const stored = await store.getEmbeddings(collection, ids.slice(i, i + 100));
    const hits = await store.queryMany(collection, stored.map((v) => v.embedding), 10);
    stored.forEach((v, j) => { if (hits[j]?.some((h) => h.id === v.id)) found++; });
  }
  return { sampled: ids.length, found };
}

async function benchDrain(fromDataDir: string): Promise<void> {
  log(`\n## 2. Sync throughput at scale: every vector of ${fromDataDir} into an empty collection`);
  // Every row pending, no generation yet: the fill starts from an empty collection.
  // --units: only the first N rows are filled (the rest count as synced and are never sent).
  const dataDir = pendingIndexCopy(fromDataDir, join(WORK, 'drain'), values.units ? Number(values.units) : undefined);
  const db = openWrite(join(dataDir, 'clew.db'));
  const total = countWhere(db, 'synced_hash IS NOT content_hash');
  const { sidecar, url } = await startSidecar(dataDir);
  const real = new ChromaStore(url);
  // --hnsw: the collection Clew will fill, made beforehand with other graph settings (Clew opens it as it is).
  const graph = Object.fromEntries((values.hnsw ?? '').split(',').filter(Boolean).map((kv) => [`hnsw:${kv.split('=')[0]}`, Number(kv.split('=')[1])]));
  const metadata = { ...collectionMetadata({ generation: 1, embedderId: DEFAULT_EMBEDDER_ID, dimension: HASH_DEFAULT_DIMENSION }), ...graph };
  if (values.hnsw) await real.ensureCollection(collectionName(1, DEFAULT_EMBEDDER_ID), metadata);
  log(`collection graph: ${JSON.stringify(Object.fromEntries(Object.entries(metadata).filter(([k]) => k.startsWith('hnsw:'))))}`);
  // Time with at least one upsert in flight (several may overlap: counted once).
  let upsertMs = 0;
  let busySince = 0;
  let sent = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const store = Object.assign(Object.create(real) as ChromaStore, {
    upsert: async (name: string, items: Parameters<ChromaStore['upsert']>[1]): Promise<void> => {
      if (inFlight === 0) busySince = performance.now();
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        await real.upsert(name, items);
      } finally {
        if (--inFlight === 0) upsertMs += performance.now() - busySince;
        sent += items.length;
      }
    },
  });
  const embedder = new TimedEmbedder(new HashEmbedder());
  const loop = new SyncLoop(db, embedder, LOOP_OPTIONS);
  const serverPid = readyPid(sidecar.status());
  const server0 = processCpuSeconds(serverPid);
  const self0 = selfCpuSeconds();
  log(`${int(total)} vectors pending; Chroma ${await real.version()} at ${url}; batch ${LOOP_OPTIONS.batchSize ?? 'default'}; load ${load()}`);
  const slices: string[] = [];
  let lastSent = 0;
  let lastAt = performance.now();
  const sampler = setInterval(() => {
    const at = performance.now();
    slices.push(`${int(lastSent)}-${int(sent)}: ${int(((sent - lastSent) * 1000) / (at - lastAt))}/s`);
    lastSent = sent;
    lastAt = at;
  }, SLICE_MS);
  const t0 = performance.now();
  loop.setStore(store);
  const drained = await loop.drain(60 * 60_000);
  const wallMs = performance.now() - t0;
  clearInterval(sampler);
  const serverCpu = (processCpuSeconds(serverPid) ?? NaN) - (server0 ?? NaN);
  const selfCpu = selfCpuSeconds() - self0;
  await loop.stop();
  const synced = total - countWhere(db, 'synced_hash IS NOT content_hash');
  const collection = db.prepare("SELECT collection FROM vector_generations WHERE state = 'active'").pluck().get() as string;
  const count = await real.count(collection);
  const recall = await selfRecall(db, real, collection, Number(values['recall-sample']));
  db.close();
  await sidecar.stop();
  log(`drained: ${drained}; ${int(synced)} synced in ${s(wallMs)} s = ${int((synced * 1000) / wallMs)} vectors/s (target >= 2,000/s); collection holds ${int(count)}`);
  log(`rate per ${SLICE_MS / 1000} s slice (vectors sent so far): ${slices.join('; ')}`);
  // Embedding runs while an upsert is in flight (pipelined): what is not upsert time is the server waiting for the client.
  const serverIdle = wallMs - upsertMs;
  log(`where the time goes: upsert in flight (client encoding + HTTP + server) ${s(upsertMs)} s (${Math.round((100 * upsertMs) / wallMs)}% of the wall), no upsert in flight ${s(serverIdle)} s; embedding ${s(embedder.ms)} s in all (overlaps the upserts); at most ${maxInFlight} upsert(s) in flight`);
  log(`self-recall: ${recall.found} of ${recall.sampled} random synced vectors are in the top 10 for their own embedding`);
  log(`CPU: Chroma server ${serverCpu.toFixed(1)} s (${((serverCpu * 1000) / synced).toFixed(2)} ms per vector), bench process (embed, SQLite, client) ${selfCpu.toFixed(1)} s, over ${s(wallMs)} s wall on ${cpus().length} cores; load after ${load()}`);
}

const SEARCH_QUERIES = ['Context', 'NewClient', 'err', 'Marshal', 'ReadFile', 'mutex', 'parse config', 'TODO', 'Unmarshal', 'http.Request',
  'ServeHTTP', 'json', 'WriteHeader', 'io.Reader', 'sync.Mutex', 'goroutine', 'retry', 'timeout', 'NewServer', 'Close'];
const percentile = (sorted: number[], p: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN).toFixed(1);

async function benchSearchDuringDrain(fromDataDir: string): Promise<void> {
  log('\n## 3. Keyword search while the sync drains (a Backend as the app runs it), against the sync paused');
  const dataDir = pendingIndexCopy(fromDataDir, join(WORK, 'search'));
  const { sidecar, url } = await startSidecar(join(WORK, 'search-chroma'));
  const backend = Backend.open({ dataDir, write: true, command: 'bench', watch: false, vectors: { mode: 'external', url } });
  const db = openWrite(join(dataDir, 'clew.db'));
  const pending = (): number => countWhere(db, 'synced_hash IS NOT content_hash');
  /** Rounds of every query, 50 ms apart (a person typing), until `done` or `most` rounds; each query's wall time in ms. */
  const rounds = async (done: () => boolean, most = Infinity): Promise<number[]> => {
    const times: number[] = [];
    for (let round = 0; round < most && !done(); round++) {
      for (const query of SEARCH_QUERIES) {
        const t0 = performance.now();
        unwrap(await backend.invoke('search:query', { query, mode: 'keyword', limit: 50 }));
        times.push(performance.now() - t0);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return times.sort((a, b) => a - b);
  };
  try {
    await backend.invoke('sync:pause', {});
    // One round first: the search workers' statements and code warm up.
    await rounds(() => false, 1);
    const idleUntil = Date.now() + 30_000;
    const idle = await rounds(() => Date.now() > idleUntil);
    const before = pending();
    const started = Date.now();
    await backend.invoke('sync:resume', {});
    const during = await rounds(() => pending() === 0 || Date.now() - started > 10 * 60_000);
    const wallMs = Date.now() - started;
    const line = (what: string, t: number[]): string => `${what}: ${int(t.length)} queries, p50 ${percentile(t, 0.5)} / p95 ${percentile(t, 0.95)} / p99 ${percentile(t, 0.99)} ms`;
    log(line('sync paused', idle));
    log(`${line('while the sync drains', during)}; ${int(before - pending())} vectors synced in ${s(wallMs)} s = ${int(((before - pending()) * 1000) / wallMs)}/s`);
  } finally {
    db.close();
    await backend.close();
    await sidecar.stop();
  }
}

try {
  log(`# bench:sync-scale ${new Date().toISOString()} (${cpus().length} cores, load ${load()})`);
  log(`command: node --import tsx test/bench/sync-scale-bench.ts ${process.argv.slice(2).join(' ')}`);
  const from = values.data ?? (values['drain-only'] ? null : benchIndex(values.tree));
  if (!from) throw new Error('--drain-only needs --data DIR');
  await benchDrain(from);
  if (!values['skip-search']) await benchSearchDuringDrain(from);
} finally {
  if (values.keep) log(`kept ${WORK}`);
  else rmSync(WORK, { recursive: true, force: true });
}
