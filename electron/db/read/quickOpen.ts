// Quick-open (Ctrl/Cmd+P): files whose path holds the query's words (pathMatch.ts), then symbols ranked by symbol search.
import type { QuickOpenItem } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { KeptWhileUnchanged } from './keptWhileUnchanged.js';
import { matchPaths } from './pathMatch.js';
import { findRepo } from './repos.js';
import { symbolSearch } from './symbolSearch.js';

interface FilePath {
  path: string;
  /** The repo's path. */
  repo: string;
  repoId: number;
  lower: string;
}

// Every indexed path, read on each keystroke: kept while the index is unchanged (1.5 MiB for the Go tree's 10,679).
const PATHS = new KeptWhileUnchanged<FilePath>(200_000, function* (db) {
  const rows = db.prepare<[], [string, string, number]>('SELECT f.path, r.path, f.repo_id FROM files f JOIN repos r ON r.id = f.repo_id').raw(true);
  for (const [path, repo, repoId] of rows.iterate()) yield { path, repo, repoId, lower: path.toLowerCase() };
});
const filePaths = (db: ReadDb): Iterable<FilePath> => PATHS.rows(db);

function* inRepo(paths: Iterable<FilePath>, repoId: number): Generator<FilePath> {
  for (const p of paths) if (p.repoId === repoId) yield p;
}

/** `com.acme.Foo.get(java.lang.String)` → `get(java.lang.String)`; `a::b::c` → `c`; `app/server:Foo` → `Foo`. */
export function shortName(fqn: string): string {
  // `#2` tells a second definition of one FQN apart (QuerySet.query#2): no name of its own.
  const unique = fqn.replace(/#\d+$/u, '');
  const paren = unique.indexOf('(');
  const head = paren >= 0 ? unique.slice(0, paren) : unique;
  const cut = Math.max(...['.', ':', '/', '#'].map((sep) => head.lastIndexOf(sep)));
  return unique.slice(cut + 1);
}

export function quickOpen(db: ReadDb, query: string, repo: string | undefined, limit = 30): QuickOpenItem[] {
  const q = query.trim();
  if (!q) return [];
  const lower = q.toLowerCase();
  const repoId = repo ? findRepo(db, repo).id : undefined;
  const paths = repoId === undefined ? filePaths(db) : inRepo(filePaths(db), repoId);
  const fileItems: QuickOpenItem[] = matchPaths(paths, (f) => f.path, q, Math.ceil(limit / 2), (f) => f.lower).map(({ item: f, nameRanges }) => {
    const slash = f.path.lastIndexOf('/');
    return {
      kind: 'file', repo: f.repo, path: f.path, line: 1, label: f.path.slice(slash + 1), detail: slash > 0 ? f.path.slice(0, slash) : '', symbolKind: null,
      highlights: nameRanges,
    };
  });
  const symbolItems: QuickOpenItem[] = symbolSearch(db, { query: q, mode: 'symbol', repo }, limit - fileItems.length).map((hit) => ({
    kind: 'symbol', repo: hit.repo, path: hit.path, line: hit.line,
    label: hit.symbol ? shortName(hit.symbol) : hit.snippet,
    detail: hit.symbol ?? '', symbolKind: hit.symbolKind,
  }));
  // Files whose name starts with the query first, then symbols, then looser file matches.
  const named = (item: QuickOpenItem): boolean => item.label.toLowerCase().startsWith(lower);
  return [...fileItems.filter(named), ...symbolItems, ...fileItems.filter((item) => !named(item))].slice(0, limit);
}
