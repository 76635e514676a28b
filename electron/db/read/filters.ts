// Shared SQL filters for searches over files: repo, language and path glob.
import type { ReadDb } from '../connection.js';
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
  if (filter.repo) {
    where.push(`${fileAlias}.repo_id = ?`);
    params.push(findRepo(db, filter.repo).id);
  }
  if (filter.lang) {
    where.push(`${fileAlias}.language = ?`);
    params.push(filter.lang.toLowerCase());
  }
  if (filter.path) {
    const glob = globToSqlite(filter.path);
    // A bare pattern also matches at the repo root (no leading folder).
    where.push(glob.startsWith('*/') ? `(${fileAlias}.path GLOB ? OR ${fileAlias}.path GLOB ?)` : `${fileAlias}.path GLOB ?`);
    params.push(glob);
    if (glob.startsWith('*/')) params.push(glob.slice(2));
  }
  return { where: where.length ? ` AND ${where.join(' AND ')}` : '', params };
}
