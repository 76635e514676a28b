// Per-repo listings: symbols, entry points, dependencies (calls and declared packages).
import type { DependencyRow, EntryPointRow, PackageRow, RepoDeps, SymbolRow } from '../../../shared/types.js';
import { ClewFailure } from '../../base/failure.js';
import type { ReadDb } from '../connection.js';
import { pathAliases, realPathOf } from './pathAliases.js';
import { findRepo } from './repos.js';
import { fqnEndingWith } from './fqnTail.js';
import { symbolFqnIs } from './symbolKeys.js';

interface SymbolDbRow extends Omit<SymbolRow, 'modifiers'> {
  modifiers: string;
}

export function listSymbols(db: ReadDb, repoRef: string, kind?: string, limit = 100_000): SymbolRow[] {
  const repo = findRepo(db, repoRef);
  const rows = db.prepare<Array<string | number>, SymbolDbRow>(
    `SELECT s.fqn, s.kind, s.name, f.path AS file, s.start_line AS line, s.end_line AS endLine, s.signature,
       p.fqn AS parent, s.modifiers, s.doc
     FROM symbols s JOIN files f ON f.id = s.file_id LEFT JOIN symbols p ON p.id = s.parent_id
     WHERE s.repo_id = ?${kind ? ' AND s.kind = ?' : ''} ORDER BY f.path, s.start_line LIMIT ?`,
  ).all(...(kind ? [repo.id, kind, limit] : [repo.id, limit]));
  return rows.map((r) => ({ ...r, modifiers: JSON.parse(r.modifiers) as string[] }));
}

export function fileOutline(db: ReadDb, repoRef: string, aliasOrPath: string): SymbolRow[] {
  const repo = findRepo(db, repoRef);
  // A path through a folder symlink: the file is indexed under its real path.
  const path = realPathOf(pathAliases(db, repo.id), aliasOrPath);
  return db.prepare<[number, string], SymbolDbRow>(
    `SELECT s.fqn, s.kind, s.name, f.path AS file, s.start_line AS line, s.end_line AS endLine, s.signature, p.fqn AS parent, s.modifiers, s.doc
     FROM symbols s JOIN files f ON f.id = s.file_id LEFT JOIN symbols p ON p.id = s.parent_id
     WHERE s.repo_id = ? AND f.path = ? ORDER BY s.start_line`).all(repo.id, path).map((r) => ({ ...r, modifiers: JSON.parse(r.modifiers) as string[] }));
}

export function listEntryPoints(db: ReadDb, repoRef: string, kind?: string): Array<Omit<EntryPointRow, 'inTest'>> {
  const repo = findRepo(db, repoRef);
  return db.prepare<Array<string | number>, Omit<EntryPointRow, 'inTest'>>(
    `SELECT e.id, e.kind, e.framework, e.method, e.path, e.schedule, e.queue, COALESCE(s.fqn, e.handler) AS symbol, f.path AS file,
       CASE WHEN s.id IS NOT NULL AND e.framework = 'manifest' THEN s.start_line ELSE e.line END AS line
     FROM entry_points e JOIN files f ON f.id = e.file_id LEFT JOIN symbols s ON s.id = e.symbol_id
     WHERE e.repo_id = ?${kind ? ' AND e.kind = ?' : ''}
     ORDER BY CASE e.kind WHEN 'http' THEN 0 WHEN 'schedule' THEN 1 WHEN 'listener' THEN 2 ELSE 3 END, e.path, f.path, e.line`,
  ).all(...(kind ? [repo.id, kind] : [repo.id]));
}

/** `named` if it is an FQN of the repo, else the one FQN ending with it (fqnTail.ts), else null. */
function symbolFqnIn(db: ReadDb, repoId: number, named: string): string | null {
  const exists = db.prepare<[{ repo: number; fqn: string }], number>(`SELECT 1 FROM symbols s WHERE s.repo_id = @repo AND ${symbolFqnIs('s', '@fqn')} LIMIT 1`)
    .pluck().get({ repo: repoId, fqn: named });
  return exists ? named : fqnEndingWith(db, named, repoId);
}

/** Calls without `inTest`: whether a file is a test is the Backend's one decision (search/fileRoles.ts). */
export function listDeps(db: ReadDb, repoRef: string, named?: string): { calls: Array<Omit<DependencyRow, 'inTest'>>; packages: RepoDeps['packages'] } {
  const repo = findRepo(db, repoRef);
  const symbolFqn = named ? symbolFqnIn(db, repo.id, named) : undefined;
  if (symbolFqn === null) throw new ClewFailure('NOT_FOUND', `no symbol ${named} in ${repo.name}`);
  const calls = db.prepare<[{ repo: number; fqn?: string }], Omit<DependencyRow, 'inTest'>>(
    `SELECT s.fqn AS symbol, c.kind, c.target, c.client, f.path AS file, c.line
     FROM external_calls c JOIN files f ON f.id = c.file_id LEFT JOIN symbols s ON s.id = c.symbol_id
     WHERE c.repo_id = @repo${symbolFqn ? ` AND ${symbolFqnIs('s', '@fqn')}` : ''} ORDER BY c.kind, f.path, c.line`,
  ).all(symbolFqn ? { repo: repo.id, fqn: symbolFqn } : { repo: repo.id });
  const packages = symbolFqn ? [] : db.prepare<[number], PackageRow>(
    `SELECT f.path AS manifest, p.ecosystem, p.name, p.version, p.scope FROM packages p JOIN files f ON f.id = p.file_id
     WHERE p.repo_id = ? ORDER BY f.path, p.id`).all(repo.id);
  return { calls, packages };
}
