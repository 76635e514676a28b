// Quick open as a person types: every prefix of five queries answered in process over an index, the second of two
// passes timed (the first fills the kept paths and names). Prints p50 / p95 / max per keystroke; asserts nothing.
// Run: node --import tsx test/bench/quick-open-typing.ts [clew.db]   (default: the index bench:index-peers leaves)
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRead } from '../../electron/db/connection.js';
import { quickOpen } from '../../electron/db/read/quickOpen.js';

const file = process.argv[2] ?? join(tmpdir(), 'clew-bench-peers', 'data', 'clew.db');
if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run bench:index-peers\` first, or pass a clew.db`);
const db = openRead(file);
const QUERIES = ['etcdserver/api', 'NewClient', 'client retry', 'handleRequest', 'go.mod'];
const times: number[] = [];
for (let pass = 0; pass < 2; pass++) {
  for (const query of QUERIES) {
    for (let i = 1; i <= query.length; i++) {
      const start = performance.now();
      quickOpen(db, query.slice(0, i), undefined, 30);
      if (pass === 1) times.push(performance.now() - start);
    }
  }
}
times.sort((a, b) => a - b);
const at = (p: number): string => (times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0).toFixed(1);
console.log(`quick open over ${file}: ${times.length} keystrokes, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
db.close();
