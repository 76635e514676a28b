// The order a big run reads files in, so the first results that become searchable are the useful ones:
// source before generated code, before tests and examples, before docs and data; within each, the files
// changed most recently first (by git history when the folder is in a git repository, else by mtime).
import { spawnSync } from 'node:child_process';
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

/** 0 source, 1 generated/declarations, 2 tests, examples, fixtures, vendored, 3 docs, data and anything else. */
export function tierOf(relPath: string): number {
  const roles = fileRoles(relPath);
  if (roles.some((r) => r === 'docs' || r === 'lock')) return 3;
  if (roles.some((r) => r === 'test' || r === 'example' || r === 'fixture' || r === 'vendored')) return 2;
  if (languageOf(relPath) === null) return 3;
  if (roles.some((r) => r === 'generated' || r === 'minified' || r === 'declaration')) return 1;
  return 0;
}

export function indexOrder(files: readonly WalkedFile[], recent: ReadonlyMap<string, number>): WalkedFile[] {
  const keyed = files.map((file) => ({ file, tier: tierOf(file.relPath), rank: recent.get(file.relPath) ?? Number.MAX_SAFE_INTEGER }));
  keyed.sort((a, b) => a.tier - b.tier || a.rank - b.rank || b.file.mtimeMs - a.file.mtimeMs || (a.file.relPath < b.file.relPath ? -1 : 1));
  return keyed.map((k) => k.file);
}
