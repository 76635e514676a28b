// `clew index` without --wait-sync, as a person runs it on a big tree (the real CLI child, the real Chroma
// server): the sync yields to the index, the command returns once the index is done with vectors still
// pending (the exit drains for --drain-ms at most, 5 s by default), and the next start carries the rest.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuiltCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { readIndex } from '../helpers/indexReads.js';

const run = promisify(execFile);
const FILES = 400;
const FUNCTIONS = 50;
const DRAIN_MS = 200;

/** 20,000 small functions: more vectors than a 200 ms drain can carry on any machine (a quiet one sends them all in 5 s). */
function manyFunctions(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let f = 0; f < FILES; f++) {
    const body: string[] = [];
    for (let i = 0; i < FUNCTIONS; i++) body.push(`def step_${f}_${i}(value):\n    return value * ${i} + ${f}\n`);
    files[`pkg${f % 10}/steps${f}.py`] = body.join('\n\n');
  }
  return files;
}

describe('clew index with the vector server', () => {
  const repo = tempDir('clew-cli-pending-repo-');
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
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('returns when the index is done, leaving vectors pending; the next start drains them', async () => {
    const started = Date.now();
    const report = await json<{ units: number; durationMs: number }>('index', repo.path, '--drain-ms', String(DRAIN_MS));
    const tookMs = Date.now() - started;
    expect(report.units).toBeGreaterThanOrEqual(FILES * FUNCTIONS);
    const after = counts();
    expect(after.pending).toBeGreaterThan(0);
    expect(after.pending + after.synced).toBe(report.units);
    // Nothing was sent while the index ran: the sync yielded the cores to it.
    expect(after.sentDuringIndex).toBe(0);
    // Start-up, the index, the short drain and the teardown: not the time to send every vector.
    expect(tookMs - report.durationMs).toBeLessThan(30_000);

    const next = await json<{ sync: { drained: boolean; pending: number; synced: number } }>('index', repo.path, '--wait-sync');
    expect(next.sync).toMatchObject({ drained: true, pending: 0, synced: report.units });
    expect(counts()).toMatchObject({ pending: 0, synced: report.units });
  }, 600_000);
});
