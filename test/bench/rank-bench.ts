// Ranking latency: rank() over realistic candidate sets (keyword lines, symbol matches, semantic units).
// Run: npm run bench:rank [-- --candidates 1000 --queries 200]. Prints figures; asserts nothing.
import { parseArgs } from 'node:util';
import { rank, type Candidate } from '../../electron/search/index.js';

const { values } = parseArgs({ options: { candidates: { type: 'string', default: '1000' }, queries: { type: 'string', default: '200' } } });
const N = Number(values.candidates);
const Q = Number(values.queries);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const next = rng(1);
const WORDS = ['router', 'session', 'cookie', 'config', 'parse', 'user', 'order', 'handler', 'request', 'response', 'cache', 'token', 'group', 'register', 'static', 'file', 'auth', 'basic', 'middleware', 'json'];
const pick = (): string => WORDS[Math.floor(next() * WORDS.length)]!;
const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
const DIRS = ['src', 'lib', 'tests', 'docs', 'examples', 'vendor/x', 'internal/core', 'pkg/api'];
const EXT = ['.go', '.py', '.ts', '.java', '.md', '.c', '.h', '_test.go'];

function candidates(): Array<Candidate<number>> {
  const out: Array<Candidate<number>> = [];
  for (let i = 0; i < N; i++) {
    const path = `${DIRS[Math.floor(next() * DIRS.length)]}/${pick()}_${pick()}${EXT[Math.floor(next() * EXT.length)]}`;
    const line = 1 + Math.floor(next() * 500);
    const r = next();
    const name = `${pick()}${cap(pick())}`;
    if (r < 0.6) out.push({ source: 'keyword', repo: 'r', path, startLine: line, endLine: line, keywordScore: next() * 12, text: `  const ${name} = ${pick()}.${pick()}(${pick()}, "${pick()} ${pick()}") // ${pick()} ${pick()}`, payload: i });
    else if (r < 0.8) out.push({ source: 'symbol', repo: 'r', path, startLine: line, endLine: line + 20, name, kind: next() < 0.5 ? 'function' : 'class', doc: `${cap(pick())} the ${pick()} of a ${pick()}.`, payload: i });
    else out.push({ source: 'semantic', repo: 'r', path, startLine: line, endLine: line + 30, distance: 0.2 + next() * 0.5, name: next() < 0.5 ? name : undefined, payload: i });
  }
  return out;
}

const queries = Array.from({ length: Q }, (_, i) => (i % 3 === 0 ? `${pick()}${cap(pick())}` : i % 3 === 1 ? `where is the ${pick()} ${pick()} ${pick()}ed` : `${pick()}_${pick()}.go`));
const sets = Array.from({ length: 10 }, candidates);
// Warm-up: the first calls compile the code.
for (let i = 0; i < 20; i++) rank(queries[i % Q]!, sets[i % sets.length]!);
const times: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < Q; i++) {
  const t0 = performance.now();
  rank(queries[i]!, sets[i % sets.length]!);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
const cpu = process.cpuUsage(cpu0);
console.log(`rank(): ${N} candidates, ${Q} queries: wall median ${pct(50).toFixed(2)} ms, p95 ${pct(95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms; mean CPU ${((cpu.user + cpu.system) / 1000 / Q).toFixed(2)} ms per query (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
