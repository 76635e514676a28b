// Walks a repo: nested .gitignore/.clewignore rules, default-skipped folders, symlinks that leave the
// repo or loop, special files and the size cap. Every skip is counted by reason; nothing is fatal.
// Synchronous on purpose: it runs on the engine worker, and sync calls walk ~3× faster than promises.
import { type Dirent, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { IndexIssue, Language, SkipReason } from '../../shared/types.js';
import { languageOf } from './parsers/languages.js';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Folders that are never source: VCS metadata, dependency caches, tool caches. */
const ALWAYS_SKIPPED = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', '__pycache__', '.venv', 'venv', '.tox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', '.gradle', '.idea', '.vs', '.next', '.nuxt', '.turbo',
  '.parcel-cache', '.cache', '.terraform', '.yarn',
]);
const IGNORE_FILES = ['.gitignore', '.clewignore'];

export interface WalkedFile {
  relPath: string;
  absPath: string;
  size: number;
  mtimeMs: number;
}

export interface WalkOptions {
  maxFileBytes?: number;
  extraIgnores?: readonly string[];
  /** Source files of other known languages are skipped; files of no known language are kept. */
  languages?: readonly Language[] | null;
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: Partial<Record<SkipReason, number>>;
  issues: IndexIssue[];
  /** Repo-relative paths that exist but could not be read: their previous index is kept. */
  unreadable: Set<string>;
}

interface RuleSet {
  base: string; // repo-relative dir of the ignore file, '' for the root
  rules: Ignore;
}

interface DirTask {
  abs: string;
  rel: string;
  real: string;
  rules: RuleSet[];
}

function errorCode(e: unknown): string {
  return String((e as { code?: unknown } | null)?.code ?? 'EUNKNOWN');
}

function isIgnored(rules: RuleSet[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const set of rules) {
    const local = set.base ? rel.slice(set.base.length + 1) : rel;
    if (!local) continue;
    const verdict = set.rules.test(isDir ? `${local}/` : local);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

export function walkRepo(root: string, options: WalkOptions = {}): WalkResult {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const result: WalkResult = { files: [], skipped: {}, issues: [], unreadable: new Set() };
  const skip = (rel: string, reason: SkipReason, message?: string): void => {
    result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
    if (message !== undefined) result.issues.push({ path: rel, reason, message });
  };

  const rootReal = realpathSync(root);
  const visited = new Set<string>([rootReal]);
  const inside = (real: string): boolean => real === rootReal || real.startsWith(rootReal + sep);
  const languages = options.languages ? new Set<Language>(options.languages) : null;
  const baseRules: RuleSet[] = options.extraIgnores?.length ? [{ base: '', rules: ignore().add([...options.extraIgnores]) }] : [];

  const visitEntry = (dir: DirTask, entry: Dirent, queue: DirTask[]): void => {
    const rel = dir.rel ? `${dir.rel}/${entry.name}` : entry.name;
    const abs = join(dir.abs, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real = join(dir.real, entry.name);
    if (entry.isSymbolicLink()) {
      try {
        real = realpathSync(abs);
      } catch (e) {
        const code = errorCode(e);
        return skip(rel, code === 'ELOOP' ? 'symlink-loop' : 'vanished', code === 'ELOOP' ? 'symlink loop' : `broken symlink (${code})`);
      }
      if (!inside(real)) return skip(rel, 'symlink-outside', `symlink leaves the repo (→ ${real})`);
      let target: Stats;
      try { target = statSync(abs); } catch (e) { return skip(rel, 'vanished', `symlink target vanished (${errorCode(e)})`); }
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) {
      if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(dir.rules, rel, true)) return skip(rel, 'ignored');
      if (visited.has(real)) return skip(rel, 'symlink-loop', `already visited as ${real}`);
      visited.add(real);
      queue.push({ abs, rel, real, rules: dir.rules });
      return;
    }
    if (!isFile) return skip(rel, 'special', 'not a regular file (fifo, socket or device)');
    if (isIgnored(dir.rules, rel, false)) return skip(rel, 'ignored');
    const language = languages ? languageOf(rel) : null;
    if (languages && language && !languages.has(language)) return skip(rel, 'language');
    let info: Stats;
    try {
      info = statSync(abs);
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT') return skip(rel, 'vanished', 'deleted while walking');
      result.unreadable.add(rel);
      return skip(rel, 'unreadable', `cannot stat (${code})`);
    }
    if (info.size > maxFileBytes) return skip(rel, 'too-large', `${info.size} bytes > cap ${maxFileBytes}`);
    result.files.push({ relPath: rel, absPath: abs, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
  };

  const visitDir = (dir: DirTask, queue: DirTask[]): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.abs, { withFileTypes: true });
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT') return skip(dir.rel || '.', 'vanished', 'folder deleted while walking');
      result.unreadable.add(dir.rel);
      return skip(dir.rel || '.', 'unreadable', `cannot list folder (${code})`);
    }
    const rules = [...dir.rules];
    for (const name of IGNORE_FILES) {
      if (!entries.some((e) => e.name === name)) continue;
      try {
        rules.push({ base: dir.rel, rules: ignore().add(readFileSync(join(dir.abs, name), 'utf8')) });
      } catch (e) {
        result.issues.push({ path: dir.rel ? `${dir.rel}/${name}` : name, reason: 'unreadable', message: `ignore file unreadable (${errorCode(e)})` });
      }
    }
    const task = { ...dir, rules };
    for (const entry of entries) visitEntry(task, entry, queue);
  };

  // Depth-first with an explicit stack: no recursion limit on deep trees.
  const stack: DirTask[] = [{ abs: root, rel: '', real: rootReal, rules: baseRules }];
  for (let dir = stack.pop(); dir; dir = stack.pop()) {
    const found: DirTask[] = [];
    visitDir(dir, found);
    stack.push(...found.reverse());
  }
  result.files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  return result;
}
