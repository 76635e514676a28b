// The engine's threads run with V8 heap limits (electron/engine/heapLimits.ts), so a long index collects garbage
// instead of growing each heap to several times what it holds: the writer's and every parse worker's limit is read
// from the thread itself (the memory trace reports V8's heap_size_limit). A parse worker that runs out of heap is
// replaced and its file is prepared on the writer: the file is still indexed. Real worker threads, real SQLite files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexRepo } from '../../electron/engine/indexer.js';
import { DEFAULT_IDLE, DEFAULT_RECYCLE, ParsePool } from '../../electron/engine/parsePool.js';
import { MEMORY_TRACE_PREFIX } from '../../electron/base/rpc/memoryTrace.js';
import { openMigrated } from '../helpers/db.js';
import { call, openWriter } from '../helpers/backend.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const MiB = 2 ** 20;
const cleanups: Array<() => Promise<void> | void> = [];
const saved = { every: process.env.CLEW_MEMORY_TRACE, file: process.env.CLEW_MEMORY_TRACE_FILE };
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const [key, value] of [['CLEW_MEMORY_TRACE', saved.every], ['CLEW_MEMORY_TRACE_FILE', saved.file]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

/** Threads started from now on trace their memory every 50 ms into a fresh file; returns that file. */
function traceThreads(): string {
  const dir = tempDir('clew-heap-trace-');
  cleanups.push(dir.cleanup);
  const file = join(dir.path, 'threads.trace');
  process.env.CLEW_MEMORY_TRACE = '50';
  process.env.CLEW_MEMORY_TRACE_FILE = file;
  return file;
}

/** The heap limit each thread of this kind reported, once one has. */
async function heapLimitsOf(file: string, thread: string): Promise<number[]> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Not written yet.
    }
    const limits = text.split('\n').filter((l) => l.startsWith(`${MEMORY_TRACE_PREFIX} `) && l.split(' ')[2]?.startsWith(`${thread}#`))
      .map((l) => Number(/ heapLimit=(\d+)/.exec(l)?.[1]));
    if (limits.length > 0) return limits;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${thread} thread traced its memory`);
}

describe('heap limits of the engine threads', () => {
  it('a parse worker runs with a V8 heap limit of about 256 MiB, not the machine-sized default', async () => {
    const file = traceThreads();
    const pool = new ParsePool(1);
    cleanups.push(() => pool.close());
    await pool.warm(['python']);
    const limits = await heapLimitsOf(file, 'parse');
    for (const limit of limits) {
      expect(limit).toBeGreaterThan(200 * MiB);
      expect(limit).toBeLessThan(400 * MiB);
    }
  });

  it('the engine (writer) thread runs with a V8 heap limit of about 1 GiB', async () => {
    const file = traceThreads();
    const data = tempDir('clew-heap-data-');
    cleanups.push(data.cleanup);
    const backend = openWriter(data.path);
    cleanups.push(() => backend.close());
    await call(backend, 'sync:pause', {});
    const limits = await heapLimitsOf(file, 'engine');
    for (const limit of limits) {
      expect(limit).toBeGreaterThan(900 * MiB);
      expect(limit).toBeLessThan(1300 * MiB);
    }
  });

  it('a parse worker that runs out of heap is replaced and its file is still indexed', async () => {
    const repo = tempDir('clew-heap-repo-');
    cleanups.push(repo.cleanup);
    const tree = smallTree(3);
    // About 1 MB of Python: thousands of functions, each a symbol with its own occurrences.
    tree['big.py'] = Array.from({ length: 12_000 }, (_, i) => `def handler_${i}(value_${i}):\n    return value_${i} + ${i}\n`).join('\n');
    writeTree(repo.path, tree);
    // Too small a heap for that file's analysis, enough to start and parse the small ones.
    const pool = new ParsePool(1, DEFAULT_RECYCLE, DEFAULT_IDLE, { maxOldGenerationSizeMb: 12, maxYoungGenerationSizeMb: 2 });
    cleanups.push(() => pool.close());
    const data = tempDir('clew-heap-data-');
    cleanups.push(data.cleanup);
    const db = openMigrated(join(data.path, 'clew.db'));
    cleanups.push(() => { db.close(); });
    const report = await indexRepo(db, repo.path, { embedderId: 'test', parsePool: pool });
    expect(report.changed).toBe(Object.keys(tree).length);
    expect(pool.spawned).toBeGreaterThan(1);
    const symbols = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM symbols s JOIN files f ON f.id = s.file_id WHERE f.path = 'big.py'").get()?.n;
    expect(symbols).toBe(12_000);
  });
});
