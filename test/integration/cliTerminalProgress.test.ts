// `clew index` on a terminal (a real pseudo-terminal from util-linux `script`): a progress line with files and
// bytes done of the total, rewritten in place, and wiped before the report, which starts on a clean line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuiltCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const SCRIPT = '/usr/bin/script';
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

describe.skipIf(!existsSync(SCRIPT))('clew index on a terminal', () => {
  const repo = tempDir('clew-tty-repo-');
  const data = tempDir('clew-tty-data-');
  afterAll(() => {
    repo.cleanup();
    data.cleanup();
  });

  it('shows files and bytes as it goes, and the report starts on a wiped line', () => {
    ensureBuiltCli();
    writeTree(repo.path, smallTree(800, 1));
    const command = [process.execPath, CLI, '--data-dir', data.path, '--no-sync', 'index', repo.path].map(quote).join(' ');
    const run = spawnSync(SCRIPT, ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/\r(walking|parsing|writing|removing|done) [\d,]+\/[\d,]+ files, [\d.,]+\/[\d.,]+ MB/);
    // Wiped: the report's first line follows a carriage return and nothing but spaces.
    expect(out).toMatch(/\r +\rindexed /);
    expect(out.slice(out.indexOf('indexed ')).split('\n')[0]).toMatch(new RegExp(`^indexed ${repo.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(repo 1\\) in [\\d.]+s\\r?$`));
  }, 180_000);
});
