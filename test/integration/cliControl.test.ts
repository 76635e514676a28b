// `clew pause|resume <repo>`, `clew pause|resume --sync` and `clew watch <repo> on|off`, run in-process
// against a real data dir: flags are kept in the database and shown by `clew status`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli.js';
import type { StatusReport } from '../../shared/types.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

describe('clew pause / resume / watch', () => {
  const repo = tempDir('clew-repo-');
  const data = tempDir('clew-data-');
  const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const code = await runCli(['--data-dir', data.path, '--no-sync', ...args], { out: (t) => { out += t; }, err: (t) => { err += t; } });
    return { code, out, err };
  };
  const status = async (): Promise<StatusReport> => JSON.parse((await run('--json', 'status')).out) as StatusReport;

  beforeAll(async () => {
    writeTree(repo.path, SAMPLE_REPO);
    expect((await run('index', repo.path)).code).toBe(0);
  });
  afterAll(() => [repo, data].forEach((d) => d.cleanup()));

  it('pauses and resumes a repo, kept in the data dir', async () => {
    const paused = await run('--json', 'pause', repo.path);
    expect(paused.code, paused.err).toBe(0);
    expect(JSON.parse(paused.out)).toMatchObject({ repo: { path: expect.any(String), paused: true, watch: true } });
    expect((await status()).repos[0]).toMatchObject({ paused: true });
    const refused = await run('index', repo.path);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('paused');
    expect((await run('resume', repo.path)).out).toContain('active');
    expect((await status()).repos[0]).toMatchObject({ paused: false });
  });

  it('turns watching off and on', async () => {
    expect((await run('watch', repo.path, 'off')).out).toContain('watch off');
    expect((await status()).repos[0]).toMatchObject({ watch: false });
    expect((await run('watch', repo.path, 'on')).out).toContain('watch on');
  });

  it('pauses and resumes sync', async () => {
    expect((await run('pause', '--sync')).out).toBe('vector sync paused');
    expect((await status()).syncPaused).toBe(true);
    expect((await run('resume', '--sync')).out).toBe('vector sync resumed');
    expect((await status()).syncPaused).toBe(false);
  });

  it('usage errors exit 2', async () => {
    expect((await run('pause')).code).toBe(2);
    expect((await run('watch', repo.path, 'maybe')).code).toBe(2);
    expect((await run('pause', repo.path, '--sync')).code).toBe(2);
  });
});
