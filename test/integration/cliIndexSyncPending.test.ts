// `clew index` without --wait-sync, as a person runs it on a big tree (the real CLI child, the real Chroma
// server): the sync yields to the index, the command returns once the index is done with vectors still
// pending (the exit drains only a queue 5 s can empty, core/exitDrain.ts), and the next start carries the rest.
// A small repo's vectors are all sent before the command exits.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuiltCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { readIndex } from '../helpers/indexReads.js';

const run = promisify(execFile);
const FILES = 400;
const FUNCTIONS = 50;
// What the sync can have sent after the index without draining: the batches already in flight (2 of 5,000).
const IN_FLIGHT_MAX = 2 * 5000;

/** 20,000 small functions (`files` files): more vectors than the default exit drain takes on (a quiet machine sends them all in 5 s). */
function manyFunctions(files = FILES): Record<string, string> {
  const tree: Record<string, string> = {};
  for (let f = 0; f < files; f++) {
    const body: string[] = [];
    for (let i = 0; i < FUNCTIONS; i++) body.push(`def step_${f}_${i}(value):\n    return value * ${i} + ${f}\n`);
    tree[`pkg${f % 10}/steps${f}.py`] = body.join('\n\n');
  }
  return tree;
}

describe('clew index with the vector server', () => {
  const repo = tempDir('clew-cli-pending-repo-');
  const small = tempDir('clew-cli-pending-small-');
  const data = tempDir('clew-cli-pending-data-');
  // Asynchronous: a run of a minute must not block the test worker's event loop.
  const json = async <T>(...args: string[]): Promise<T> =>
    JSON.parse((await run(process.execPath, [CLI, '--data-dir', data.path, '--json', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })).stdout) as T;
  const counts = (): { pending: number; synced: number; sentDuringIndex: number } => readIndex(data.path, (db) => ({
    pending: db.prepare<[], number>('SELECT count(*) FROM text_units WHERE synced_hash IS NOT content_hash').pluck().get() ?? 0,
    synced: db.prepare<[], number>('SELECT count(*) FROM text_units WHERE synced_hash IS content_hash').pluck().get() ?? 0,
    sentDuringIndex: db.prepare<[], number>(
      "SELECT coalesce(sum(sent), 0) FROM sync_runs WHERE kind = 'sync' AND started_at < (SELECT max(indexed_at) FROM repos)").pluck().get() ?? 0,
  }));

  beforeAll(() => {
    ensureBuiltCli();
    writeTree(repo.path, manyFunctions());
    writeTree(small.path, manyFunctions(4));
  });
  afterAll(() => [repo, small, data].forEach((d) => d.cleanup()));

  it('returns when the index is done, leaving vectors pending; the next start drains them', async () => {
    const started = Date.now();
    const report = await json<{ units: number; durationMs: number }>('index', repo.path);
    const tookMs = Date.now() - started;
    expect(report.units).toBeGreaterThanOrEqual(FILES * FUNCTIONS);
    const after = counts();
    // No drain that could not finish: at most the batches in flight when the command closed were sent.
    expect(after.synced).toBeLessThanOrEqual(IN_FLIGHT_MAX);
    expect(after.pending + after.synced).toBe(report.units);
    // Nothing was sent while the index ran: the sync yielded the cores to it.
    expect(after.sentDuringIndex).toBe(0);
    // Start-up, the index and the teardown: not the time to send every vector.
    expect(tookMs - report.durationMs).toBeLessThan(30_000);

    const next = await json<{ sync: { drained: boolean; pending: number; synced: number } }>('index', repo.path, '--wait-sync');
    expect(next.sync).toMatchObject({ drained: true, pending: 0, synced: report.units });
    expect(counts()).toMatchObject({ pending: 0, synced: report.units });
  }, 600_000);

  it('sends a small repo\'s vectors before it exits', async () => {
    const report = await json<{ units: number }>('index', small.path);
    expect(report.units).toBeGreaterThanOrEqual(4 * FUNCTIONS);
    expect(counts()).toMatchObject({ pending: 0 });
  }, 120_000);
});
