// `npm run bench:nav-latency`: go-to-definition and find-references latency in process on the ~10,000-file
// latency corpus (pinned Debian Go and Python sources), the size issue 13's latency targets name.
// Positions are identifier places picked by hash from a spread of files; no oracle is needed for speed.
// Prints wall and CPU p50/p95 per verb; asserts nothing. Targets: def p95 ≤ 10 ms, refs p95 ≤ 50 ms.
//   npm run bench:nav-latency -- [--places 300] [--files 400] [--data data-nav] [--slowest N]  (a data folder under the latency cache;
//   --slowest lists each language's N slowest refs places, to see which answers make the p95; --dump FILE writes every refs place's timings)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Backend } from '../../../electron/core/backend.js';
import type { Result } from '../../../shared/result.js';
import type { Language } from '../../../shared/types.js';
import { latencyCorpus } from '../latency/corpus.js';
import { cacheDir } from '../relevance/corpora.js';
import { walkSources } from './files.js';
import { identifierPlaces } from './samples.js';
import { percentile } from './score.js';

const { values } = parseArgs({ options: { places: { type: 'string', default: '300' }, files: { type: 'string', default: '400' }, data: { type: 'string', default: 'data-nav' }, slowest: { type: 'string', default: '0' }, dump: { type: 'string' } } });
const PLACES = Number(values.places);
const FILES = Number(values.files);

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const r = await pending;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

// CPU time of this process: the search workers do the work, so on a shared machine it measures the verb, not the wait.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const c0 = cpuMs();
  const t0 = performance.now();
  const value = await call();
  return { value, ms: performance.now() - t0, cpu: cpuMs() - c0 };
}

const root = latencyCorpus();
// Its own data folder: bench:latency's may be held or migrated by another run.
const backend = Backend.open({ dataDir: join(cacheDir(), 'latency', values.data), write: true, command: 'bench:nav-latency', vectors: { mode: 'off' } });
try {
  const t0 = performance.now();
  const report = await unwrap(backend.invoke('repo:index', { path: root }));
  const repo = report.repo.path;
  console.log(`# clew nav latency bench — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
  console.log(`repository: ${root}: ${report.files} files, ${report.symbols} symbols (index run ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const rows: string[][] = [];
  const dumped: Record<string, unknown> = {};
  for (const [language, ext] of [['python', '.py'], ['go', '.go']] as Array<[Language, string]>) {
    const all = walkSources(root, [ext]);
    // Every n-th file of the sorted list: all packages are represented, and the parse for sampling stays short.
    const step = Math.max(1, Math.floor(all.length / FILES));
    const files = all.filter((_, i) => i % step === 0);
    const places = await identifierPlaces(root, files, language, PLACES, 7);
    const defs: Array<{ ms: number; cpu: number; hits: number }> = [];
    const refs: Array<{ ms: number; cpu: number; hits: number; at?: string }> = [];
    for (const at of places) {
      const position = { repo, path: at.file, line: at.line + 1, column: at.character + 1 };
      const d = await timed(() => unwrap(backend.invoke('nav:def', position)));
      defs.push({ ms: d.ms, cpu: d.cpu, hits: d.value.length });
      const r = await timed(() => unwrap(backend.invoke('nav:refs', { repo, position, limit: 2000 })));
      refs.push({ ms: r.ms, cpu: r.cpu, hits: r.value.refs.length, at: `${at.file}:${position.line}:${position.column}` });
    }
    // `--dump <file>`: every refs place's timings, to compare two checkouts place by place (`refs-<language>` keys).
    if (values.dump) dumped[`refs-${language}`] = refs;
    const p = (xs: number[], q: number): string => percentile(xs, q).toFixed(1);
    for (const r of [...refs].sort((a, b) => b.cpu - a.cpu).slice(0, Number(values.slowest))) {
      console.log(`${language} refs ${r.ms.toFixed(1).padStart(7)} ms wall ${r.cpu.toFixed(1).padStart(7)} ms CPU ${String(r.hits).padStart(5)} uses  ${r.at ?? ''}`);
    }
    for (const [verb, xs] of [['def', defs], ['refs', refs]] as const) {
      const answered = xs.filter((x) => x.hits > 0).length;
      rows.push([language, verb, String(xs.length), String(answered), `${p(xs.map((x) => x.ms), 50)} / ${p(xs.map((x) => x.ms), 95)}`, `${p(xs.map((x) => x.cpu), 50)} / ${p(xs.map((x) => x.cpu), 95)}`]);
    }
  }
  if (values.dump) writeFileSync(values.dump, JSON.stringify(dumped));
  console.log('\n| language | verb | places | answered | wall ms p50 / p95 | CPU ms p50 / p95 |\n|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('\nTargets (issue 13): def p95 ≤ 10 ms, refs p95 ≤ 50 ms, in process on a 10,000-file repository.');
} finally {
  await backend.close();
}
