// Results grouped by file, as a person scans them: files in the order of their best hit, each
// file's hits together (grep-like modes in line order, ranked modes best first), and the rows a
// list shows for them (a header per file, its hits unless the file is collapsed).
import type { SearchHit, SearchMode } from '../../shared/types.js';

export const fileKey = (hit: Pick<SearchHit, 'repo' | 'path'>): string => `${hit.repo}\u0000${hit.path}`;

/** Keyword and regex read like grep (by line); the ranked modes keep their best hit first. */
const BY_LINE: ReadonlySet<SearchMode> = new Set(['keyword', 'regex']);

/** The hits reordered so each file's hits are together; files keep the order of their first (best) hit. */
export function groupHits(results: readonly SearchHit[], mode: SearchMode): SearchHit[] {
  const byFile = new Map<string, SearchHit[]>();
  for (const hit of results) {
    const list = byFile.get(fileKey(hit));
    if (list) list.push(hit);
    else byFile.set(fileKey(hit), [hit]);
  }
  const lines = BY_LINE.has(mode);
  return [...byFile.values()].flatMap((hits) => (lines ? [...hits].sort((a, b) => a.line - b.line || a.column - b.column) : hits));
}

export type ResultRow =
  | { kind: 'file'; key: string; repo: string; path: string; count: number; collapsed: boolean; first: number }
  /** `before`/`after`: whether this row shows the hit's context lines (not when a neighbouring row shows that line already). */
  | { kind: 'hit'; index: number; before: boolean; after: boolean };

/** The list's rows for grouped hits (from groupHits): a header per file, then its hits unless collapsed. */
export function resultRows(results: readonly SearchHit[], collapsed: ReadonlySet<string>): ResultRow[] {
  const rows: ResultRow[] = [];
  let header: Extract<ResultRow, { kind: 'file' }> | null = null;
  results.forEach((hit, index) => {
    const key = fileKey(hit);
    if (header?.key !== key) {
      header = { kind: 'file', key, repo: hit.repo, path: hit.path, count: 0, collapsed: collapsed.has(key), first: index };
      rows.push(header);
    }
    header.count++;
    if (header.collapsed) return;
    const previous = rows[rows.length - 1];
    const prior = previous?.kind === 'hit' ? results[previous.index] : undefined;
    const next = results[index + 1];
    // A neighbour in line order already shows the line: as its hit, or as its own context line.
    const priorLast = prior && prior.line < hit.line ? prior.line + (previous?.kind === 'hit' && previous.after ? 1 : 0) : -Infinity;
    const before = hit.before !== undefined && priorLast < hit.line - 1;
    const after = hit.after !== undefined && !(next && fileKey(next) === key && next.line === hit.line + 1);
    rows.push({ kind: 'hit', index, before, after });
  });
  return rows;
}

/** The next hit from `from` in direction `delta` whose file is not collapsed; `from` itself when there is none. */
export function nextVisibleHit(results: readonly SearchHit[], collapsed: ReadonlySet<string>, from: number, delta: number): number {
  for (let at = from + delta; at >= 0 && at < results.length; at += delta) {
    const hit = results[at];
    if (hit && !collapsed.has(fileKey(hit))) return at;
  }
  return from;
}

/** How many files the hits are in. */
export const fileCount = (results: readonly SearchHit[]): number => new Set(results.map(fileKey)).size;
