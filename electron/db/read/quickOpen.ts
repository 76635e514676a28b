// Quick-open (Ctrl/Cmd+P): files whose path contains the query, then symbols ranked by symbol search.
import type { QuickOpenItem } from '../../../shared/types.js';
import type { ReadDb } from '../connection.js';
import { fileFilter } from './filters.js';
import { symbolSearch } from './symbolSearch.js';

const FILE_CANDIDATES = 500;

function fileScore(path: string, lower: string): number {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base === lower) return 4;
  if (base.startsWith(lower)) return 3;
  if (base.includes(lower)) return 2;
  return 1;
}

/** `com.acme.Foo.get(java.lang.String)` → `get(java.lang.String)`; `a::b::c` → `c`; `app/server:Foo` → `Foo`. */
export function shortName(fqn: string): string {
  const paren = fqn.indexOf('(');
  const head = paren >= 0 ? fqn.slice(0, paren) : fqn;
  const cut = Math.max(...['.', ':', '/', '#'].map((sep) => head.lastIndexOf(sep)));
  return fqn.slice(cut + 1);
}

export function quickOpen(db: ReadDb, query: string, repo: string | undefined, limit = 30): QuickOpenItem[] {
  const q = query.trim();
  if (!q) return [];
  const lower = q.toLowerCase();
  const filter = fileFilter(db, { repo });
  const like = `%${lower.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const files = db.prepare<Array<string | number>, { path: string; repo: string }>(
    `SELECT f.path, r.path AS repo FROM files f JOIN repos r ON r.id = f.repo_id
     WHERE lower(f.path) LIKE ? ESCAPE '\\'${filter.where} LIMIT ${FILE_CANDIDATES}`).all(like, ...filter.params)
    .map((f) => ({ ...f, score: fileScore(f.path, lower) }))
    .sort((a, b) => b.score - a.score || a.path.length - b.path.length || a.path.localeCompare(b.path));
  const fileItems: QuickOpenItem[] = files.slice(0, Math.ceil(limit / 2)).map((f) => {
    const slash = f.path.lastIndexOf('/');
    return { kind: 'file', repo: f.repo, path: f.path, line: 1, label: f.path.slice(slash + 1), detail: slash > 0 ? f.path.slice(0, slash) : '', symbolKind: null };
  });
  const symbolItems: QuickOpenItem[] = symbolSearch(db, { query: q, mode: 'symbol', repo }, limit - fileItems.length).map((hit) => ({
    kind: 'symbol', repo: hit.repo, path: hit.path, line: hit.line,
    label: hit.symbol ? shortName(hit.symbol) : hit.snippet,
    detail: hit.symbol ?? '', symbolKind: hit.symbolKind,
  }));
  // Exact file-name matches first, then symbols, then looser file matches.
  const exact = fileItems.filter((_, i) => (files[i]?.score ?? 0) >= 3);
  return [...exact, ...symbolItems, ...fileItems.slice(exact.length)].slice(0, limit);
}
