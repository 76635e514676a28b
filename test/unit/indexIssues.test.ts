// What an index run says it skipped: problems first, worst first; binary files and ignore rules only counted in the CLI.
import { describe, expect, it } from 'vitest';
import { formatIndex } from '../../electron/cliFormat.js';
import { byConcern } from '../../shared/issueOrder.js';
import type { IndexIssue, IndexReport } from '../../shared/types.js';

const binaries: IndexIssue[] = Array.from({ length: 30 }, (_, i) => ({ path: `locale/${i}/django.mo`, reason: 'binary', message: 'binary content' }));
const problems: IndexIssue[] = [
  { path: 'vendor/jquery.js', reason: 'symlink-broken', message: 'broken symlink (ENOENT)' },
  { path: 'secret/keys.py', reason: 'unreadable', message: 'EACCES: permission denied' },
  { path: 'data/huge.json', reason: 'too-large', message: 'over 1 MiB' },
];

const report = (issues: IndexIssue[]): IndexReport => ({
  repo: { id: 1, path: '/src/django' }, files: 10, symbols: 1, entryPoints: 0, dependencies: 0, packages: 0, units: 1,
  changed: 10, removed: 0, unchanged: 0, skipped: { binary: 30, 'symlink-broken': 1, unreadable: 1, 'too-large': 1 }, issues, durationMs: 1000,
});

describe('index issues', () => {
  it('orders the worst reasons first and keeps the walk order within a reason', () => {
    const ordered = byConcern([...binaries.slice(0, 2), ...problems, binaries[2] as IndexIssue]);
    expect(ordered.map((i) => i.path)).toEqual(['secret/keys.py', 'vendor/jquery.js', 'data/huge.json', 'locale/0/django.mo', 'locale/1/django.mo', 'locale/2/django.mo']);
  });

  it('lists the problems in the CLI and only counts binary files, however many come first', () => {
    const lines = formatIndex(report([...binaries, ...problems])).split('\n');
    expect(lines).toContain('  skipped: binary 30, symlink-broken 1, unreadable 1, too-large 1');
    expect(lines.filter((l) => l.startsWith('  !'))).toEqual([
      '  ! secret/keys.py: EACCES: permission denied',
      '  ! vendor/jquery.js: broken symlink (ENOENT)',
      '  ! data/huge.json: over 1 MiB',
    ]);
    expect(lines.some((l) => l.includes('more'))).toBe(false);
  });

  it('says how many more problems there are past the first ten', () => {
    const many = Array.from({ length: 14 }, (_, i): IndexIssue => ({ path: `bad/${i}.py`, reason: 'unreadable', message: 'EACCES' }));
    const lines = formatIndex(report([...binaries, ...many])).split('\n');
    expect(lines.filter((l) => l.startsWith('  !'))).toHaveLength(10);
    expect(lines.at(-1)).toBe('  … 4 more (see --json)');
  });
});
