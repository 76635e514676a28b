// Ignore patterns match with git's case sensitivity: checked against real git on the same tree, with
// the platform default and with core.ignorecase set in the repository (and in a worktree's shared config).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreIgnoreCase, PLATFORM_IGNORES_CASE } from '../../electron/files/gitIgnoreCase.js';
import { walkRepo } from '../../electron/engine/walk/walker.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { cleanupAfterEach } from '../helpers/cleanups.js';

const TREE = {
  '.gitignore': 'BUILD/\n*.LOG\nDocs/Private.md\n',
  'build/keep.py': 'x = 1\n', 'BUILD/gen.py': 'y = 1\n', 'app.log': 'l\n', 'APP.LOG': 'L\n',
  'docs/private.md': 'p\n', 'Docs/Private.md': 'P\n', 'src/a.ts': 'a\n',
};

describe('ignore rules and case', () => {
  const cleanups = cleanupAfterEach();
  const repo = (): string => {
    const dir = tempDir('clew-case-');
    cleanups.push(dir.cleanup);
    writeTree(dir.path, TREE);
    return dir.path;
  };
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });
  /** What git itself would add: every file it does not ignore. */
  const gitFiles = (cwd: string): string[] => git(cwd, 'ls-files', '--others', '--cached', '--exclude-standard').split('\n').filter(Boolean).sort();
  const walked = (root: string): string[] => walkRepo(root).files.map((f) => f.relPath).sort();

  it.skipIf(PLATFORM_IGNORES_CASE)('matches case-sensitively on Linux, like git: BUILD/ does not hide build/keep.py', () => {
    const root = repo();
    git(root, 'init', '-q');
    expect(walked(root)).toContain('build/keep.py');
    expect(walked(root)).not.toContain('BUILD/gen.py');
    expect(walked(root)).toEqual(gitFiles(root));
  });

  it('honours core.ignorecase = true from the repository config, like git', () => {
    const root = repo();
    git(root, 'init', '-q');
    git(root, 'config', 'core.ignorecase', 'true');
    expect(walked(root)).toEqual(['.gitignore', 'src/a.ts']);
    expect(walked(root)).toEqual(gitFiles(root));
  });

  it('honours core.ignorecase = false, and the shared config of a worktree', () => {
    const main = repo();
    git(main, 'init', '-q');
    git(main, 'config', 'core.ignorecase', 'false');
    expect(walked(main)).toEqual(gitFiles(main));
    expect(walked(main)).toContain('build/keep.py');
    git(main, 'config', 'core.ignorecase', 'true');
    git(main, 'add', '.gitignore', 'src/a.ts');
    git(main, 'commit', '-q', '-m', 'init');
    const linked = join(tempDir('clew-case-wt-').path, 'wt');
    cleanups.push(() => { execFileSync('rm', ['-rf', join(linked, '..')]); });
    git(main, 'worktree', 'add', '-q', linked);
    writeTree(linked, { 'build/keep.py': 'x\n', 'app.log': 'l\n' });
    expect(walked(linked)).toEqual(['.gitignore', 'src/a.ts']);
    expect(walked(linked)).toEqual(gitFiles(linked));
  });

  it('reads core.ignorecase as git does: any key case, bare keys, last one wins, subsections are not core', () => {
    expect(coreIgnoreCase('[core]\n\tignoreCase = true\n')).toBe(true);
    expect(coreIgnoreCase('[Core]\n  ignorecase\n')).toBe(true);
    expect(coreIgnoreCase('[core]\nignorecase = yes\n[core]\nignorecase = no ; comment\n')).toBe(false);
    expect(coreIgnoreCase('[core "x"]\nignorecase = true\n')).toBeNull();
    expect(coreIgnoreCase('[user]\nignorecase = true\n[core]\nbare = false\n')).toBeNull();
  });
});
