// Vector sync benchmark against the real Chroma server (started through ChromaSidecar), a real SQLite
// file database and the real 384-dimension HashEmbedder. Prints figures side by side; asserts nothing.
//   1. sync throughput (SyncLoop.drain, embedding included) vs a per-item synchronous dual write
//   2. note save latency while a large pending set syncs (Backend round trip on the engine worker,
//      and the bare addNote commit on a second connection)
//   3. repair() on a 100k-vector collection with 1% damage, then again (expected: nothing found)
// Run: node --import tsx test/bench/sync-bench.ts [--units 20000] [--baseline 1000] [--notes 500]
//        [--note-interval-ms 10] [--repair-units 100000] [--batch N] [--keep]
// (or npm run bench:sync -- …). Quick run: --units 3000 --baseline 200 --notes 100 --repair-units 10000
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/core/backend.js';
import { unwrap } from '../../shared/result.js';
import { type WriteDb, openWrite } from '../../electron/db/connection.js';
import { addNote } from '../../electron/db/write/notes.js';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { repoKeyOf, unitContentHash, vectorId } from '../../electron/base/hash.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { HNSW_SETTINGS } from '../../electron/vectors/generations.js';
import type { EmbedderPort, VectorStorePort } from '../../electron/vectors/ports.js';
import { repair, type RepairReport } from '../../electron/engine/sync/repair.js';
import { SyncQueue } from '../../electron/db/write/syncQueue.js';
import { DEFAULT_BATCH, SyncLoop, type SyncLoopOptions } from '../../electron/engine/sync/syncLoop.js';
import { startSidecar, waitFor } from '../helpers/chroma.js';
import { generateCorpus } from './corpus.js';
import { openMigrated } from '../helpers/db.js';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '20000' },
    baseline: { type: 'string', default: '1000' },
    notes: { type: 'string', default: '500' },
    'note-interval-ms': { type: 'string', default: '10' },
    'repair-units': { type: 'string', default: '100000' },
    batch: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const UNITS = Number(values.units);
const BASELINE = Number(values.baseline);
const NOTES = Number(values.notes);
const NOTE_INTERVAL_MS = Number(values['note-interval-ms']);
const REPAIR_UNITS = Number(values['repair-units']);
const LOOP_OPTIONS: SyncLoopOptions = values.batch ? { batchSize: Number(values.batch) } : {};
const DRAIN_LIMIT_MS = 30 * 60_000;
const WORK = mkdtempSync(join(tmpdir(), 'clew-sync-bench-'));
const COMMAND = `node --import tsx test/bench/sync-bench.ts ${process.argv.slice(2).join(' ')}`.trim();

const now = (): number => performance.now();
const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const f = (n: number, digits = 1): string => (Number.isFinite(n) ? (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits)) : 'n/a');
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const log = (line = ''): void => console.log(line);
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
function processCpuSeconds(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}
const selfCpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Times the embedder (structural EmbedderPort) without changing what it does. */
class TimedEmbedder implements EmbedderPort {
  ms = 0;
  texts = 0;
  constructor(private readonly inner: EmbedderPort) {}
  get id(): string { return this.inner.id; }
  get dimension(): number { return this.inner.dimension; }
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const t0 = now();
    try {
      return await this.inner.embed(texts);
    } finally {
      this.ms += now() - t0;
      this.texts += texts.length;
    }
  }
}

/** Times upserts (client-side conversion + HTTP + server) and counts what was sent. */
class TimedStore implements VectorStorePort {
  upsertMs = 0;
  upserts = 0;
  itemsSent = 0;
  concurrent = 0;
  maxConcurrent = 0;
  constructor(readonly inner: ChromaStore) {}
  maxBatchSize(): Promise<number> { return this.inner.maxBatchSize(); }
  ensureCollection(name: string, metadata: Record<string, string | number>): Promise<unknown> { return this.inner.ensureCollection(name, metadata); }
  deleteCollection(name: string): Promise<void> { return this.inner.deleteCollection(name); }
  async upsert(name: string, items: Array<{ id: string; embedding: Float32Array | number[]; hash: string }>): Promise<void> {
    const t0 = now();
    this.maxConcurrent = Math.max(this.maxConcurrent, ++this.concurrent);
    try {
      await this.inner.upsert(name, items);
    } finally {
      this.concurrent--;
      this.upsertMs += now() - t0;
      this.upserts++;
      this.itemsSent += items.length;
    }
  }
  delete(name: string, ids: string[]): Promise<void> { return this.inner.delete(name, ids); }
  readonly pages: number[] = [];
  async page(name: string, offset: number, limit: number): Promise<Array<{ id: string; hash: string | null }>> {
    const t0 = now();
    try {
      return await this.inner.page(name, offset, limit);
    } finally {
      this.pages.push(now() - t0);
    }
  }
  getEmbeddings(name: string, ids: string[]): Promise<Array<{ id: string; embedding: number[] }>> { return this.inner.getEmbeddings(name, ids); }
  query(name: string, embedding: Float32Array | number[], n: number): Promise<Array<{ id: string; distance: number }>> { return this.inner.query(name, embedding, n); }
  queryMany(name: string, embeddings: ReadonlyArray<Float32Array | number[]>, n: number): Promise<Array<Array<{ id: string; distance: number }>>> { return this.inner.queryMany(name, embeddings, n); }
  count(name: string): Promise<number> { return this.inner.count(name); }
}

