// Quick-open (Ctrl/Cmd+P): files whose path holds the query's words (pathMatch.ts), then symbols ranked by symbol search.
import type { QuickOpenItem } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { fileFilter } from './filters.js';
import { matchPaths } from './pathMatch.js';
import { symbolSearch } from './symbolSearch.js';

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
  const filter = fileFilter(db, { repo });
  const paths = db.prepare<Array<string | number>, [string, string]>(
    `SELECT f.path, r.path AS repo FROM files f JOIN repos r ON r.id = f.repo_id WHERE 1 = 1${filter.where}`).raw(true).all(...filter.params);
  const files = matchPaths(paths, (row) => row[0], q, Math.ceil(limit / 2)).map(({ item: [path, repoPath] }) => ({ path, repo: repoPath }));
  const fileItems: QuickOpenItem[] = files.map((f) => {
    const slash = f.path.lastIndexOf('/');
    return { kind: 'file', repo: f.repo, path: f.path, line: 1, label: f.path.slice(slash + 1), detail: slash > 0 ? f.path.slice(0, slash) : '', symbolKind: null };
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
