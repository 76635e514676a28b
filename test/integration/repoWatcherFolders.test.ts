// The watcher watches folders, not files: one inotify watch per folder (a folder's watch already names the
// files changed in it), so a large repo neither costs a watch (and its memory) per file nor runs into the
// user's watch limit. Real fs.watch on real folders; the watches are counted in /proc/self/fdinfo.
import { mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChangeBatch, RepoWatcher } from '../../electron/engine/watch/repoWatcher.js';
import { waitFor } from '../helpers/chroma.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { inotifyWatchCount } from '../helpers/inotify.js';

const FOLDERS = 6;
const FILES_EACH = 50;

describe('watcher watches folders, not files', () => {
  const dirs: Array<ReturnType<typeof tempDir>> = [];
  const watchers: RepoWatcher[] = [];
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.stop()));
    dirs.splice(0).forEach((d) => d.cleanup());
  });

  async function watched(files: Record<string, string>): Promise<{ root: string; batches: ChangeBatch[]; watcher: RepoWatcher }> {
    const dir = tempDir('clew-folders-');
    dirs.push(dir);
    writeTree(dir.path, files);
    const batches: ChangeBatch[] = [];
    const watcher = new RepoWatcher(dir.path, (b) => batches.push(b), { debounceMs: 50, maxWaitMs: 200 });
    watchers.push(watcher);
    await watcher.start();
    return { root: dir.path, batches, watcher };
  }
  const listed = (batches: ChangeBatch[]): Set<string> => new Set(batches.flatMap((b) => b.paths));

  it('holds one inotify watch per folder, none per file; skipped folders and folder symlinks get none', async () => {
    const files = Object.fromEntries(Array.from({ length: FOLDERS * FILES_EACH }, (_, i) => [`d${i % FOLDERS}/f${i}.txt`, `${i}\n`]));
    const dir = tempDir('clew-folders-');
    dirs.push(dir);
    writeTree(dir.path, { ...files, 'node_modules/x/index.js': 'x\n', '.git/HEAD': 'ref\n' });
    symlinkSync('d0', join(dir.path, 'alias'));
    const before = inotifyWatchCount();
    const watcher = new RepoWatcher(dir.path, () => undefined);
    watchers.push(watcher);
    await watcher.start();
    // The root and its FOLDERS folders; per-file watching would add FOLDERS * FILES_EACH more.
    expect(inotifyWatchCount() - before).toBe(FOLDERS + 1);
    expect(watcher.watchedFolders).toBe(FOLDERS + 1);
    await watcher.stop();
    expect(inotifyWatchCount()).toBe(before);
  });

  it('reports edits, creates and deletes of files by their own paths', async () => {
    const { root, batches } = await watched({ 'a/one.txt': '1\n', 'a/two.txt': '2\n' });
    writeTree(root, { 'a/one.txt': 'changed\n', 'a/three.txt': '3\n' });
    rmSync(join(root, 'a/two.txt'));
    await waitFor('the three changes', () => ['a/one.txt', 'a/three.txt', 'a/two.txt'].every((p) => listed(batches).has(p)) || undefined, 15_000);
    expect(batches.some((b) => b.rewalk)).toBe(false);
  });

  it('a folder moved in whole lists its files and is watched; a folder moved away is reported and unwatched', async () => {
    const { root, batches, watcher } = await watched({ 'keep/k.txt': 'k\n', 'old/x.txt': 'x\n' });
    const outside = tempDir('clew-outside-');
    dirs.push(outside);
    writeTree(outside.path, { 'in/deep/c.py': 'c\n', 'in/d.ts': 'd\n' });
    renameSync(join(outside.path, 'in'), join(root, 'moved'));
    await waitFor('the moved-in files', () => ['moved/deep/c.py', 'moved/d.ts'].every((p) => listed(batches).has(p)) || undefined, 15_000);
    expect(watcher.watchedFolders).toBe(5); // root, keep, old, moved, moved/deep
    // A file written into the moved-in folder afterwards is seen through its new watch.
    writeTree(root, { 'moved/deep/later.py': 'l\n' });
    await waitFor('the later file', () => listed(batches).has('moved/deep/later.py') || undefined, 15_000);
    renameSync(join(root, 'old'), join(outside.path, 'old'));
    await waitFor('the moved-away folder', () => listed(batches).has('old') || undefined, 15_000);
    expect(watcher.watchedFolders).toBe(4);
    // A new empty folder is watched as well.
    mkdirSync(join(root, 'empty'));
    await waitFor('the new folder', () => listed(batches).has('empty') || undefined, 15_000);
    expect(watcher.watchedFolders).toBe(5);
  });

  it('a folder deleted and made again under the same name is watched again', async () => {
    const { root, batches, watcher } = await watched({ 'r/a.txt': 'a\n' });
    rmSync(join(root, 'r'), { recursive: true });
    mkdirSync(join(root, 'r'));
    await waitFor('the folder to be reported', () => listed(batches).has('r') || undefined, 15_000);
    writeTree(root, { 'r/b.txt': 'b\n' });
    await waitFor('a file written into the new folder', () => listed(batches).has('r/b.txt') || undefined, 15_000);
    expect(watcher.watchedFolders).toBe(2);
  });
});