const activeCollection = (db: WriteDb): string => {
  const row = db.prepare<[], { collection: string }>("SELECT collection FROM vector_generations WHERE state = 'active'").get();
  if (!row) throw new Error('no active vector generation');
  return row.collection;
};
const countPending = (db: WriteDb): number => db.prepare('SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash').pluck().get() as number;
const countSynced = (db: WriteDb): number => db.prepare('SELECT count(*) FROM text_units WHERE synced_hash IS content_hash').pluck().get() as number;
const sumSent = (db: WriteDb): number => (db.prepare("SELECT coalesce(sum(sent), 0) FROM sync_runs WHERE kind = 'sync'").pluck().get() as number);

interface DrainFigures {
  units: number;
  wallMs: number;
  embedMs: number;
  upsertMs: number;
  upserts: number;
  itemsSent: number;
  maxConcurrentUpserts: number;
  selfCpuS: number;
  serverCpuS: number | null;
  collectionCount: number;
  runs: number;
  /** Longest and p99 stretch the sync thread's event loop could not answer (what a note save waits for on the engine worker). */
  blockedMaxMs: number;
  blockedP99Ms: number;
}

/**
 * Runs a fresh SyncLoop over `db` until nothing is pending, the way the engine does after a write:
 * setStore() kicks a run, drain() waits for it. By default we wait for the kicked run to start before
 * draining; `racy` calls drain() at once instead, as the worker does for `clew index --wait-sync`
 * (index reply → kick(), then sync:wait → drain() while the kick timer is still pending), which sent
 * every row twice before the loop allowed only one pass at a time (items sent per row shows it).
 */
async function drainAll(db: WriteDb, url: string, serverPid: number | null, racy = false): Promise<DrainFigures> {
  const embedder = new TimedEmbedder(new HashEmbedder());
  const store = new TimedStore(new ChromaStore(url));
  let active = false;
  const loop = new SyncLoop(db, embedder, { ...LOOP_OPTIONS, onStatus: (s) => { active = s.active; } });
  const pendingBefore = countPending(db);
  const runsBefore = db.prepare('SELECT count(*) FROM sync_runs').pluck().get() as number;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const cpu0 = selfCpuSeconds();
  const server0 = processCpuSeconds(serverPid);
  const t0 = now();
  delay.enable();
  loop.setStore(store);
  if (!racy) await waitFor('the kicked sync run to start', () => active || countPending(db) === 0, 10_000, 1);
  const drained = await loop.drain(DRAIN_LIMIT_MS);
  const wallMs = now() - t0;
  delay.disable();
  const server1 = processCpuSeconds(serverPid);
  const cpu1 = selfCpuSeconds();
  await loop.stop();
  if (!drained) throw new Error(`sync did not drain: ${JSON.stringify(loop.snapshot())}`);
  const units = pendingBefore - countPending(db);
  return {
    units,
    wallMs,
    embedMs: embedder.ms,
    upsertMs: store.upsertMs,
    upserts: store.upserts,
    itemsSent: store.itemsSent,
    maxConcurrentUpserts: store.maxConcurrent,
    selfCpuS: cpu1 - cpu0,
    serverCpuS: server0 !== null && server1 !== null ? server1 - server0 : null,
    collectionCount: await store.count(activeCollection(db)),
    runs: (db.prepare('SELECT count(*) FROM sync_runs').pluck().get() as number) - runsBefore,
    blockedMaxMs: delay.max / 1e6,
    blockedP99Ms: delay.percentile(99) / 1e6,
  };
}

