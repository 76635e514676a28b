// The order a big run reads files in: source first, then generated code, tests, docs and data; within
// each, the most recently committed (a real git repository) or, outside git, the newest mtime first.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexQueue, indexOrder, recentlyCommitted, recentlyCommittedLater, tierOf } from '../../../electron/engine/walk/indexOrder.js';
import type { WalkedFile } from '../../../electron/engine/walk/walker.js';
import { tempDir, writeTree } from '../../helpers/fixtures.js';

const walked = (relPath: string, mtimeMs = 0): WalkedFile => ({ relPath, absPath: `/x/${relPath}`, size: 10, mtimeMs });
const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('index order', () => {
  it('puts source before generated code, tests, docs and data', () => {
    expect(tierOf('src/server.go')).toBe(0);
    expect(tierOf('api/types.pb.go')).toBe(1);
    expect(tierOf('src/server_test.go')).toBe(2);
    expect(tierOf('testdata/input.go')).toBe(2);
    expect(tierOf('README.md')).toBe(3);
    expect(tierOf('data/table.csv')).toBe(3);
    const files = ['README.md', 'src/server_test.go', 'data/table.csv', 'api/types.pb.go', 'src/server.go'].map((p) => walked(p));
    expect(indexOrder(files, new Map()).map((f) => f.relPath)).toEqual(['src/server.go', 'api/types.pb.go', 'src/server_test.go', 'README.md', 'data/table.csv']);
  });

  it('reads the files of the latest commits first, by git history', async () => {
    const repo = tempDir('clew-order-');
    dirs.push(repo);
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo.path, encoding: 'utf8' });
    git('init', '-q');
    writeTree(repo.path, { 'pkg/old.go': 'package pkg\n', 'pkg/mid.go': 'package pkg\n' });
    git('add', '.');
    git('commit', '-qm', 'first');
    writeTree(repo.path, { 'pkg/new.go': 'package pkg\n' });
    git('add', '.');
    git('commit', '-qm', 'second');
    writeTree(repo.path, { 'pkg/mid.go': 'package pkg\n// edited\n' });
    git('commit', '-qam', 'third');
    const recent = recentlyCommitted(repo.path);
    expect([...recent.keys()]).toEqual(['pkg/mid.go', 'pkg/new.go', 'pkg/old.go']);
    // The non-blocking read a streamed run uses finds the same history.
    expect([...(await recentlyCommittedLater(repo.path)).keys()]).toEqual(['pkg/mid.go', 'pkg/new.go', 'pkg/old.go']);
    // mtimes say the opposite: git history wins where it has an answer.
    const files = [walked('pkg/old.go', 3), walked('pkg/new.go', 2), walked('pkg/mid.go', 1), walked('pkg/untracked.go', 0)];
    expect(indexOrder(files, recent).map((f) => f.relPath)).toEqual(['pkg/mid.go', 'pkg/new.go', 'pkg/old.go', 'pkg/untracked.go']);
  });

  it('takes the best file walked so far while files keep arriving, and re-ranks the waiting ones by git history', () => {
    const queue = new IndexQueue();
    for (const p of ['README.md', 'src/a_test.go', 'src/b.go']) queue.add(walked(p));
    expect(queue.take()?.relPath).toBe('src/b.go');
    // Arrivals after a take join the order: a source file still comes before the test and the docs.
    for (const p of ['src/c.go', 'src/d.go', 'src/e.go']) queue.add(walked(p));
    expect(queue.take()?.relPath).toBe('src/c.go');
    // The history arrives: recently committed files move ahead of the rest of their tier.
    queue.rankBy(new Map([['src/e.go', 0], ['src/a_test.go', 1]]));
    queue.add(walked('docs/guide.md'));
    const rest: string[] = [];
    for (let f = queue.take(); f; f = queue.take()) rest.push(f.relPath);
    expect(rest).toEqual(['src/e.go', 'src/d.go', 'src/a_test.go', 'README.md', 'docs/guide.md']);
    expect(queue.size).toBe(0);
  });

  it('orders a thousand files exactly as the one-shot sort does', () => {
    const files = Array.from({ length: 1000 }, (_, i) => walked(`${['src', 'test', 'docs', 'gen'][i % 4]}/f${(i * 7919) % 1000}${['.go', '_test.go', '.md', '.pb.go'][(i >> 2) % 4]}`, i % 13));
    const recent = new Map(files.filter((_, i) => i % 17 === 0).map((f, rank) => [f.relPath, rank]));
    const queue = new IndexQueue();
    queue.rankBy(recent);
    for (const f of files) queue.add(f);
    const taken: string[] = [];
    for (let f = queue.take(); f; f = queue.take()) taken.push(f.relPath);
    expect(taken).toEqual(indexOrder(files, recent).map((f) => f.relPath));
  });

  it('falls back to the newest mtime outside git', () => {
    const plain = tempDir('clew-order-plain-');
    dirs.push(plain);
    expect(recentlyCommitted(plain.path).size).toBe(0);
    const files = [walked('a.go', 1), walked('b.go', 3), walked('c.go', 2)];
    expect(indexOrder(files, new Map()).map((f) => f.relPath)).toEqual(['b.go', 'c.go', 'a.go']);
  });
});
