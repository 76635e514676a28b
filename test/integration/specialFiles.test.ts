// Fifos and odd symlinks inside a repo, through the real Backend, walker and parse path: nothing opens
// a fifo (which would wait for a writer and hold a thread-pool thread forever), links out of the repo
// are refused without probing their targets, and a symlink loop gets a clear error.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { DEFAULT_EMBEDDER_ID } from '../../electron/vectors/embedders/hashEmbedder.js';
import { prepareFile } from '../../electron/engine/prepareFile.js';
import { walkRepo } from '../../electron/engine/walk/walker.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

const FIFOS = ['pipe1', 'pipe2', 'pipe3', 'pipe4', 'src/pipe5.ts'];
// Well under what a blocked open would take (forever), well over what a refusal takes.
const PROMPT_MS = 2000;

describe('special files and symlinks at file:read, the walk and the parse', () => {
  const repo = tempDir('clew-special-');
  const outside = tempDir('clew-outside-');
  const data = tempDir('clew-data-');
  let backend: Backend;
  const writers: ChildProcess[] = [];

  beforeAll(async () => {
    writeTree(repo.path, { ...SAMPLE_REPO, 'src/ok.ts': 'export const ok = 1;\n' });
    writeTree(outside.path, { 'exists.txt': 'secret\n' });
    for (const fifo of FIFOS) execFileSync('mkfifo', [join(repo.path, fifo)]);
    symlinkSync(join(outside.path, 'exists.txt'), join(repo.path, 'out-exists'));
    symlinkSync(join(outside.path, 'missing.txt'), join(repo.path, 'out-missing'));
    symlinkSync('../../etc/passwd-not-here', join(repo.path, 'out-relative'));
    symlinkSync('loop-b', join(repo.path, 'loop-a'));
    symlinkSync('loop-a', join(repo.path, 'loop-b'));
    backend = openWriter(data.path);
    await call(backend, 'repo:index', { path: repo.path });
  });
  afterAll(async () => {
    for (const w of writers) w.kill('SIGKILL');
    await backend.close();
    [repo, outside, data].forEach((d) => d.cleanup());
  });

  it('refuses every fifo promptly, and reads and indexing still work afterwards', async () => {
    const started = performance.now();
    const results = await Promise.all(FIFOS.map((path) => backend.invoke('file:read', { repo: repo.path, path })));
    expect(performance.now() - started).toBeLessThan(PROMPT_MS);
    for (const [i, result] of results.entries()) {
      expect(result.ok, FIFOS[i]).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/not a regular file \(fifo\)/) });
    }
    // Nothing is left holding the thread pool: ordinary reads and a re-index answer at once.
    const again = performance.now();
    expect((await call(backend, 'file:read', { repo: repo.path, path: 'src/ok.ts' })).text).toBe('export const ok = 1;\n');
    writeFileSync(join(repo.path, 'src/ok.ts'), 'export const ok = 2;\n');
    const report = await call(backend, 'repo:index', { path: repo.path });
    expect(report.changed).toBe(1);
    expect(performance.now() - again).toBeLessThan(PROMPT_MS * 5);
  }, 30_000);

  it('the parse step refuses a file that became a fifo after the walk, without opening it for reading', async () => {
    const path = join(repo.path, 'swapped.ts');
    writeFileSync(path, 'export const a = 1;\n');
    const walked = walkRepo(repo.path).files.find((f) => f.relPath === 'swapped.ts');
    expect(walked).toBeDefined();
    rmSync(path);
    execFileSync('mkfifo', [path]);
    const started = performance.now();
    const prepared = await prepareFile({ absPath: walked!.absPath, relPath: 'swapped.ts', repoKey: 'k', embedderId: DEFAULT_EMBEDDER_ID, previousHash: null });
    expect(prepared).toEqual({ kind: 'special', what: 'fifo' });
    expect(performance.now() - started).toBeLessThan(PROMPT_MS);
    rmSync(path);
  }, 30_000);

  it('the walk does not block on an ignore file that is a fifo', () => {
    const root = tempDir('clew-fifo-ignore-');
    try {
      writeTree(root.path, { 'a.ts': 'a' });
      const fifo = join(root.path, '.gitignore');
      execFileSync('mkfifo', [fifo]);
      // Before the fix the walk waited for a writer: this one comes after 3 s, so a blocked walk shows as slow, not as a hang.
      const writer = spawn('sh', ['-c', `sleep 3; echo 'a.ts' > '${fifo}'`], { stdio: 'ignore' });
      writers.push(writer);
      const started = performance.now();
      const result = walkRepo(root.path);
      expect(performance.now() - started).toBeLessThan(PROMPT_MS);
      expect(result.files.map((f) => f.relPath)).toEqual(['a.ts']);
      expect(result.issues).toContainEqual({ path: '.gitignore', reason: 'special', message: 'ignore file is not a regular file (fifo)' });
      writer.kill('SIGKILL');
    } finally {
      root.cleanup();
    }
  });

  it('in watch mode, a fifo that appears, or replaces a file, is skipped and the passes go on', async () => {
    const watched = tempDir('clew-special-watch-');
    const watchData = tempDir('clew-data-');
    const w = openWriter(watchData.path, { watch: true });
    try {
      writeTree(watched.path, { 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n' });
      await call(w, 'repo:index', { path: watched.path });
      execFileSync('mkfifo', [join(watched.path, 'new-pipe')]);
      rmSync(join(watched.path, 'a.ts'));
      execFileSync('mkfifo', [join(watched.path, 'a.ts')]);
      writeFileSync(join(watched.path, 'c.ts'), 'export const c = 1;\n');
      await waitFor('the watched pass', async () => {
        const files = (await call(w, 'quickopen:query', { query: '.ts', repo: watched.path })).filter((i) => i.kind === 'file').map((i) => i.path).sort();
        return JSON.stringify(files) === JSON.stringify(['b.ts', 'c.ts']);
      }, 60_000, 100);
      const read = await w.invoke('file:read', { repo: watched.path, path: 'a.ts' });
      expect(read.ok ? null : read.error.code).toBe('BAD_REQUEST');
      expect((await call(w, 'file:read', { repo: watched.path, path: 'c.ts' })).text).toBe('export const c = 1;\n');
    } finally {
      await w.close();
      watched.cleanup();
      watchData.cleanup();
    }
  }, 90_000);

  it('answers "outside the repository" for links out, the same whether the target exists or not', async () => {
    const errors = [];
    for (const path of ['out-exists', 'out-missing', 'out-relative']) {
      const result = await backend.invoke('file:read', { repo: repo.path, path });
      expect(result.ok, path).toBe(false);
      if (!result.ok) errors.push(result.error);
    }
    expect(errors).toEqual([
      { code: 'OUTSIDE_REPO', message: 'out-exists is outside the repository' },
      { code: 'OUTSIDE_REPO', message: 'out-missing is outside the repository' },
      { code: 'OUTSIDE_REPO', message: 'out-relative is outside the repository' },
    ]);
  });

  it('names a symlink loop as such, not INTERNAL', async () => {
    const result = await backend.invoke('file:read', { repo: repo.path, path: 'loop-a' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/symlink loop/) });
  });
});