function printDrain(label: string, d: DrainFigures): void {
  const other = d.wallMs - d.embedMs - d.upsertMs;
  log(`${label}: ${int(d.units)} vectors in ${f(d.wallMs / 1000, 2)} s = ${int(d.units / (d.wallMs / 1000))} vectors/s (collection now holds ${int(d.collectionCount)})`);
  log(`  where the time goes: embed ${f(d.embedMs / 1000, 2)} s (${f((100 * d.embedMs) / d.wallMs)}%), upsert incl. client conversion + HTTP + server ${f(d.upsertMs / 1000, 2)} s (${f((100 * d.upsertMs) / d.wallMs)}%), SQLite claim/confirm/other ${f(other / 1000, 2)} s (${f((100 * other) / d.wallMs)}%)`);
  log(`  ${d.upserts} upsert requests, ${int(d.itemsSent)} items sent (${f(d.itemsSent / Math.max(1, d.units), 3)}× the rows confirmed), max ${d.maxConcurrentUpserts} in flight, avg ${f(d.upsertMs / Math.max(1, d.upserts))} ms per request`);
  log(`  CPU: bench process ${f(d.selfCpuS, 2)} s, Chroma server ${d.serverCpuS === null ? 'n/a' : `${f(d.serverCpuS, 2)} s`} over ${f(d.wallMs / 1000, 2)} s wall (${cpus().length} cores)`);
  log(`  the syncing thread's event loop was blocked up to ${f(d.blockedMaxMs)} ms at a stretch (event-loop delay p99 ${f(d.blockedP99Ms)} ms)`);
}

function corpusWithUnits(units: number): string {
  // The generated corpus yields about 9.9 text units per file (Java : Python files = 4 : 3).
  const files = Math.max(7, Math.round(units / 9.93));
  const root = join(tmpdir(), `clew-sync-bench-corpus-${files}`);
  if (!existsSync(join(root, '.done'))) {
    rmSync(root, { recursive: true, force: true });
    generateCorpus(root, Math.round((files * 4) / 7), files - Math.round((files * 4) / 7));
    writeFileSync(join(root, '.done'), String(files));
  }
  return root;
}

async function indexWith(backend: Backend, tree: string): Promise<{ units: number; ms: number }> {
  const t0 = now();
  const r = unwrap(await backend.invoke('repo:index', { path: tree }), 'index');
  return { units: r.units, ms: now() - t0 };
}

const results: Array<[string, string, string]> = [];
const cleanups: Array<() => Promise<void> | void> = [];

