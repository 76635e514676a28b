// The built `clew` binary as a person or a script runs it: real processes, --json shapes, errors.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('clew CLI', () => {
  const repo = tempDir('clew-repo-');
  const data = tempDir('clew-data-');
  const { run, json } = cliFor(data.path);

  beforeAll(() => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('index --json prints exactly one JSON document with the documented shape', () => {
    const r = run('--json', 'index', repo.path);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['repo', 'files', 'symbols', 'entryPoints', 'units', 'skipped', 'durationMs']));
    expect(report.repo).toMatchObject({ id: 1 });
    expect(report.files).toBe(Object.keys(SAMPLE_REPO).length);
  });

  it('search, symbols, entrypoints, deps, notes and status answer in their documented shapes', () => {
    const search = json<{ results: Array<Record<string, unknown>>; tookMs: number }>('search', 'parse', 'config', '--limit', '5');
    expect(search.results.length).toBeGreaterThan(0);
    expect(Object.keys(search.results[0] ?? {})).toEqual(expect.arrayContaining(['path', 'line', 'snippet', 'symbol', 'score']));
    expect(typeof search.tookMs).toBe('number');

    const symbols = json<Array<Record<string, unknown>>>('symbols', repo.path, '--kind', 'class');
    expect(symbols.map((s) => s.fqn)).toEqual(expect.arrayContaining(['com.acme.web.UserController', 'com.acme.App']));
    expect(Object.keys(symbols[0] ?? {})).toEqual(expect.arrayContaining(['fqn', 'kind', 'name', 'file', 'line']));

    const entry = json<Array<Record<string, unknown>>>('entrypoints', repo.path);
    for (const e of entry) expect(Object.keys(e)).toEqual(expect.arrayContaining(['kind', 'method', 'path', 'schedule', 'queue', 'symbol', 'file', 'line']));

    const deps = json<{ packages: Array<{ name: string; scope: string }> }>('deps', repo.path);
    expect(deps.packages).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'express', scope: 'runtime' }), expect.objectContaining({ name: 'vitest', scope: 'dev' })]));

    const added = json<{ id: number; state: string }>('note', 'add', 'com.acme.App', 'boots', 'everything');
    expect(added.state).toBe('current');
    const notes = json<Array<Record<string, unknown>>>('note', 'list');
    expect(notes).toEqual([expect.objectContaining({ id: added.id, fqn: 'com.acme.App', text: 'boots everything', state: 'current' })]);

    const status = json<{ repos: Array<Record<string, unknown>>; sync: Record<string, number> }>('status');
    expect(Object.keys(status.repos[0] ?? {})).toEqual(expect.arrayContaining(['id', 'path', 'files', 'symbols', 'indexedAt']));
    // The CLI syncs in the background until it exits (bounded), so rows are synced or still pending.
    expect(status.sync).toMatchObject({ failed: 0 });
    expect(status.sync.synced + status.sync.pending).toBeGreaterThan(0);
  });

  it('prints a human summary without --json', () => {
    const r = run('status');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/repos \(1\):/);
    expect(r.stdout).toMatch(/sync: synced \d+, pending \d+, failed 0/);
  });

  it('fails with a non-zero code, one line on stderr, and a JSON error with --json', () => {
    const bad = run('--json', 'search', 'x', '--mode', 'telepathy');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(bad.stdout)).toEqual({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('--mode') } });

    const notFolder = run('--json', 'index', join(repo.path, 'README.md'));
    expect(notFolder.status).toBe(1);
    expect(JSON.parse(notFolder.stdout)).toMatchObject({ error: { code: 'NOT_A_FOLDER' } });

    const unknownRepo = run('symbols', 'no-such-repo');
    expect(unknownRepo.status).toBe(1);
    expect(unknownRepo.stderr).toMatch(/^clew: no indexed repo matches "no-such-repo"/);
    expect(unknownRepo.stdout).toBe('');

    const noIndex = cliFor(join(data.path, 'fresh')).run('search', 'x');
    expect(noIndex.status).toBe(1);
    expect(noIndex.stderr).toMatch(/no index in .* yet/);
    expect(run('frobnicate').status).toBe(2);
  });
});
