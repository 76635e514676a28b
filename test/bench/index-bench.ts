// Index and keyword-search benchmark, side by side with universal-ctags and ripgrep in one run.
// Run: npm run build && npm run bench [-- --trees corpus,node_modules --queries 100]
// Prints figures; asserts nothing (targets belong in the README, not in timed tests).
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/core/backend.js';
import { unwrap } from '../../shared/result.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { trees: { type: 'string', default: 'corpus,node_modules' }, queries: { type: 'string', default: '100' } } });
const CLI = resolve('dist/cli.js');
const WORK = join(tmpdir(), 'clew-bench');
mkdirSync(WORK, { recursive: true });

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

function timed(cmd: string, args: string[], cwd?: string): { wallMs: number; stdout: string; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd, maxBuffer: 1 << 30 });
  const wallMs = ms(t0);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { wallMs, stdout: r.stdout, stderr: r.stderr };
}

function treeOf(name: string): string {
  if (name === 'node_modules') return resolve('node_modules');
  const root = join(WORK, 'corpus');
  if (!existsSync(join(root, '.done'))) {
    rmSync(root, { recursive: true, force: true });
    const n = generateCorpus(root);
    writeFileSync(join(root, '.done'), String(n));
  }
  return root;
}

async function benchTree(name: string): Promise<void> {
  const tree = treeOf(name);
  const dataDir = join(WORK, `data-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const fileCount = Number(execFileSync('bash', ['-c', `find . -type f -not -path '*/node_modules/*/node_modules/*' -not -path '*/.git/*' | wc -l`], { cwd: tree, encoding: 'utf8' }).trim());
  console.log(`\n## ${name}: ${tree} (${fileCount} files on disk)`);

  // ctags on the same tree, skipping the folders Clew always skips.
  const tags = join(WORK, `tags-${name}`);
  const ctags = timed('ctags', ['-R', '-f', tags, '--exclude=.git', '--exclude=node_modules', '.'], tree);
  // The full index as a user runs it, process start-up included; peak RSS from GNU time.
  const full = timed('/usr/bin/time', ['-f', '%M', process.execPath, CLI, '--data-dir', dataDir, '--json', 'index', tree]);
  const report = JSON.parse(full.stdout) as { files: number; symbols: number; entryPoints: number; units: number; durationMs: number };
  const peakRssMb = Number(full.stderr.trim().split('\n').pop()) / 1024;
  const again = timed(process.execPath, [CLI, '--data-dir', dataDir, '--json', 'index', tree]);
  const againReport = JSON.parse(again.stdout) as { durationMs: number; changed: number };

  console.log(`full index:      clew ${fmt(full.wallMs)} ms (in-process ${report.durationMs} ms; ${report.files} files, ${report.symbols} symbols, ${report.entryPoints} entry points, ${report.units} units)`);
  console.log(`                 ctags -R ${fmt(ctags.wallMs)} ms  → clew/ctags = ${(full.wallMs / ctags.wallMs).toFixed(2)}×  (target ≤ 1.0×)`);
  console.log(`re-index, no change: ${fmt(again.wallMs)} ms (in-process ${againReport.durationMs} ms, changed ${againReport.changed}) = ${((again.wallMs / full.wallMs) * 100).toFixed(1)}% of full (target ≤ 5%)`);
  console.log(`peak RSS during full index: ${fmt(peakRssMb)} MiB`);

  // In-process: one changed file until searchable, and keyword latency vs ripgrep.
  // Indexing alone is measured here; the vector side has its own benchmark (sync-bench).
  const backend = Backend.open({ dataDir, write: true, command: 'bench', vectors: { mode: 'off' } });
  try {
    unwrap(await backend.invoke('repo:list', {}));
    const target = execFileSync('bash', ['-c', "find . -type f \\( -name '*.java' -o -name '*.py' -o -name '*.js' \\) | sort | head -200 | tail -1"], { cwd: tree, encoding: 'utf8' }).trim();
    const changed: number[] = [];
    const original = readFileSync(join(tree, target));
    try {
      for (let i = 0; i < 5; i++) {
        const token = `benchToken${Date.now()}x${i}`;
        appendFileSync(join(tree, target), `\n// ${token}\n`);
        const t0 = process.hrtime.bigint();
        const idx = await backend.invoke('repo:index', { path: tree });
        const hit = await backend.invoke('search:query', { query: token, limit: 1 });
        changed.push(ms(t0));
        if (!idx.ok || !hit.ok || hit.value.results.length !== 1) throw new Error(`changed file not searchable: ${JSON.stringify(hit)}`);
      }
    } finally {
      writeFileSync(join(tree, target), original);
      await backend.invoke('repo:index', { path: tree });
    }
    console.log(`one changed file → searchable: p50 ${fmt(pct(changed, 50))} ms, max ${fmt(Math.max(...changed))} ms (target < 300 ms)`);

    const symbols = unwrap(await backend.invoke('symbols:list', { repo: tree, limit: 200_000 }));
    const names = [...new Set(symbols.map((s) => s.name).filter((n) => n.length >= 4))];
    const common = ['return', 'function', 'parse config', 'total', 'import', 'error', 'Mapping', 'TODO'];
    const count = Number(values.queries);
    const queries = [...common, ...Array.from({ length: count - common.length }, (_, i) => names[(i * 7919) % Math.max(1, names.length)] ?? 'x')].slice(0, count);
    const clewTimes: number[] = [];
    const inside: number[] = [];
    for (const query of queries) {
      const t0 = process.hrtime.bigint();
      const r = await backend.invoke('search:query', { query, limit: 50 });
      clewTimes.push(ms(t0));
      if (r.ok) inside.push(r.value.tookMs);
    }
    const rgTimes: number[] = [];
    for (const query of queries) {
      // rg gets the same job: case-insensitive fixed strings (all words of the query, like Clew's AND).
      const words = query.split(/\s+/);
      const t0 = process.hrtime.bigint();
      spawnSync('rg', ['-i', '-F', '-n', '--no-messages', ...words.flatMap((w) => ['-e', w]), '.'], { cwd: tree, maxBuffer: 1 << 30 });
      rgTimes.push(ms(t0));
    }
    console.log(`keyword search (${queries.length} queries): clew p50 ${fmt(pct(clewTimes, 50))} ms, p95 ${fmt(pct(clewTimes, 95))} ms (tookMs p95 ${fmt(pct(inside, 95))}; target p95 ≤ 20 ms)`);
    console.log(`                 rg      p50 ${fmt(pct(rgTimes, 50))} ms, p95 ${fmt(pct(rgTimes, 95))} ms  → rg/clew at p50 ${(pct(rgTimes, 50) / pct(clewTimes, 50)).toFixed(1)}×, p95 ${(pct(rgTimes, 95) / pct(clewTimes, 95)).toFixed(1)}× (target ≥ 10×)`);
  } finally {
    await backend.close();
  }
}

if (!existsSync(CLI)) throw new Error('build first: npm run build');
console.log(`# clew index bench — ${new Date().toISOString()}, node ${process.version}, ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores`);
for (const name of values.trees.split(',')) await benchTree(name.trim());