// ---------------------------------------------------------------------------------------------
// 1. Sync throughput vs per-item dual write
async function benchThroughput(tree: string): Promise<string[]> {
  log(`\n## 1. Sync throughput: SyncLoop batches vs per-item synchronous dual write`);
  const dataDir = join(WORK, 'throughput');
  const backend = Backend.open({ dataDir, write: true, command: 'sync-bench', vectors: { mode: 'off' } });
  const indexed = await indexWith(backend, tree).finally(() => backend.close());
  const db = openWrite(join(dataDir, 'clew.db'));
  cleanups.push(() => { db.close(); });
  log(`indexed ${tree} with vectors off: ${int(indexed.units)} text units pending (${f(indexed.ms / 1000, 1)} s); mean unit text ${int(db.prepare('SELECT avg(length(text)) FROM text_units').pluck().get() as number)} chars`);

  const { sidecar, url } = await startSidecar(dataDir);
  cleanups.push(() => sidecar.stop());
  const probe = new ChromaStore(url);
  log(`Chroma server ${await probe.version()} at ${url}; server max batch size ${int(await probe.maxBatchSize())}; SyncLoop batch ${LOOP_OPTIONS.batchSize ?? `default (${DEFAULT_BATCH})`}`);

  // One batch's client-side conversion, measured apart: what ChromaStore.upsert and the chromadb client
  // do on the syncing thread before the request (Array.from, then the client's per-byte base64 when
  // the server supports it), against encoding the Float32Array's bytes directly.
  const preflight = await (await fetch(`${url}/api/v2/pre-flight-checks`)).json() as { supports_base64_encoding?: boolean };
  const sample = db.prepare('SELECT text FROM text_units ORDER BY id LIMIT 1000').pluck().all() as string[];
  const vecs = await new HashEmbedder().embed(sample);
  let t0 = now();
  const asArrays = vecs.map((v) => Array.from(v));
  const arrayFromMs = now() - t0;
  t0 = now();
  const clientBase64 = asArrays.map((e) => btoa(Array.from(new Uint8Array(new Float32Array(e).buffer), (b) => String.fromCharCode(b)).join('')));
  const clientB64Ms = now() - t0;
  t0 = now();
  const fastBase64 = vecs.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'));
  const fastB64Ms = now() - t0;
  if (fastBase64[0] !== clientBase64[0]) log('  (note: direct base64 differs from the client encoding)');
  t0 = now();
  JSON.stringify({ embeddings: preflight.supports_base64_encoding ? clientBase64 : asArrays });
  const jsonMs = now() - t0;
  log(`client-side work per ${sample.length}-vector upsert (server base64 support: ${preflight.supports_base64_encoding === true}): ChromaStore Array.from ${f(arrayFromMs)} ms + chromadb client ${preflight.supports_base64_encoding ? `per-byte base64 ${f(clientB64Ms)} ms` : 'number arrays'} + JSON ${f(jsonMs)} ms; Buffer.from(f32.buffer).toString('base64') would take ${f(fastB64Ms)} ms`);

  const d = await drainAll(db, url, sidecar.status().pid);
  printDrain('SyncLoop drain', d);
  if (d.collectionCount !== countSynced(db)) log(`  WARNING: collection holds ${d.collectionCount} but SQLite says ${countSynced(db)} synced`);
  const batchRate = d.units / (d.wallMs / 1000);

  // Baseline: per item — SQLite row (own transaction), embed one, upsert one, update synced_hash.
  const baseDb = openMigrated(join(WORK, 'baseline.db'));
  cleanups.push(() => { baseDb.close(); });
  const repoKey = repoKeyOf('/bench/baseline');
  baseDb.prepare("INSERT INTO repos(id, key, path, name, added_at) VALUES (1, ?, '/bench/baseline', 'baseline', 0)").run(repoKey);
  const texts = db.prepare('SELECT text FROM text_units ORDER BY id DESC LIMIT ?').pluck().all(BASELINE) as string[];
  const embedder = new HashEmbedder();
  const store = new ChromaStore(url);
  const collection = 'bench-baseline-dual-write';
  await store.ensureCollection(collection, { ...HNSW_SETTINGS });
  const insert = baseDb.prepare<[string, string, string]>("INSERT INTO text_units(repo_id, kind, vector_id, text, content_hash) VALUES (1, 'chunk', ?, ?, ?)");
  const confirm = baseDb.prepare<[string, string, string]>('UPDATE text_units SET synced_hash = ? WHERE vector_id = ? AND content_hash = ?');
  const step = { insert: 0, embed: 0, upsert: 0, confirm: 0 };
  const per: number[] = [];
  const cpu0 = selfCpuSeconds();
  const server0 = processCpuSeconds(sidecar.status().pid);
  const tb = now();
  for (const [i, text] of texts.entries()) {
    const ti = now();
    const id = vectorId(repoKey, 'chunk', String(i));
    const hash = unitContentHash(embedder.id, text);
    baseDb.transaction(() => insert.run(id, text, hash)).immediate();
    let t = now();
    step.insert += t - ti;
    const [vector] = await embedder.embed([text]);
    step.embed += now() - t;
    t = now();
    await store.upsert(collection, [{ id, embedding: vector as Float32Array, hash }]);
    step.upsert += now() - t;
    t = now();
    confirm.run(hash, id, hash);
    step.confirm += now() - t;
    per.push(now() - ti);
  }
  const baseMs = now() - tb;
  const baseCpu = selfCpuSeconds() - cpu0;
  const baseServerCpu = processCpuSeconds(sidecar.status().pid);
  const baseRate = texts.length / (baseMs / 1000);
  log(`per-item dual write (${int(texts.length)} items, one at a time): ${f(baseMs / 1000, 2)} s = ${int(baseRate)} vectors/s (extrapolated: ${int(d.units)} items would take ${f(d.units / baseRate, 1)} s)`);
  log(`  per item: p50 ${f(pct(per, 50), 2)} ms, p99 ${f(pct(per, 99), 2)} ms; mean split: SQLite insert ${f(step.insert / texts.length, 3)} ms, embed ${f(step.embed / texts.length, 3)} ms, upsert ${f(step.upsert / texts.length, 2)} ms, confirm ${f(step.confirm / texts.length, 3)} ms`);
  log(`  CPU: bench process ${f(baseCpu, 2)} s, Chroma server ${baseServerCpu !== null && server0 !== null ? `${f(baseServerCpu - server0, 2)} s` : 'n/a'}`);
  log(`→ batched sync / per-item = ${f(batchRate / baseRate, 1)}× (target ≥ 20×); batched rate ${int(batchRate)} vectors/s (target ≥ 2,000)`);
  results.push(['sync throughput (SyncLoop, embed incl.)', `${int(batchRate)} vectors/s (${int(d.units)} units)`, '≥ 2,000 vectors/s']);
  results.push(['per-item dual write baseline', `${int(baseRate)} vectors/s (${int(texts.length)} items)`, '—']);
  results.push(['batched / per-item', `${f(batchRate / baseRate, 1)}×`, '≥ 20×']);

  // The same sync again from scratch, but with drain() called while setStore()'s kick is pending —
  // the order `clew index --wait-sync` produces in the worker (repo:index reply kicks, sync:wait drains).
  await store.deleteCollection(activeCollection(db));
  new SyncQueue(db).requeueAll();
  log(`\nthe same ${int(d.units)} units again on a fresh collection, drain() called right after setStore() (the kick timer still pending), as \`clew index --wait-sync\` does (items sent per row must be 1.000):`);
  const racy = await drainAll(db, url, sidecar.status().pid, true);
  printDrain('SyncLoop drain, racy start', racy);
  results.push(['same sync, drain() right after a kick', `${int(racy.units / (racy.wallMs / 1000))} vectors/s, ${f(racy.itemsSent / Math.max(1, racy.units), 3)} items sent per row`, '1.000']);
  await sidecar.stop();
  return db.prepare('SELECT text FROM text_units ORDER BY id').pluck().all() as string[];
}

