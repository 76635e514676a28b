// Shared SQL filters for searches over files: repo, language, path glob, and the paths a query's
// `file:` / `-path:` keep or drop.
import { TEXT_LANGUAGES } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { pathAliases, realGlobOf } from './pathAliases.js';
import { findRepo } from './repos.js';

export interface FileFilter {
  repo?: string | undefined;
  lang?: string | undefined;
  path?: string | undefined;
  /** Each a glob (holds `*`, `?` or `[`) or a substring that the path must match. */
  paths?: string[] | undefined;
  /** Globs or substrings the path must not match. */
  notPaths?: string[] | undefined;
}

/** Whether any filter narrows the files (semantic search over-fetches when one does). */
export const hasFileFilter = (f: FileFilter & { kind?: string | undefined }): boolean =>
  Boolean(f.repo || f.lang || f.path || f.kind || f.paths?.length || f.notPaths?.length);

const isGlob = (pattern: string): boolean => /[*?[]/.test(pattern);

/** One path pattern as SQL: a glob through globToSqlite (also at the repo root), a substring ignoring case. */
function pathClause(pattern: string, column: string, params: Array<string | number>): string {
  if (!isGlob(pattern)) {
    params.push(pattern.toLowerCase());
    return `instr(lower(${column}), ?) > 0`;
  }
  const glob = globToSqlite(pattern);
  params.push(glob);
  if (!glob.startsWith('*/')) return `${column} GLOB ?`;
  params.push(glob.slice(2));
  return `(${column} GLOB ? OR ${column} GLOB ?)`;
}

/** `lang:` as SQL: a parsed language by its column, a text language (markdown, yaml) by its extensions (the Backend refuses unknown names first). */
function languageClause(lang: string, alias: string, params: Array<string | number>): string {
  const name = lang.toLowerCase();
  const extensions = (TEXT_LANGUAGES as Record<string, readonly string[]>)[name];
  if (!extensions) {
    params.push(name);
    return `${alias}.language = ?`;
  }
  params.push(...extensions.map((e) => `*.${e}`));
  return `(${extensions.map(() => `lower(${alias}.path) GLOB ?`).join(' OR ')})`;
}

export interface SqlFilter {
  where: string;
  params: Array<string | number>;
}

/** `src/**\/*.ts` → SQLite GLOB (whose `*` already crosses `/`); a bare `*.ts` matches any folder. */
export function globToSqlite(glob: string): string {
  const collapsed = glob.replace(/\*\*\/?/g, '*');
  return collapsed.includes('/') ? collapsed : `*${collapsed.startsWith('*') ? collapsed.slice(1) : `/${collapsed}`}`;
}

export function fileFilter(db: ReadDb, filter: FileFilter, fileAlias = 'f'): SqlFilter {
  const where: string[] = [];
  const params: Array<string | number> = [];
  const repoId = filter.repo ? findRepo(db, filter.repo).id : undefined;
  if (repoId !== undefined) {
    where.push(`${fileAlias}.repo_id = ?`);
    params.push(repoId);
  }
  if (filter.lang) where.push(languageClause(filter.lang, fileAlias, params));
  for (const pattern of filter.paths ?? []) where.push(pathClause(pattern, `${fileAlias}.path`, params));
  for (const pattern of filter.notPaths ?? []) where.push(`NOT ${pathClause(pattern, `${fileAlias}.path`, params)}`);
  if (filter.path) {
    const glob = globToSqlite(filter.path);
    // A bare pattern also matches at the repo root (no leading folder).
    const clauses = [`${fileAlias}.path GLOB ?`];
    params.push(glob);
    if (glob.startsWith('*/')) {
      clauses.push(`${fileAlias}.path GLOB ?`);
      params.push(glob.slice(2));
    }
    // A glob through a folder symlink matches the files indexed under its real folder, in that repo.
    const real = realGlobOf(pathAliases(db, repoId), glob);
    if (real) {
      clauses.push(`(${fileAlias}.repo_id = ? AND ${fileAlias}.path GLOB ?)`);
      params.push(real.repoId, real.glob);
    }
    where.push(clauses.length > 1 ? `(${clauses.join(' OR ')})` : clauses[0] as string);
  }
  return { where: where.length ? ` AND ${where.join(' AND ')}` : '', params };
}
