// Latency benchmark: `auto` and keyword search on one ~10,000-file real repository, in process through
// the Backend (the search workers included), p50/p95 per mode and per query kind. Asserts nothing.
// Run: npm run bench:latency [-- --reps 3] [--vectors] [--modes auto,keyword] [--data DIR]
// Targets (issue 11): auto p95 ≤ 50 ms, keyword p95 ≤ 20 ms. The index is kept under the cache folder;
// a second run only checks it is current.
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Backend } from '../../../electron/core/backend.js';
import type { SearchMode } from '../../../shared/types.js';
import { cacheDir } from '../relevance/corpora.js';
import { latencyCorpus } from './corpus.js';
import { LATENCY_QUERIES, type LatencyKind } from './queries.js';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    vectors: { type: 'boolean', default: false },
    modes: { type: 'string', default: 'auto,keyword' },
    // Another data directory (a copy of the cached one, so a branch that migrates it leaves the shared one alone).
    data: { type: 'string' },
  },
});
const reps = Math.max(1, Number(values.reps));
const modes = values.modes.split(',').map((m) => m.trim()) as SearchMode[];
const log = (line = ''): void => console.log(line);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

const root = latencyCorpus();
const dataDir = values.data ?? join(cacheDir(), 'latency', values.vectors ? 'data-vectors' : 'data');
const backend = Backend.open({ dataDir, write: true, command: 'bench:latency', vectors: values.vectors ? { mode: 'sidecar' } : { mode: 'off' } });
try {
  const t0 = performance.now();
  const indexed = await backend.invoke('repo:index', { path: root });
  if (!indexed.ok) throw new Error(`${indexed.error.code}: ${indexed.error.message}`);
  const report = indexed.value;
  log(`# clew latency bench — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores`);
  log(`repository: ${root}: ${report.files} files, ${report.symbols} symbols (index run ${((performance.now() - t0) / 1000).toFixed(1)} s; ${report.changed} files written)`);
  if (values.vectors) {
    const waited = await backend.invoke('sync:wait', { timeoutMs: 60 * 60_000 });
    log(`vectors: ${waited.ok ? JSON.stringify(waited.value.sync) : waited.error.message}`);
  } else log('vectors: off (auto ranks from the word, trigram and symbol indexes; run with --vectors for semantic too)');

  // CPU time of the whole process (the search worker thread does the work; nothing else runs meanwhile): on a
  // machine shared with other jobs wall time mostly measures waiting for a core, CPU time measures the search.
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const run = async (query: string, mode: SearchMode): Promise<{ ms: number; cpu: number; hits: number; top: string }> => {
    const started = performance.now();
    const cpuStart = cpuMs();
    const r = await backend.invoke('search:query', { query, mode, limit: 50 });
    const ms = performance.now() - started;
    const cpu = cpuMs() - cpuStart;
    if (!r.ok) throw new Error(`${mode} "${query}": ${r.error.code} ${r.error.message}`);
    const first = r.value.results[0];
    return { ms, cpu, hits: r.value.results.length, top: first ? `${first.path}:${first.line}` : '—' };
  };

  // One untimed pass: the first query of each kind opens statements and warms SQLite's page cache.
  for (const mode of modes) for (const q of LATENCY_QUERIES) await run(q.q, mode);

  const rows: string[] = [];
  const detail: string[] = [];
  for (const mode of modes) {
    const byKind = new Map<LatencyKind | 'all', number[]>();
    const cpuByKind = new Map<LatencyKind | 'all', number[]>();
    for (let rep = 0; rep < reps; rep++) {
      for (const q of LATENCY_QUERIES) {
        await new Promise((resolve) => setImmediate(resolve));
        const { ms, cpu, hits, top } = await run(q.q, mode);
        for (const key of [q.kind, 'all'] as const) {
          byKind.set(key, [...(byKind.get(key) ?? []), ms]);
          cpuByKind.set(key, [...(cpuByKind.get(key) ?? []), cpu]);
        }
        if (rep === 0) detail.push(`| ${mode} | ${q.kind} | ${q.q} | ${hits} | ${top} | ${fmt(ms)} | ${fmt(cpu)} |`);
      }
    }
    for (const [kind, list] of byKind) {
      const sorted = [...list].sort((a, b) => a - b);
      const cpu = [...(cpuByKind.get(kind) ?? [])].sort((a, b) => a - b);
      rows.push(`| ${mode} | ${kind} | ${sorted.length} | ${fmt(percentile(sorted, 50))} | ${fmt(percentile(sorted, 95))} | ${fmt(sorted[sorted.length - 1]!)} | ${fmt(percentile(cpu, 50))} | ${fmt(percentile(cpu, 95))} |`);
    }
  }
  log(`\n${LATENCY_QUERIES.length} queries × ${reps} timed repetitions per mode, wall time of backend.invoke('search:query') in process (limit 50).\n`);
  log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (wall time includes waiting for a core; CPU time does not)`);
  log('| mode | kind | n | wall p50 ms | wall p95 ms | wall max ms | CPU p50 ms | CPU p95 ms |');
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) log(r);
  log('\n| mode | kind | query | hits | first hit | wall ms (1st timed) | CPU ms |');
  log('| --- | --- | --- | ---: | --- | ---: | ---: |');
  for (const d of detail) log(d);
} finally {
  await backend.close();
}
