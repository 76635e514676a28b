// `node --import tsx test/bench/nav/refsSlowest.ts [--db FILE] [--top 20] [--answers OUT]`: the Python places of
// bench:nav-latency, each `refs` answered straight on a read connection (no workers), slowest first in CPU ms.
// --answers writes every answer (places and confidences) so a speed change can be checked to keep them
// (raise REFS_BUDGET_MS in electron/core/nav/navLimits.ts first, or slow answers are cut at different places). Asserts nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NavService } from '../../../electron/core/nav/navService.js';
import { openRead } from '../../../electron/db/connection.js';
import { latencyCorpus } from '../latency/corpus.js';
import { cacheDir } from '../relevance/corpora.js';
import { walkSources } from './files.js';
import type { Place } from './oracle.js';
import { identifierPlaces } from './samples.js';
import { percentile } from './score.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, top: { type: 'string', default: '20' }, answers: { type: 'string' } } });
const root = latencyCorpus();
const nav = new NavService(openRead(values.db ?? join(cacheDir(), 'latency', 'data-nav', 'clew.db')));
// The same places as bench:nav-latency (every n-th of 400 files, 300 places), kept once picked (parsing them takes a while).
const kept = join(cacheDir(), 'latency', 'python-places.json');
let places: Place[];
if (existsSync(kept)) places = JSON.parse(readFileSync(kept, 'utf8')) as Place[];
else {
  const all = walkSources(root, ['.py']);
  const step = Math.max(1, Math.floor(all.length / 400));
  places = await identifierPlaces(root, all.filter((_, i) => i % step === 0), 'python', 300, 7);
  writeFileSync(kept, JSON.stringify(places));
}
const timed: Array<{ cpu: number; refs: number; name: string; at: string }> = [];
const answers: string[] = [];
for (const at of places) {
  const position = { repo: root, path: at.file, line: at.line + 1, column: at.character + 1 };
  const before = process.cpuUsage();
  const answer = nav.references({ repo: root, position, limit: 2000 });
  const used = process.cpuUsage(before);
  timed.push({ cpu: (used.user + used.system) / 1000, refs: answer.refs.length, name: answer.targets[0]?.name ?? '', at: `${at.file}:${position.line}:${position.column}` });
  answers.push(`${timed[timed.length - 1]!.at} ${answer.refs.map((r) => `${r.file}:${r.line}:${r.column}:${r.confidence}`).join(',')}`);
}
if (values.answers) writeFileSync(values.answers, `${answers.join('\n')}\n`);
const cpu = timed.map((t) => t.cpu);
console.log(`${timed.length} places: CPU ms p50 ${percentile(cpu, 50).toFixed(1)}, p95 ${percentile(cpu, 95).toFixed(1)}, total ${cpu.reduce((a, b) => a + b, 0).toFixed(0)}`);
for (const t of timed.sort((a, b) => b.cpu - a.cpu).slice(0, Number(values.top))) console.log(`${t.cpu.toFixed(1)} ms  ${t.refs} refs  ${t.name}  ${t.at}`);
