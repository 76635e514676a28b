// What the vector server's lower priority costs (electron/sidecar/serverPriority.ts): semantic query latency while two
// busy processes load the machine, with every thread of the Chroma server at niceness 0 and at its own, alternated.
// Going back to 0 needs root (CAP_SYS_NICE). Prints figures; asserts nothing.
// Run: node --import tsx test/bench/semantic-under-load.ts --data DIR   (DIR: a data dir with an index, e.g. of the Go tree)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Backend } from '../../electron/core/backend.js';
import { VECTOR_SERVER_NICENESS } from '../../electron/sidecar/serverPriority.js';
import { unwrap } from '../../shared/result.js';
import { startSidecar } from '../helpers/chroma.js';
import { pendingIndexCopy } from './pendingIndexCopy.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, units: { type: 'string', default: '30000' }, rounds: { type: 'string', default: '15' } } });
if (!values.data) throw new Error('--data DIR is required');
const QUERIES = ['read a config file', 'retry with backoff', 'parse http request headers', 'marshal json', 'open a database connection',
  'start the server', 'close the connection', 'hash a password'];
const work = mkdtempSync(join(tmpdir(), 'clew-semantic-load-'));
// The first --units rows only: a collection big enough to search, filled in seconds.
const dataDir = pendingIndexCopy(values.data, join(work, 'data'), Number(values.units));
const { sidecar, url } = await startSidecar(join(work, 'chroma'));
const pid = sidecar.status().pid as number;
const backend = Backend.open({ dataDir, write: true, command: 'bench', watch: false, vectors: { mode: 'external', url } });
const renice = (nice: number): void => { for (const tid of readdirSync(`/proc/${pid}/task`)) setPriority(Number(tid), nice); };
try {
  unwrap(await backend.invoke('search:query', { query: QUERIES[0] ?? '', mode: 'keyword' }));
  unwrap(await backend.invoke('sync:wait', { timeoutMs: 10 * 60_000 }));
  for (const nice of [0, VECTOR_SERVER_NICENESS, 0, VECTOR_SERVER_NICENESS]) {
    renice(nice);
    const hogs = [0, 1].map(() => spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 500));
    const times: number[] = [];
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const query of QUERIES) {
        const t0 = performance.now();
        unwrap(await backend.invoke('search:query', { query, mode: 'semantic', limit: 20 }));
        times.push(performance.now() - t0);
      }
    }
    hogs.forEach((h) => h.kill('SIGKILL'));
    times.sort((a, b) => a - b);
    const at = (p: number): string => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN).toFixed(1);
    console.log(`two busy processes, server threads at niceness ${nice}: semantic p50 ${at(0.5)} / p95 ${at(0.95)} ms (${times.length} queries)`);
    await new Promise((r) => setTimeout(r, 500));
  }
} finally {
  await backend.close();
  await sidecar.stop();
  rmSync(work, { recursive: true, force: true });
}
