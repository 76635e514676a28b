// The vector side of the built `clew` binary: --wait-sync, semantic/hybrid search, status and repair
// JSON shapes, --no-sync, --chroma-url validation, and the remembered embedder choice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('clew CLI with the vector server', () => {
  const repo = tempDir('clew-cli-sync-repo-');
  const data = tempDir('clew-cli-sync-data-');
  const { run, json } = cliFor(data.path);

  beforeAll(() => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('index --wait-sync prints the index report with the sync figures once nothing is pending', () => {
    const report = json<{ units: number; sync: Record<string, unknown> }>('index', repo.path, '--wait-sync');
    expect(report.sync).toMatchObject({ drained: true, synced: report.units, pending: 0, failed: 0, tombstones: 0 });
    expect(typeof report.sync.waitedMs).toBe('number');
  });

  it('status has the documented sync and vectorStore shapes', () => {
    const status = json<{ sync: Record<string, unknown>; vectorStore: Record<string, unknown> }>('status');
    expect(Object.keys(status.sync)).toEqual(expect.arrayContaining(['synced', 'pending', 'failed', 'tombstones', 'orphans', 'missing', 'lastRun']));
    expect(status.sync).toMatchObject({ pending: 0, failed: 0, orphans: 0, missing: 0 });
    expect(status.sync.lastRun).toMatchObject({ failed: 0 });
    expect(Object.keys(status.vectorStore)).toEqual(expect.arrayContaining(['mode', 'url', 'state', 'pid']));
    expect(status.vectorStore).toMatchObject({ mode: 'sidecar' });
  });

  it('search --mode semantic and hybrid answer with the search shape', () => {
    const semantic = json<{ results: Array<{ symbol: string | null; path: string; line: number }>; tookMs: number }>('search', 'say', 'hello', '--mode', 'semantic', '--limit', '3');
    expect(semantic.results.map((r) => r.symbol)).toContain('py.app.hello');
    const hybrid = json<{ results: Array<{ symbol: string | null }> }>('search', 'load settings', '--mode', 'hybrid');
    expect(hybrid.results[0]?.symbol).toBe('py.app.load_settings');
  });

  it('repair --json reports what it did, and --dry-run what it would do', () => {
    const dry = json<Record<string, unknown>>('repair', '--dry-run');
    expect(dry).toMatchObject({ dryRun: true, orphansDeleted: 0, requeued: 0, rebuilt: false, healthy: true });
    const done = json<Record<string, unknown>>('repair');
    expect(Object.keys(done)).toEqual(expect.arrayContaining(['orphansDeleted', 'requeued', 'rebuilt', 'healthy', 'durationMs']));
    expect(done).toMatchObject({ orphansDeleted: 0, requeued: 0, rebuilt: false, healthy: true });
  });

  it('--no-sync indexes without a vector server; semantic search then says why it cannot answer', () => {
    writeFileSync(join(repo.path, 'extra.py'), 'def brand_new_function():\n    return 1\n');
    json('--no-sync', 'index', repo.path);
    expect(json<{ sync: { pending: number } }>('status').sync.pending).toBeGreaterThan(0);
    const r = run('--json', '--no-sync', 'search', 'anything', '--mode', 'semantic');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    expect(r.stderr).toMatch(/turned off/);
  });

  it('rejects a malformed --chroma-url; a broken embedder setting is reported and the hash embedder used', () => {
    const bad = run('--json', '--chroma-url', 'not a url', 'status');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--chroma-url must look like/);
    writeFileSync(join(data.path, 'embedder.json'), '{ nope');
    const broken = run('--json', 'status');
    expect(broken.status).toBe(0);
    expect(broken.stderr).toMatch(/embedder.json is not valid JSON/);
    expect(JSON.parse(broken.stdout)).toMatchObject({ settingsError: expect.stringMatching(/embedder.json/) });
  });
});
