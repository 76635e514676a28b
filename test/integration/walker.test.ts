// The walk over real folders: ignore rules, skips by reason, symlinks, special and unreadable entries.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkRepo } from '../../electron/engine/walk/walker.js';
import { writeTree } from '../helpers/fixtures.js';
import { cleanupAfterEach, tempPath } from '../helpers/cleanups.js';

describe('walkRepo', () => {
  const cleanups = cleanupAfterEach();
  const repo = (): string => tempPath(cleanups);

  it('honours nested .gitignore, .clewignore, negations and always-skipped folders', () => {
    const root = repo();
    writeTree(root, {
      '.gitignore': 'build/\n*.log\n',
      '.clewignore': 'secret.txt\n',
      'src/a.ts': 'a', 'src/debug.log': 'x', 'build/out.js': 'x', 'secret.txt': 'x',
      'src/gen/.gitignore': '*.gen.ts\n!keep.gen.ts\n', 'src/gen/x.gen.ts': 'x', 'src/gen/keep.gen.ts': 'k',
      'node_modules/dep/index.js': 'x', '.git/HEAD': 'ref', 'lib/node_modules/x.js': 'x',
    });
    const result = walkRepo(root);
    expect(result.files.map((f) => f.relPath)).toEqual(['.clewignore', '.gitignore', 'src/a.ts', 'src/gen/.gitignore', 'src/gen/keep.gen.ts']);
    // build/, debug.log, secret.txt, x.gen.ts, node_modules (twice), .git
    expect(result.skipped.ignored).toBe(7);
  });

  it('skips files over the size cap and symlinks that leave the repo, loop or lead nowhere', () => {
    const root = repo();
    const outside = repo();
    writeTree(outside, { 'elsewhere.ts': 'x' });
    writeTree(root, { 'small.ts': 'x', 'big.ts': 'x'.repeat(5000), 'dir/inner.ts': 'y' });
    symlinkSync(join(outside, 'elsewhere.ts'), join(root, 'out-link.ts'));
    symlinkSync(outside, join(root, 'out-dir'));
    symlinkSync(root, join(root, 'dir', 'loop'));
    symlinkSync(join(root, 'self-a'), join(root, 'self-b'));
    symlinkSync(join(root, 'self-b'), join(root, 'self-a'));
    symlinkSync(join(root, 'small.ts'), join(root, 'alias.ts'));
    // A link to nothing is a broken link, not a file deleted while walking.
    symlinkSync(join(root, 'missing.ts'), join(root, 'dangling.ts'));
    const result = walkRepo(root, { maxFileBytes: 1000 });
    expect(result.files.map((f) => f.relPath)).toEqual(['alias.ts', 'dir/inner.ts', 'small.ts']);
    expect(result.skipped).toMatchObject({ 'too-large': 1, 'symlink-outside': 2, 'symlink-loop': 3, 'symlink-broken': 1 });
    expect(result.skipped.vanished).toBeUndefined();
    expect(result.issues.find((i) => i.path === 'dangling.ts')?.message).toBe('broken symlink (ENOENT)');
    expect(result.issues.find((i) => i.path === 'out-dir')?.message).toMatch(/leaves the repo/);
  });

  it('skips fifos as special files instead of blocking on them', () => {
    const root = repo();
    writeTree(root, { 'a.ts': 'a' });
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const result = walkRepo(root);
    expect(result.files.map((f) => f.relPath)).toEqual(['a.ts']);
    expect(result.skipped.special).toBe(1);
  });

  it('reports an unreadable folder and carries on', () => {
    const root = repo();
    writeTree(root, { 'ok/a.ts': 'a', 'locked/b.ts': 'b' });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'locked'), 0o000);
    try {
      if (process.getuid?.() === 0) {
        // Root reads everything: walk as an unprivileged user to see a real EACCES.
        const script = `import { walkRepo } from ${JSON.stringify(join(process.cwd(), 'electron/engine/walk/walker.ts'))};
          const r = walkRepo(${JSON.stringify(root)}); console.log(JSON.stringify({ files: r.files.map((f) => f.relPath), skipped: r.skipped, unreadable: [...r.unreadable] }));`;
        const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: process.cwd() });
        expect(out.stderr).toBe('');
        const parsed = JSON.parse(out.stdout) as { files: string[]; skipped: Record<string, number>; unreadable: string[] };
        expect(parsed.files).toEqual(['ok/a.ts']);
        expect(parsed.skipped.unreadable).toBe(1);
        expect(parsed.unreadable).toEqual(['locked']);
      } else {
        const result = walkRepo(root);
        expect(result.files.map((f) => f.relPath)).toEqual(['ok/a.ts']);
        expect(result.skipped.unreadable).toBe(1);
        expect([...result.unreadable]).toEqual(['locked']);
      }
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('walks an empty folder', () => {
    const root = repo();
    mkdirSync(join(root, 'empty'));
    expect(walkRepo(root).files).toEqual([]);
  });
});