// ---------------------------------------------------------------------------------------------
// 2. Note save latency while a large pending set syncs (the app's arrangement: Backend + engine worker)
async function benchNoteLatency(tree: string): Promise<void> {
  log(`\n## 2. Note save latency while the sync of a large pending set runs`);
  const dataDir = join(WORK, 'notes');
  const backend = Backend.open({ dataDir, write: true, command: 'sync-bench', vectors: { mode: 'sidecar' }, ...(LOOP_OPTIONS.batchSize ? { sync: { batchSize: LOOP_OPTIONS.batchSize } } : {}) });
  cleanups.push(() => backend.close());
  await waitFor('the Backend sidecar to be ready', async () => {
    const s = await backend.invoke('status:get', {});
    return s.ok && s.value.vectorStore.state === 'ready' ? s.value.vectorStore : null;
  }, 60_000, 100);
  // A second writer connection, as another process or thread committing notes would have.
  const direct = openWrite(join(dataDir, 'clew.db'));
  cleanups.push(() => { direct.close(); });
  const indexed = await indexWith(backend, tree);
  const pendingAtStart = countPending(direct);
  log(`Backend (vectors: sidecar) indexed ${int(indexed.units)} units in ${f(indexed.ms / 1000, 1)} s; the engine worker's sync starts on the ${int(pendingAtStart)} pending rows`);
  const fqns = direct.prepare('SELECT fqn FROM symbols GROUP BY fqn ORDER BY min(id) LIMIT ?').pluck().all(NOTES * 2) as string[];
  const embedderId = new HashEmbedder().id;

  // Open loop: saves arrive at exponential intervals (mean --note-interval-ms) whether or not the
  // previous one has answered, so a save that lands behind a sync batch is measured as a user sees it.
  // Phase A goes through the Backend (main thread → engine worker → addNote → reply); phase B commits
  // addNote on a second connection on this thread (only SQLite: lock waits and checkpoints).
  const viaBackend: number[] = [];
  const viaDirect: number[] = [];
  const duringSync = { backend: 0, direct: 0 };
  const next = rng(7);
  const gap = (): Promise<void> => sleep(-Math.log(1 - next()) * NOTE_INTERVAL_MS);
  const t0 = now();
  const inflight: Array<Promise<void>> = [];
  let maxInflight = 0;
  let open = 0;
  for (let i = 0; i < NOTES; i++) {
    await gap();
    const fqn = fqns[i % fqns.length] as string;
    const during = countPending(direct) > 0;
    const sent = now();
    maxInflight = Math.max(maxInflight, ++open);
    inflight.push(backend.invoke('note:add', { fqn, text: `bench note ${i} on ${fqn}` }).then((r) => {
      open--;
      unwrap(r, 'note:add');
      viaBackend.push(now() - sent);
      if (during) duringSync.backend++;
    }));
  }
  await Promise.all(inflight);
  const phaseAms = now() - t0;
  const pendingMid = countPending(direct);
  for (let i = 0; i < NOTES; i++) {
    await gap();
    const during = countPending(direct) > 0;
    const td = now();
    addNote(direct, embedderId, fqns[(i + NOTES) % fqns.length] as string, `direct bench note ${i}`);
    viaDirect.push(now() - td);
    if (during) duringSync.direct++;
  }
  const savesMs = now() - t0;
  const pendingAtEnd = countPending(direct);
  log(`phase A: ${NOTES} saves through backend.invoke('note:add'), open loop (mean gap ${NOTE_INTERVAL_MS} ms, up to ${maxInflight} in flight), ${f(phaseAms / 1000, 1)} s; phase B: ${NOTES} bare addNote commits, ${f((savesMs - phaseAms) / 1000, 1)} s`);
  log(`  pending rows: ${int(pendingAtStart)} at start, ${int(pendingMid)} after phase A, ${int(pendingAtEnd)} after phase B; sync was running for ${duringSync.backend}/${NOTES} Backend saves and ${duringSync.direct}/${NOTES} bare commits`);
  log(`  Backend round trip (engine worker, the app's path): p50 ${f(pct(viaBackend, 50), 2)} ms, p90 ${f(pct(viaBackend, 90), 2)} ms, p99 ${f(pct(viaBackend, 99), 2)} ms, max ${f(Math.max(...viaBackend), 1)} ms (target p99 < 5 ms)`);
  log(`  bare addNote commit, second connection:        p50 ${f(pct(viaDirect, 50), 2)} ms, p90 ${f(pct(viaDirect, 90), 2)} ms, p99 ${f(pct(viaDirect, 99), 2)} ms, max ${f(Math.max(...viaDirect), 1)} ms (target p99 < 5 ms)`);

  // Let the worker finish, to report its throughput in the app's arrangement too.
  const drained = await waitFor('the Backend sync to drain', () => countPending(direct) === 0, DRAIN_LIMIT_MS, 100).then(() => true, () => false);
  const syncMs = now() - t0;
  const synced = countSynced(direct);
  const sent = sumSent(direct);
  log(`  the worker's sync ${drained ? 'drained' : 'did NOT drain'} ${f(syncMs / 1000, 1)} s after the saves began: ${int(synced)} rows synced (${int(synced / (syncMs / 1000))} vectors/s while serving saves); Σ sync_runs.sent ${int(sent)} (${f(sent / Math.max(1, synced), 3)}× the rows)`);

  // For comparison, no large pending set: Backend saves (each still kicks its own one-row sync, as in
  // the app) at a gentler pace, then bare commits once the Backend is closed (nothing else writes).
  await sleep(500);
  const idleBackend: number[] = [];
  const idleInflight: Array<Promise<void>> = [];
  for (let i = 0; i < NOTES; i++) {
    await sleep(-Math.log(1 - next()) * NOTE_INTERVAL_MS * 3);
    const t = now();
    idleInflight.push(backend.invoke('note:add', { fqn: fqns[i % fqns.length] as string, text: `idle note ${i}` }).then((r) => {
      unwrap(r, 'note:add');
      idleBackend.push(now() - t);
    }));
  }
  await Promise.all(idleInflight);
  await backend.close();
  const idleDirect: number[] = [];
  for (let i = 0; i < NOTES; i++) {
    const td = now();
    addNote(direct, embedderId, fqns[(i + NOTES) % fqns.length] as string, `idle direct note ${i}`);
    idleDirect.push(now() - td);
  }
  const symbolCount = direct.prepare('SELECT count(*) FROM symbols').pluck().get() as number;
  const lookup = direct.prepare<[string]>('SELECT s.repo_id, r.key, s.body_hash FROM symbols s JOIN repos r ON r.id = s.repo_id WHERE s.fqn = ?');
  const plan = (direct.prepare('EXPLAIN QUERY PLAN SELECT s.repo_id, r.key, s.body_hash FROM symbols s JOIN repos r ON r.id = s.repo_id WHERE s.fqn = ?').all('x') as Array<{ detail: string }>).map((r) => r.detail).join('; ');
  const tl = now();
  for (const fqn of fqns.slice(0, 200)) lookup.all(fqn);
  const lookupMs = (now() - tl) / Math.min(200, fqns.length);
  log(`  without a large pending set: Backend round trip (mean gap ${NOTE_INTERVAL_MS * 3} ms; each save kicks its own one-row sync) p50 ${f(pct(idleBackend, 50), 2)} ms, p99 ${f(pct(idleBackend, 99), 2)} ms; bare addNote with the Backend closed p50 ${f(pct(idleDirect, 50), 2)} ms, p99 ${f(pct(idleDirect, 99), 2)} ms`);
  log(`  addNote's symbol lookup by FQN with ${int(symbolCount)} symbols: ${f(lookupMs, 2)} ms each (plan: ${plan})`);
  results.push(['note save p50 / p99, Backend round trip during sync', `${f(pct(viaBackend, 50), 2)} / ${f(pct(viaBackend, 99), 2)} ms (n=${viaBackend.length}, ${duringSync.backend} during sync)`, 'p99 < 5 ms']);
  results.push(['note save p50 / p99, bare addNote commit during sync', `${f(pct(viaDirect, 50), 2)} / ${f(pct(viaDirect, 99), 2)} ms (n=${viaDirect.length}, ${duringSync.direct} during sync)`, 'p99 < 5 ms']);
  results.push(['note save p50 / p99, no large pending set (Backend; bare)', `${f(pct(idleBackend, 50), 2)} / ${f(pct(idleBackend, 99), 2)} ms; ${f(pct(idleDirect, 50), 2)} / ${f(pct(idleDirect, 99), 2)} ms`, '—']);
}

