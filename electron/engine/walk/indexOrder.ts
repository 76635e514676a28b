// The order a big run reads files in, so the first results that become searchable are the useful ones:
// source before generated code, before tests and examples, before docs and data; within each, the files
// changed most recently first (by git history when the folder is in a git repository, else by mtime).
import { execFile, spawnSync } from 'node:child_process';
import { languageOf } from '../../base/languages.js';
import { fileRoles } from '../../base/fileRoles.js';
import type { WalkedFile } from './walker.js';

// Bounded: the order only helps the first seconds; a huge history must not delay them.
const GIT_COMMITS = 300;
const GIT_TIMEOUT_MS = 2_000;

/** Repo-relative paths touched by the last commits, most recent first; empty outside git or on any failure. */
export function recentlyCommitted(root: string): Map<string, number> {
  const out = new Map<string, number>();
  const r = spawnSync('git', ['log', `-n${GIT_COMMITS}`, '--name-only', '--relative', '--no-renames', '--format='], {
    cwd: root, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (r.status !== 0 || typeof r.stdout !== 'string') return out;
  for (const line of r.stdout.split('\n')) if (line && !out.has(line)) out.set(line, out.size);
  return out;
}

/** The same, without blocking the thread: a big run starts parsing while git reads its history. */
export function recentlyCommittedLater(root: string): Promise<Map<string, number>> {
  return new Promise((resolve) => {
    execFile('git', ['log', `-n${GIT_COMMITS}`, '--name-only', '--relative', '--no-renames', '--format='], {
      cwd: root, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024,
    }, (error, stdout) => {
      const out = new Map<string, number>();
      if (!error) for (const line of stdout.split('\n')) if (line && !out.has(line)) out.set(line, out.size);
      resolve(out);
    }).stdin?.end();
  });
}

/** 0 source, 1 generated/declarations, 2 tests, examples, fixtures, vendored, 3 docs, data and anything else. */
export function tierOf(relPath: string): number {
  const roles = fileRoles(relPath);
  if (roles.some((r) => r === 'docs' || r === 'lock')) return 3;
  if (roles.some((r) => r === 'test' || r === 'example' || r === 'fixture' || r === 'vendored')) return 2;
  if (languageOf(relPath) === null) return 3;
  if (roles.some((r) => r === 'generated' || r === 'minified' || r === 'declaration')) return 1;
  return 0;
}

interface Keyed {
  file: WalkedFile;
  tier: number;
  rank: number;
}

const NOT_RECENT = Number.MAX_SAFE_INTEGER;
const before = (a: Keyed, b: Keyed): number =>
  a.tier - b.tier || a.rank - b.rank || b.file.mtimeMs - a.file.mtimeMs || (a.file.relPath < b.file.relPath ? -1 : a.file.relPath > b.file.relPath ? 1 : 0);

export function indexOrder(files: readonly WalkedFile[], recent: ReadonlyMap<string, number>): WalkedFile[] {
  const keyed = files.map((file) => ({ file, tier: tierOf(file.relPath), rank: recent.get(file.relPath) ?? NOT_RECENT }));
  keyed.sort(before);
  return keyed.map((k) => k.file);
}

/**
 * The same order over files that arrive while the walk goes on (a binary heap): each take is the best
 * file walked so far, and the git history, when it arrives, re-ranks what is still waiting.
 */
export class IndexQueue {
  private heap: Keyed[] = [];
  private recent: ReadonlyMap<string, number> = new Map();

  get size(): number {
    return this.heap.length;
  }

  add(file: WalkedFile): void {
    this.heap.push({ file, tier: tierOf(file.relPath), rank: this.recent.get(file.relPath) ?? NOT_RECENT });
    this.up(this.heap.length - 1);
  }

  take(): WalkedFile | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top.file;
  }

  /** Recent commits are known now: files still waiting move by them. */
  rankBy(recent: ReadonlyMap<string, number>): void {
    this.recent = recent;
    for (const k of this.heap) k.rank = recent.get(k.file.relPath) ?? NOT_RECENT;
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (before(h[i] as Keyed, h[parent] as Keyed) >= 0) return;
      [h[i], h[parent]] = [h[parent] as Keyed, h[i] as Keyed];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && before(h[l] as Keyed, h[best] as Keyed) < 0) best = l;
      if (r < h.length && before(h[r] as Keyed, h[best] as Keyed) < 0) best = r;
      if (best === i) return;
      [h[i], h[best]] = [h[best] as Keyed, h[i] as Keyed];
      i = best;
    }
  }
}
