// Shared SQL filters for searches over files: repo, language and path glob.
import type { ReadDb } from '../connection.js';
import { pathAliases, realGlobOf } from './pathAliases.js';
import { findRepo } from './repos.js';

export interface FileFilter {
  repo?: string | undefined;
  lang?: string | undefined;
  path?: string | undefined;
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
  if (filter.lang) {
    where.push(`${fileAlias}.language = ?`);
    params.push(filter.lang.toLowerCase());
  }
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