// ---------------------------------------------------------------------------------------------
// 3. Repair on a large collection with 1% damage
async function benchRepair(texts: readonly string[]): Promise<void> {
  log(`\n## 3. Repair on ${int(REPAIR_UNITS)} vectors with 1% damage`);
  const dataDir = join(WORK, 'repair');
  mkdirSync(dataDir, { recursive: true });
  const db = openMigrated(join(dataDir, 'clew.db'));
  cleanups.push(() => { db.close(); });
  const embedder = new HashEmbedder();
  const repoKey = repoKeyOf('/bench/repair');
  db.prepare("INSERT INTO repos(id, key, path, name, added_at) VALUES (1, ?, '/bench/repair', 'repair', 0)").run(repoKey);
  const insert = db.prepare<[string, string, string]>("INSERT INTO text_units(repo_id, kind, vector_id, text, content_hash) VALUES (1, 'chunk', ?, ?, ?)");
  let t0 = now();
  db.transaction(() => {
    for (let i = 0; i < REPAIR_UNITS; i++) {
      const text = `${texts[i % texts.length] ?? 'unit'}\n// copy ${i}`;
      insert.run(vectorId(repoKey, 'chunk', String(i)), text, unitContentHash(embedder.id, text));
    }
  })();
  log(`inserted ${int(REPAIR_UNITS)} pending text_units rows in ${f((now() - t0) / 1000, 2)} s`);
  const { sidecar, url } = await startSidecar(dataDir);
  cleanups.push(() => sidecar.stop());
  const fill = await drainAll(db, url, sidecar.status().pid);
  printDrain('fill through SyncLoop', fill);
  const store = new TimedStore(new ChromaStore(url));
  const collection = activeCollection(db);

  // Damage: half missing (deleted from Chroma behind SQLite's back), half orphans (ids SQLite never had).
  const damage = Math.round(REPAIR_UNITS * 0.01);
  const next = rng(99);
  const all = db.prepare('SELECT vector_id FROM text_units ORDER BY id').pluck().all() as string[];
  const victims = new Set<string>();
  while (victims.size < Math.floor(damage / 2)) victims.add(all[Math.floor(next() * all.length)] as string);
  const foreign = Array.from({ length: damage - victims.size }, (_, i) => {
    const v = new Float32Array(embedder.dimension).map(() => next() - 0.5);
    const norm = Math.hypot(...v);
    return { id: `foreign-${i}`, embedding: v.map((x) => x / norm), hash: 'foreign' };
  });
  const maxBatch = await store.maxBatchSize();
  const victimList = [...victims];
  for (let i = 0; i < victimList.length; i += maxBatch) await store.delete(collection, victimList.slice(i, i + maxBatch));
  for (let i = 0; i < foreign.length; i += maxBatch) await store.upsert(collection, foreign.slice(i, i + maxBatch));
  log(`damage: deleted ${int(victims.size)} vectors from Chroma, added ${int(foreign.length)} foreign ids → collection holds ${int(await store.count(collection))}, SQLite says ${int(countSynced(db))} synced`);

  // As the app does: repair holds the loop (exclusive), and the loop resumes afterwards.
  let active = false;
  const loop = new SyncLoop(db, embedder, { ...LOOP_OPTIONS, onStatus: (s) => { active = s.active; } });
  loop.setStore(store);
  await loop.drain(60_000);
  const show = (r: RepairReport): string => `orphans ${r.orphans} (deleted ${r.orphansDeleted}), missing ${r.missing}, stale ${r.stale}, unsearchable ${r.unsearchable}, requeued ${r.requeued}, healthy ${r.healthy}, rebuilt ${r.rebuilt}${r.healthError ? `, health error: ${r.healthError}` : ''}`;
  const phases = new Map<string, number>();
  let phase = 'start';
  let phaseAt = now();
  t0 = now();
  const first = await loop.exclusive(() => repair(db, store, embedder, {
    onProgress: (p) => {
      if (p.phase === phase) return;
      phases.set(phase, (phases.get(phase) ?? 0) + now() - phaseAt);
      phase = p.phase;
      phaseAt = now();
    },
  }));
  const firstMs = now() - t0;
  log(`repair #1: ${f(firstMs / 1000, 2)} s (report durationMs ${int(first.durationMs)}): ${show(first)}`);
  log(`  phases: ${[...phases].map(([k, v]) => `${k} ${f(v / 1000, 2)} s`).join(', ')}; ${store.pages.length} pages of 1000 (ids + metadatas) took ${f(store.pages.reduce((a, b) => a + b, 0) / 1000, 2)} s: first 10 avg ${f(store.pages.slice(0, 10).reduce((a, b) => a + b, 0) / Math.min(10, store.pages.length))} ms, last 10 avg ${f(store.pages.slice(-10).reduce((a, b) => a + b, 0) / Math.min(10, store.pages.length))} ms`);
  // The loop resumes after the exclusive section: let it re-send the requeued rows.
  await waitFor('the loop to resume', () => active || countPending(db) === 0, 10_000, 1);
  t0 = now();
  await loop.drain(DRAIN_LIMIT_MS);
  const resendMs = now() - t0;
  log(`  the loop re-sent the ${int(first.requeued)} requeued rows in ${f(resendMs / 1000, 2)} s; collection holds ${int(await store.count(collection))}, SQLite says ${int(countSynced(db))} synced, ${int(countPending(db))} pending`);
  t0 = now();
  const second = await loop.exclusive(() => repair(db, store, embedder));
  const secondMs = now() - t0;
  const clean = second.orphans + second.missing + second.stale + second.requeued === 0 && !second.rebuilt;
  log(`repair #2: ${f(secondMs / 1000, 2)} s: ${show(second)} → ${clean ? 'found nothing' : 'FOUND SOMETHING (expected nothing)'}`);
  // What-if: the same diff paged at the server's max batch size instead of 1000 (a dry run changes nothing).
  store.pages.length = 0;
  t0 = now();
  const wide = await loop.exclusive(() => repair(db, store, embedder, { dryRun: true, pageSize: maxBatch }));
  log(`  what-if: a dry-run repair paging ${int(maxBatch)} at a time (the server max) takes ${f((now() - t0) / 1000, 2)} s (${store.pages.length} pages, ${f(store.pages.reduce((a, b) => a + b, 0) / 1000, 2)} s in them; found orphans ${wide.orphans}, missing ${wide.missing}, stale ${wide.stale})`);
  await loop.stop();
  results.push([`fill ${int(REPAIR_UNITS)} vectors (SyncLoop)`, `${f(fill.wallMs / 1000, 1)} s = ${int(fill.units / (fill.wallMs / 1000))} vectors/s`, '—']);
  results.push([`repair, ${int(REPAIR_UNITS)} vectors, 1% damage`, `${f(firstMs / 1000, 2)} s (orphans ${first.orphans}, missing ${first.missing}, stale ${first.stale})`, '—']);
  results.push(['repair again after the re-sync', `${f(secondMs / 1000, 2)} s, ${clean ? 'found nothing' : 'found something!'}`, 'nothing']);
  await sidecar.stop();
}

