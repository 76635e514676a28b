// How much slower a keyword search is the first time it runs in a process than the third, on an existing index (by
// default the one `npm run bench:index-peers` leaves). With `--warm`, other queries run first, sharing no term with the
// timed ones: if their first runs are then as fast as their third, the slowness is the process warming up, not the data.
// Run it as: node --import tsx test/bench/keyword-first-runs.ts [--db FILE] [--warm]
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openRead } from '../../electron/db/connection.js';
import { keywordSearch } from '../../electron/db/read/keywordSearch.js';
import type { SearchQuery } from '../../shared/types.js';

const { values } = parseArgs({ options: { db: { type: 'string', default: join(tmpdir(), 'clew-bench-peers', 'data', 'clew.db') }, warm: { type: 'boolean', default: false } } });

// The common identifiers bench:index-peers times first, and terms none of them holds for the warm-up.
const TIMED = ['Context', 'NewClient', 'err', 'Marshal', 'ReadFile', 'mutex', 'parse config', 'TODO', 'Unmarshal', 'http.Request'];
const WARM_UP = ['Client', 'Request', 'config', 'parse', 'http', 'Handler', 'Server', 'error', 'Decode', 'Encode', 'fmt.Errorf', 'return nil', 'new_thing', 'ctx context'];
const PASSES = 3;

const db = openRead(values.db);
const search = (query: string): number => {
  const t0 = performance.now();
  keywordSearch(db, { query, mode: 'keyword' } satisfies SearchQuery, 50);
  return performance.now() - t0;
};
search('main');
if (values.warm) for (const query of WARM_UP) search(query);
const times = TIMED.map(() => [] as number[]);
for (let pass = 0; pass < PASSES; pass++) TIMED.forEach((query, k) => times[k]?.push(search(query)));
console.log(`${values.warm ? `after ${WARM_UP.length} other queries` : 'a fresh process'}: ms per run, passes 1 to ${PASSES}`);
TIMED.forEach((query, k) => console.log(`  ${query.padEnd(14)}${(times[k] ?? []).map((t) => t.toFixed(1).padStart(7)).join('')}`));
db.close();
