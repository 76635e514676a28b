// `node --import tsx test/bench/nav/refsAB.ts --base DIR [--db FILE] [--base-db FILE] [--top 20] [--rounds 1]`: the Python places of
// bench:nav-latency answered by two source trees in one process — DIR (another checkout, e.g. `git archive <commit>`
// unpacked, with node_modules linked) and this one — place by place, alternating which goes first, so both
// see the same machine load. Prints CPU ms p50/p95/total of each and how many answers differ (places and
// confidences; raise REFS_BUDGET_MS (electron/core/nav/navLimits.ts) in both trees first, or a loaded machine cuts slow answers at different places).
// --rounds N answers each place N times in each tree and keeps the least CPU time: on a shared machine a place's
// time jumps when other processes take the core's caches, and the least of a few is the steadier figure.
// --base-db: the base's own index of the same repo, when the two trees store occurrences differently.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { latencyCorpus } from '../latency/corpus.js';
import { cacheDir } from '../relevance/corpora.js';
import type { Place } from './oracle.js';
import { percentile } from './score.js';

interface Answers {
  references(req: { repo: string; position: { repo: string; path: string; line: number; column: number }; limit: number }): { refs: Array<{ file: string; line: number; column: number; confidence: string }> };
}

const { values } = parseArgs({ options: { base: { type: 'string' }, db: { type: 'string' }, 'base-db': { type: 'string' }, top: { type: 'string', default: '20' }, rounds: { type: 'string', default: '1' } } });
if (!values.base) throw new Error('--base DIR: a checkout of the tree to compare with');
const db = values.db ?? join(cacheDir(), 'latency', 'data-nav', 'clew.db');
const kept = join(cacheDir(), 'latency', 'python-places.json');
if (!existsSync(kept)) throw new Error(`${kept} is missing: run test/bench/nav/refsSlowest.ts once to pick the places`);
const places = JSON.parse(readFileSync(kept, 'utf8')) as Place[];

async function navOf(dir: string, file: string): Promise<Answers> {
  const { NavService } = (await import(join(dir, 'electron/core/nav/navService.ts'))) as { NavService: new (db: unknown) => Answers };
  const { openRead } = (await import(join(dir, 'electron/db/connection.ts'))) as { openRead: (file: string) => unknown };
  return new NavService(openRead(file));
}

const base = await navOf(resolve(values.base), values['base-db'] ?? db);
const here = await navOf(resolve(import.meta.dirname, '../../..'), db);
const root = latencyCorpus();
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const timed = (nav: Answers, position: { repo: string; path: string; line: number; column: number }): { key: string; ms: number } => {
  const c0 = cpuMs();
  const answer = nav.references({ repo: root, position, limit: 2000 });
  return { ms: cpuMs() - c0, key: answer.refs.map((r) => `${r.file}:${r.line}:${r.column}:${r.confidence}`).join(',') };
};
const rows: Array<{ before: number; after: number; at: string }> = [];
let differing = 0;
for (const [i, at] of places.entries()) {
  const position = { repo: root, path: at.file, line: at.line + 1, column: at.character + 1 };
  let before = Infinity;
  let after = Infinity;
  let same = true;
  for (let round = 0; round < Math.max(1, Number(values.rounds)); round++) {
    const [b, h] = (i + round) % 2 === 0 ? [timed(base, position), timed(here, position)] : (() => { const x = timed(here, position); return [timed(base, position), x]; })();
    if (b.key !== h.key) same = false;
    before = Math.min(before, b.ms);
    after = Math.min(after, h.ms);
  }
  if (!same) differing++;
  rows.push({ before, after, at: `${at.file}:${position.line}:${position.column}` });
}
const line = (label: string, xs: number[]): string => `${label}: CPU ms p50 ${percentile(xs, 50).toFixed(1)}, p95 ${percentile(xs, 95).toFixed(1)}, total ${xs.reduce((a, b) => a + b, 0).toFixed(0)}`;
console.log(line('base', rows.map((r) => r.before)));
console.log(line('this', rows.map((r) => r.after)));
console.log(`answers differing: ${differing} of ${rows.length}`);
for (const r of rows.sort((a, b) => b.after - a.after).slice(0, Number(values.top))) console.log(`${r.before.toFixed(1).padStart(8)} ${r.after.toFixed(1).padStart(8)}  ${r.at}`);
