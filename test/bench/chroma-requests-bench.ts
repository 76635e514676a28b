// How the real Chroma sidecar takes Clew's requests (issue 12 item 6), with the default clew-hash-v1 embedder.
// Prints figures side by side; asserts nothing.
//   1. one 5,000-vector upsert in flight vs two, into fresh collections (wall and server CPU), alternated twice
//   2. query latency with Chroma's default save threshold (1,000) vs 25,000 vectors, right after a fill that
//      leaves that many unsaved (each request replays the log from the last save)
//   3. server CPU per vector with the metadata a vector carries: without folder keys vs with seven (`d1`…`d7`),
//      about what a Go tree's vectors carry (6.3 folder keys on average)
// Run: node --import tsx test/bench/chroma-requests-bench.ts [--vectors 40000] [--unsaved 20000]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HashEmbedder } from '../../electron/vectors/embedders/hashEmbedder.js';
import { ChromaStore } from '../../electron/vectors/chromaStore.js';
import { HNSW_SETTINGS } from '../../electron/vectors/generations.js';
import type { VectorItem } from '../../electron/vectors/ports.js';
import { readyPid, startSidecar } from '../helpers/chroma.js';

const { values } = parseArgs({ options: { vectors: { type: 'string', default: '40000' }, unsaved: { type: 'string', default: '20000' } } });
const REQUEST = 5000;
const QUERIES = 20;
const log = (line = ''): void => console.log(line);
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

/** CPU seconds a process has used so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** `n` distinct code-like vectors, as the sync would send them. */
async function items(n: number): Promise<VectorItem[]> {
  const texts = Array.from({ length: n }, (_, i) => `function handler_${i}(value) { return compute_${i % 977}(value) + ${i}; } // item ${i * 7919}`);
  const vectors = await new HashEmbedder().embed(texts);
  return vectors.map((embedding, i) => ({ id: `u${i}`, embedding, hash: 'h', meta: { repo: 'r', kind: 'function', language: 'ts', path: `src/f${i}.ts` } }));
}

/** Sends every item in requests of REQUEST, `inFlight` at a time. */
async function fill(store: ChromaStore, name: string, all: VectorItem[], inFlight: number): Promise<void> {
  let next = 0;
  const sender = async (): Promise<void> => {
    while (next < all.length) {
      const from = next;
      next += REQUEST;
      await store.upsert(name, all.slice(from, from + REQUEST));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
}

const work = mkdtempSync(join(tmpdir(), 'clew-chroma-requests-'));
const { sidecar, url } = await startSidecar(work);
try {
  const pid = readyPid(sidecar.status());
  if (!pid) throw new Error('the sidecar has no pid');
  const store = new ChromaStore(url);
  log(`# bench chroma-requests ${new Date().toISOString()} (${cpus().length} cores, load ${load()}); Chroma ${await store.version()}`);
  const all = await items(Number(values.vectors));

  log(`\n## 1. ${all.length} vectors in requests of ${REQUEST}: one in flight vs two`);
  for (const [round, inFlight] of [1, 2, 1, 2].entries()) {
    const name = `inflight-${round}`;
    await store.ensureCollection(name, { ...HNSW_SETTINGS });
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    await fill(store, name, all, inFlight);
    const wall = (performance.now() - t0) / 1000;
    log(`${inFlight} in flight: ${Math.round(all.length / wall)} vectors/s (${wall.toFixed(1)} s), server CPU ${(cpuSeconds(pid) - cpu0).toFixed(1)} s, ${await store.count(name)} stored; load ${load()}`);
  }

  const unsaved = all.slice(0, Number(values.unsaved));
  log(`\n## 2. queries right after filling ${unsaved.length} vectors: save threshold 1,000 vs 25,000`);
  for (const threshold of [1000, 25000]) {
    const name = `threshold-${threshold}`;
    await store.ensureCollection(name, { ...HNSW_SETTINGS, 'hnsw:sync_threshold': threshold });
    await fill(store, name, unsaved, 1);
    const ms: number[] = [];
    for (let q = 0; q < QUERIES; q++) {
      const t0 = performance.now();
      await store.query(name, unsaved[(q * 37) % unsaved.length]?.embedding ?? [], 10);
      ms.push(performance.now() - t0);
    }
    const sorted = [...ms].sort((a, b) => a - b);
    log(`sync_threshold ${threshold}: first query ${ms[0]?.toFixed(0)} ms, p50 ${sorted[QUERIES / 2]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms; load ${load()}`);
  }

  log(`\n## 3. ${unsaved.length} vectors: metadata without folder keys vs with seven`);
  for (const [round, folders] of [0, 7, 0, 7].entries()) {
    const name = `meta-${round}`;
    await store.ensureCollection(name, { ...HNSW_SETTINGS });
    const withFolders = unsaved.map((item) => ({ ...item, meta: { ...item.meta, ...Object.fromEntries(Array.from({ length: folders }, (_, d) => [`d${d + 1}`, `src/${'sub/'.repeat(d)}x`])) } }));
    const cpu0 = cpuSeconds(pid);
    await fill(store, name, withFolders, 1);
    const cpu = cpuSeconds(pid) - cpu0;
    log(`${folders} folder keys (${Object.keys(withFolders[0]?.meta ?? {}).length + 1} metadata keys a vector): server CPU ${cpu.toFixed(1)} s = ${((cpu * 1000) / unsaved.length).toFixed(2)} ms per vector; load ${load()}`);
  }
} finally {
  await sidecar.stop();
  rmSync(work, { recursive: true, force: true });
}
