// Symbol search, ranked: exact name, then name prefix, then identifier-part prefixes
// (`conf` finds parseConfig), then fuzzy subsequence (`usrctl` finds UserController); a qualified name
// (`Engine.ServeHTTP`) is looked up by its last part. Ties go to the symbol a person means (symbolPreference.ts).
import type { SearchHit, SearchQuery } from '../../../shared/types.js';
import { identifierParts } from '../../base/identifiers.js';
import type { ReadDb } from '../connection.js';
import { fileFilter } from './filters.js';
import { makeSnippet } from './snippet.js';
import { symbolNames } from './symbolNames.js';
import { demotedFiles, preference, qualifiedName } from './symbolPreference.js';

interface SymbolHitRow {
  id: number;
  fqn: string;
  name: string;
  kind: string;
  start_line: number;
  signature: string;
  modifiers: string;
  path: string;
  language: string | null;
  repo: string;
}

const KIND_WEIGHT: Record<string, number> = { class: 30, interface: 28, struct: 28, enum: 25, trait: 25, type: 20, function: 18, method: 15, constructor: 10 };

/** fzf-style subsequence score: 0 when `query` is not a subsequence of `name`. */
export function fuzzyScore(query: string, name: string, lowerName = name.toLowerCase()): number {
  const q = query.toLowerCase();
  const n = lowerName;
  let qi = 0;
  let score = 0;
  let run = 0;
  for (let ni = 0; ni < n.length && qi < q.length; ni++) {
    if (n[ni] !== q[qi]) {
      run = 0;
      continue;
    }
    const boundary = ni === 0 || name[ni - 1] === '_' || (name[ni] !== n[ni] && name[ni - 1] === n[ni - 1]);
    run++;
    score += 1 + run * 2 + (boundary ? 6 : 0);
    qi++;
  }
  return qi === q.length ? score / (1 + (n.length - q.length) * 0.05) : 0;
}

export function symbolSearch(db: ReadDb, q: SearchQuery, limit: number): SearchHit[] {
  const query = q.query.trim();
  if (!query) return [];
  const filter = fileFilter(db, q);
  const kindWhere = q.kind ? ' AND s.kind = ?' : '';
  const extra = q.kind ? [...filter.params, q.kind] : filter.params;
  const select = `SELECT s.id, s.fqn, s.name, s.kind, s.start_line, s.signature, s.modifiers, f.path, f.language, r.path AS repo
    FROM symbols s JOIN files f ON f.id = s.file_id JOIN repos r ON r.id = s.repo_id`;
  const qualified = qualifiedName(query);
  // The name as typed: a qualified query's last part. Names that hold the whole query (`res.clearCookie`) still match it.
  const typed = qualified?.name ?? query;
  const demoted = demotedFiles();
  const scored = new Map<number, { row: SymbolHitRow; score: number }>();
  const add = (rows: SymbolHitRow[], score: (row: SymbolHitRow) => number): void => {
    for (const row of rows) {
      const s = score(row) + (KIND_WEIGHT[row.kind] ?? 0) + preference(row, typed, qualified, demoted);
      const prev = scored.get(row.id);
      if (!prev || prev.score < s) scored.set(row.id, { row, score: s });
    }
  };
  for (const name of qualified ? [query, typed] : [query]) {
    const lower = name.toLowerCase();
    const like = `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Name is COLLATE NOCASE with an index: the prefix LIKE is an index range scan.
    add(db.prepare<Array<string | number>, SymbolHitRow>(`${select} WHERE s.name LIKE ? ESCAPE '\\'${filter.where}${kindWhere} ORDER BY length(s.name) LIMIT ?`)
      .all(like, ...extra, limit * 4), (row) => (row.name.toLowerCase() === lower ? 1000 : 800 - Math.min(100, row.name.length - name.length)));
  }

  const parts = identifierParts(typed);
  if (parts.length > 0) {
    const match = parts.map((p) => `"${p}"*`).join(' AND ');
    add(db.prepare<Array<string | number>, SymbolHitRow>(
      `${select} WHERE s.id IN (SELECT rowid FROM symbols_fts WHERE symbols_fts MATCH ? LIMIT 2000)${filter.where}${kindWhere} LIMIT ?`)
      .all(match, ...extra, limit * 4), (row) => 600 - Math.min(100, row.name.length - typed.length));
  }

  if (scored.size < limit && typed.length >= 2) {
    // Fuzzy pass over distinct names (names only, streamed), then fetch the best few.
    const best: Array<{ name: string; score: number }> = [];
    for (const { name, lower } of symbolNames(db)) {
      const score = fuzzyScore(typed, name, lower);
      if (score <= 0) continue;
      best.push({ name, score });
      if (best.length > limit * 8) {
        best.sort((a, b) => b.score - a.score);
        best.length = limit * 4;
      }
    }
    best.sort((a, b) => b.score - a.score);
    const stmt = db.prepare<Array<string | number>, SymbolHitRow>(`${select} WHERE s.name = ?${filter.where}${kindWhere} LIMIT ?`);
    for (const candidate of best.slice(0, limit * 2)) add(stmt.all(candidate.name, ...extra, limit), () => Math.min(400, candidate.score * 10));
  }

  return [...scored.values()]
    .sort((a, b) => b.score - a.score || a.row.fqn.localeCompare(b.row.fqn))
    .slice(0, limit)
    .map(({ row, score }) => {
      const nameAt = row.signature.indexOf(row.name);
      const snippet = makeSnippet(row.signature, nameAt >= 0 ? [[nameAt, nameAt + row.name.length]] : []);
      return {
        repo: row.repo, path: row.path, line: row.start_line, column: 1, snippet: snippet.snippet, highlights: snippet.highlights,
        symbol: row.fqn, symbolKind: row.kind, language: row.language, score,
      };
    });
}
