// Results grouped by file, as a person scans them: files in the order of their best hit, each
// file's hits together (grep-like modes in line order, ranked modes best first), and the rows a
// list shows for them (a header per file, its hits unless the file is collapsed).
import type { SearchHit, SearchMode } from '../../shared/types.js';

export const fileKey = (hit: Pick<SearchHit, 'repo' | 'path'>): string => `${hit.repo}\u0000${hit.path}`;

/** Keyword and regex read like grep (by line); the ranked modes keep their best hit first. */
const BY_LINE: ReadonlySet<SearchMode> = new Set(['keyword', 'regex']);

/**
 * A ranked answer shows each file's best few hits and a row to show the rest, so one file's hundred
 * matches do not push the second-best file out of sight; keyword and regex list every match, as grep does.
 */
export const SHOWN_PER_FILE = 3;

/** Which hits the list shows: none of a collapsed file; of a ranked answer, a file's first SHOWN_PER_FILE unless it is expanded. */
export interface Folds {
  collapsed: ReadonlySet<string>;
  /** Files whose every hit is shown; null when every file's are (the grep-like modes). */
  expanded: ReadonlySet<string> | null;
}

export const foldsFor = (mode: SearchMode | undefined, collapsed: readonly string[], expanded: readonly string[]): Folds =>
  ({ collapsed: new Set(collapsed), expanded: mode && BY_LINE.has(mode) ? null : new Set(expanded) });

/** Whether the hit at `index` of grouped hits is shown under `folds`. */
export function isShown(results: readonly SearchHit[], folds: Folds, index: number): boolean {
  const hit = results[index];
  if (!hit) return false;
  const key = fileKey(hit);
  if (folds.collapsed.has(key)) return false;
  if (!folds.expanded || folds.expanded.has(key)) return true;
  // Grouped hits: its place in its file is how many of the same file come just before it.
  let place = 0;
  for (let at = index - 1; at >= 0 && place < SHOWN_PER_FILE && fileKey(results[at] as SearchHit) === key; at--) place++;
  return place < SHOWN_PER_FILE;
}

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
  | { kind: 'hit'; index: number; before: boolean; after: boolean }
  /** After a file's shown hits: how many more it has. */
  | { kind: 'more'; key: string; path: string; hidden: number };

/** The list's rows for grouped hits (from groupHits): a header per file, then its shown hits, then a row for the rest. */
export function resultRows(results: readonly SearchHit[], folds: Folds): ResultRow[] {
  const rows: ResultRow[] = [];
  let header: Extract<ResultRow, { kind: 'file' }> | null = null;
  let more: Extract<ResultRow, { kind: 'more' }> | null = null;
  results.forEach((hit, index) => {
    const key = fileKey(hit);
    if (header?.key !== key) {
      header = { kind: 'file', key, repo: hit.repo, path: hit.path, count: 0, collapsed: folds.collapsed.has(key), first: index };
      rows.push(header);
      more = null;
    }
    header.count++;
    if (header.collapsed) return;
    if (!isShown(results, folds, index)) {
      if (!more) rows.push(more = { kind: 'more', key, path: hit.path, hidden: 0 });
      more.hidden++;
      return;
    }
    const previous = rows[rows.length - 1];
    const prior = previous?.kind === 'hit' ? results[previous.index] : undefined;
    const next = results[index + 1];
    // A neighbour in line order already shows the line: as its hit, or as its own context line.
    const priorLast = prior && prior.line < hit.line ? prior.line + (previous?.kind === 'hit' && previous.after ? 1 : 0) : -Infinity;
    const before = hit.before !== undefined && priorLast < hit.line - 1;
    const after = hit.after !== undefined && !(next && fileKey(next) === key && next.line === hit.line + 1 && isShown(results, folds, index + 1));
    rows.push({ kind: 'hit', index, before, after });
  });
  return rows;
}

/** The next shown hit from `from` in direction `delta`; `from` itself when there is none. */
export function nextVisibleHit(results: readonly SearchHit[], folds: Folds, from: number, delta: number): number {
  for (let at = from + delta; at >= 0 && at < results.length; at += delta) {
    if (isShown(results, folds, at)) return at;
  }
  return from;
}

/** How many files the hits are in. */
export const fileCount = (results: readonly SearchHit[]): number => new Set(results.map(fileKey)).size;
