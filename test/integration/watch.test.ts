// Watch mode through the real Backend, engine worker, @parcel/watcher and SQLite: after every
// scripted change (edits, creates, deletes, renames, ignore files, branch switches, a mass
// rewrite, changes made while closed) the watched index equals a fresh index of the same tree.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import { DEFAULT_EMBEDDER_ID } from '../../electron/vectors/embedders/hashEmbedder.js';
import { indexRepo } from '../../electron/engine/indexer.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { type FileSnapshot, indexSnapshot } from '../helpers/indexSnapshot.js';
import { smallTree } from '../helpers/smallTree.js';
import { openMigrated } from '../helpers/db.js';

const CONVERGE_MS = 120_000;

describe('watch mode', () => {
  let repo: { path: string; cleanup: () => void };
  let data: { path: string; cleanup: () => void };
  let backend: Backend;

  beforeEach(() => {
    repo = tempDir('clew-watched-');
    data = tempDir('clew-data-');
    writeTree(repo.path, { ...SAMPLE_REPO, ...smallTree(2100) });
  });
  afterEach(async () => {
    await backend.close();
    repo.cleanup();
    data.cleanup();
  });

  const open = (): Backend => (backend = openWriter(data.path, { watch: true }));

  /** A fresh index of the tree as it is now, in a data dir of its own. */
  const freshIndex = async (): Promise<Record<string, FileSnapshot>> => {
    const dir = tempDir('clew-fresh-');
    try {
      const db = openMigrated(join(dir.path, 'clew.db'));
      try {
        await indexRepo(db, repo.path, { embedderId: DEFAULT_EMBEDDER_ID });
      } finally {
        db.close();
      }
      return indexSnapshot(join(dir.path, 'clew.db'));
    } finally {
      dir.cleanup();
    }
  };

  /** Waits for the watcher to settle on exactly what a fresh index holds (no timing is asserted). */
  const expectConverged = async (): Promise<void> => {
    const expected = await freshIndex();
    const want = JSON.stringify(expected);
    let last: Record<string, FileSnapshot> = {};
    await waitFor('the watched index to equal a fresh index', () => {
      last = indexSnapshot(databaseFile(data.path));
      return JSON.stringify(last) === want;
    }, CONVERGE_MS, 250).catch((e: unknown) => {
      // A timeout shows up as the diff below; anything else (a half state in the index) fails as itself.
      if (!String(e).includes('timed out')) throw e;
    });
    expect(last).toEqual(expected);
    // The repo's stored counts were recorded by the same pass.
    const total = (pick: (f: FileSnapshot) => string[]): number => Object.values(expected).reduce((n, f) => n + pick(f).length, 0);
    expect((await call(backend, 'repo:list', {}))[0]).toMatchObject({
      files: Object.keys(expected).length, symbols: total((f) => f.symbols), entryPoints: total((f) => f.entryPoints),
    });
  };

  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd: repo.path, stdio: 'ignore' });
  };

  it('follows edits, creates, deletes, renames, ignore files, branch switches, a mass rewrite and changes made while closed', async () => {
    open();
    await call(backend, 'repo:index', { path: repo.path });
    expect((await call(backend, 'repo:list', {}))[0]).toMatchObject({ watch: true, paused: false, watching: true });
    await expectConverged();

    // Edits, creates (a new folder too), a deleted file and a deleted folder.
    writeTree(repo.path, {
      'src/main/java/com/acme/web/UserController.java': SAMPLE_REPO['src/main/java/com/acme/web/UserController.java']!.replace('public void parseConfig(String raw)', 'public void parseSettings(String raw)'),
      'pkg1/mod1.py': 'def replaced_one():\n    return 1\n',
      'pkg7/mod7.py': 'class Only:\n    pass\n',
      'fresh/deep/new_module.py': 'def brand_new():\n    return 2\n',
      'fresh/deep/server.ts': "import express from 'express';\nconst app = express();\nexport function fresh() {}\napp.get('/fresh', fresh);\n",
    });
    unlinkSync(join(repo.path, 'pkg2/mod2.py'));
    rmSync(join(repo.path, 'pkg3'), { recursive: true });
    await expectConverged();

    // A renamed file and a renamed folder.
    renameSync(join(repo.path, 'pkg4/mod4.py'), join(repo.path, 'pkg4/renamed4.py'));
    renameSync(join(repo.path, 'pkg5'), join(repo.path, 'pkg5moved'));
    await expectConverged();

    // Ignore files take effect at once, and so does removing one.
    writeFileSync(join(repo.path, '.gitignore'), 'pkg6/\n');
    writeFileSync(join(repo.path, 'pkg8/.clewignore'), '*.ts\n');
    await expectConverged();
    unlinkSync(join(repo.path, 'pkg8/.clewignore'));
    await expectConverged();

    // Branch switches rewrite, add and delete files in one burst.
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'main');
    git('checkout', '-q', '-b', 'feature');
    writeTree(repo.path, { ...smallTree(300, 3), 'feature/only.py': 'def on_feature():\n    return 3\n' });
    rmSync(join(repo.path, 'pkg9'), { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', 'feature');
    await expectConverged();
    git('checkout', '-q', 'main');
    await expectConverged();
    git('checkout', '-q', 'feature');
    await expectConverged();

    // A mass change: 2,000 files rewritten at once.
    writeTree(repo.path, smallTree(2000, 2));
    await expectConverged();

    // Changes made while Clew was closed are caught up when it starts.
    await backend.close();
    writeTree(repo.path, { 'pkg10/mod10.py': 'def while_closed():\n    return 4\n', 'closed/new.py': 'def also_new():\n    return 5\n' });
    rmSync(join(repo.path, 'pkg11'), { recursive: true });
    open();
    await expectConverged();
  }, 600_000);

  it('pauses and resumes a repo (kept across restarts), refuses to index it while paused, and catches up on resume', async () => {
    open();
    await call(backend, 'repo:index', { path: repo.path });
    const paused = await call(backend, 'repo:pause', { repo: repo.path });
    expect(paused).toMatchObject({ paused: true, watching: false, watch: true });
    writeTree(repo.path, { 'pkg1/mod1.py': 'def while_paused():\n    return 1\n' });
    expect(await backend.invoke('repo:index', { path: repo.path })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('paused') } });

    await backend.close();
    open();
    expect((await call(backend, 'status:get', {})).repos[0]).toMatchObject({ paused: true, watching: false });
    const resumed = await call(backend, 'repo:resume', { repo: repo.path });
    expect(resumed).toMatchObject({ paused: false, watching: true });
    await expectConverged();

    const unwatched = await call(backend, 'repo:watch', { repo: repo.path, on: false });
    expect(unwatched).toMatchObject({ watch: false, watching: false });
    expect(await call(backend, 'repo:watch', { repo: repo.path, on: true })).toMatchObject({ watch: true, watching: true });
  }, 300_000);

  it('pauses and resumes sync globally, kept across restarts; waiting for a paused sync answers at once', async () => {
    open();
    await call(backend, 'repo:index', { path: repo.path });
    expect(await call(backend, 'sync:pause', {})).toEqual({ paused: true });
    expect((await call(backend, 'status:get', {})).syncPaused).toBe(true);
    expect((await call(backend, 'sync:wait', { timeoutMs: 600_000 })).drained).toBe(false);
    await backend.close();
    open();
    expect((await call(backend, 'status:get', {})).syncPaused).toBe(true);
    expect(await call(backend, 'sync:resume', {})).toEqual({ paused: false });
    expect((await call(backend, 'status:get', {})).syncPaused).toBe(false);
  });

  it('a new folder with files inside, moved in whole, is indexed; a repo added while watching is watched', async () => {
    open();
    const other = tempDir('clew-other-');
    try {
      writeTree(other.path, { 'a/b/c.py': 'def moved_in():\n    return 1\n', 'a/d.ts': 'export function movedToo() {}\n' });
      await call(backend, 'repo:index', { path: repo.path });
      renameSync(join(other.path, 'a'), join(repo.path, 'moved'));
      mkdirSync(join(repo.path, 'empty/deeper'), { recursive: true });
      await expectConverged();
    } finally {
      other.cleanup();
    }
  }, 300_000);
});
