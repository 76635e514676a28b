// Watches a tree's folders, not its files: one fs.watch (one inotify watch) per folder, whose events already
// name the files changed in it. chokidar also opened one per file, which on a large repo cost hundreds of MiB
// and ran into the user's inotify watch limit. Symlinks are reported but never followed.
import { type Dirent, type FSWatcher, lstatSync, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** 'folder': a folder appeared or was replaced; 'file': anything else that exists; 'gone': it no longer does. */
export type PathKind = 'file' | 'folder' | 'gone';

export interface FolderWatcherHooks {
  changed(absPath: string, kind: PathKind): void;
  /** Events may have been lost (a folder could not be watched for a reason other than being gone or unreadable). */
  lost(error: unknown): void;
}

interface Watched {
  watcher: FSWatcher;
  /** A folder replaced by another one under the same name must be watched again (the watch follows the inode). */
  ino: number;
}

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;
// Gone again, or unreadable: a chmod later is an event in the parent folder, which tries again.
const EXPECTED = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM']);

export class FolderWatcher {
  private readonly folders = new Map<string, Watched>();
  private closed = false;

  constructor(private readonly root: string, private readonly skipped: (absPath: string) => boolean, private readonly hooks: FolderWatcherHooks) {}

  /** Resolves once every folder of the tree is watched. */
  async start(): Promise<void> {
    await this.watchTree(this.root, false);
  }

  close(): void {
    this.closed = true;
    for (const { watcher } of this.folders.values()) watcher.close();
    this.folders.clear();
  }

  /** How many folders are watched (one inotify watch each). */
  get size(): number {
    return this.folders.size;
  }

  /** Watches `top` and every folder below it, each before reading it (nothing created meanwhile is missed); `report`: hands over what it finds. */
  private async watchTree(top: string, report: boolean): Promise<void> {
    const stack = [top];
    for (let folder = stack.pop(); folder !== undefined && !this.closed; folder = stack.pop()) {
      if (!this.watchFolder(folder)) continue;
      let entries: Dirent[];
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch {
        continue; // gone or unreadable since: its parent's event says so
      }
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (this.skipped(path)) continue;
        if (report) this.hooks.changed(path, entry.isDirectory() ? 'folder' : 'file');
        if (entry.isDirectory()) stack.push(path);
      }
    }
  }

  /** False when it is already watched, or cannot be (then it is left to its parent's events). */
  private watchFolder(folder: string): boolean {
    if (this.closed || this.folders.has(folder)) return false;
    try {
      const ino = lstatSync(folder).ino;
      const watcher = watch(folder, (event, name) => this.onEvent(folder, event, name));
      watcher.on('error', (e) => {
        this.unwatchTree(folder);
        if (!EXPECTED.has(codeOf(e) ?? '')) this.hooks.lost(e);
      });
      this.folders.set(folder, { watcher, ino });
      return true;
    } catch (e) {
      if (!EXPECTED.has(codeOf(e) ?? '')) this.hooks.lost(e);
      return false;
    }
  }

  private onEvent(folder: string, event: string, name: string | null): void {
    if (this.closed || !this.folders.has(folder)) return;
    if (name === null) return this.hooks.lost(new Error(`an event without a name in ${folder}`));
    const path = join(folder, name);
    if (this.skipped(path)) return;
    let ino: number | undefined;
    let isFolder = false;
    try {
      const stats = lstatSync(path, { throwIfNoEntry: false });
      ino = stats?.ino;
      isFolder = stats?.isDirectory() ?? false;
    } catch {
      // ENOTDIR, EACCES: treated as gone; the walk of the path decides
    }
    const known = this.folders.get(path);
    if (isFolder) {
      // A folder's own attribute change (a touch, a chmod) changes none of its files; a 'rename' of a watched
      // name means it was replaced (its new inode may reuse the old number): it is watched and read again.
      if (known?.ino === ino && event !== 'rename') return;
      if (known) this.unwatchTree(path);
      this.hooks.changed(path, 'folder');
      void this.watchTree(path, true);
      return;
    }
    if (known) this.unwatchTree(path);
    this.hooks.changed(path, ino === undefined ? 'gone' : 'file');
  }

  /** Stops watching `top` and the folders below it (deleted, moved away, or replaced). */
  private unwatchTree(top: string): void {
    const below = top + sep;
    for (const [folder, { watcher }] of this.folders) {
      if (folder !== top && !folder.startsWith(below)) continue;
      watcher.close();
      this.folders.delete(folder);
    }
  }
}