// ---------------------------------------------------------------------------------------------
const started = now();
const cpu = cpus()[0];
let nproc = String(cpus().length);
try {
  nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
} catch {
  // not on this platform
}
log(`# clew sync bench — ${new Date().toISOString()}`);
log(`machine: ${platform()} ${release()} ${arch()}, ${cpus().length} cpus (nproc ${nproc}) ${cpu?.model ?? ''}, ${f(totalmem() / 2 ** 30, 1)} GiB RAM, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; node ${process.version}; chromadb client ${(JSON.parse(readFileSync('node_modules/chromadb/package.json', 'utf8')) as { version: string }).version}`);
log(`setup: real Chroma server through ChromaSidecar, SQLite file databases in ${WORK}, HashEmbedder ${new HashEmbedder().dimension}-dim`);
try {
  const tree = corpusWithUnits(UNITS);
  const texts = await benchThroughput(tree);
  await benchNoteLatency(tree);
  await benchRepair(texts);
} finally {
  for (const c of cleanups.splice(0).reverse()) await Promise.resolve().then(c).catch(() => undefined);
  if (!values.keep) rmSync(WORK, { recursive: true, force: true });
}

const width = Math.max(...results.map((r) => r[0].length));
const width2 = Math.max(...results.map((r) => r[1].length));
log(`\n## Summary (${f((now() - started) / 1000, 0)} s total)`);
log(`${'measure'.padEnd(width)}  ${'result'.padEnd(width2)}  target`);
for (const [k, v, t] of results) log(`${k.padEnd(width)}  ${v.padEnd(width2)}  ${t}`);
log(`\nreproduce: ${COMMAND}`);
log(`machine: ${cpus().length} cpus, node ${process.version}, load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
