// Turns a matching line into a short snippet with highlight ranges, and finds the enclosing symbol.
import type { ReadDb } from '../connection.js';
import { cachedStatement } from './statements.js';

const MAX_SNIPPET = 240;

/** A chunk of file content with where it lives: what keyword and regex search read. */
export interface ChunkRow {
  file_id: number;
  start_line: number;
  text: string;
  path: string;
  language: string | null;
  repo: string;
}

export interface Snippet {
  snippet: string;
  highlights: Array<[number, number]>;
  column: number;
  /** Where in the line the snippet starts: context lines are cut at the same place so indents line up. */
  start: number;
}

/** How a keyword needle must match: letter case exactly, and/or as a whole word. */
export interface MatchOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
}

/** Ranges in order, overlapping and touching ones joined (`queryset` and `query` mark one word, not two). */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const r of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Merges ranges and cuts a window around the first one when the line is long. */
export function makeSnippet(line: string, ranges: Array<[number, number]>): Snippet {
  const merged = mergeRanges(ranges);
  const indent = line.length - line.trimStart().length;
  const first = merged[0]?.[0] ?? indent;
  let start = indent;
  if (first - start > MAX_SNIPPET / 2) start = Math.max(indent, first - 40);
  const end = Math.min(line.length, start + MAX_SNIPPET);
  const snippet = line.slice(start, end).trimEnd();
  const highlights = merged
    .filter(([a, b]) => b > start && a < start + snippet.length)
    .map(([a, b]): [number, number] => [Math.max(0, a - start), Math.min(snippet.length, b - start)]);
  return { snippet, highlights, column: first + 1, start };
}

/** All case-insensitive occurrences of the needles in the line. */
export function findRanges(lowerLine: string, needles: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = lowerLine.indexOf(needle); at !== -1; at = lowerLine.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** A line beside a hit, cut where the hit's snippet starts (or at its own indent, when that is less); undefined when
 * there is none (chunk edge) or it is blank. */
export function contextLine(line: string | undefined, start: number): string | undefined {
  if (line === undefined) return undefined;
  const from = Math.min(start, line.length - line.trimStart().length);
  const cut = line.slice(from, from + MAX_SNIPPET).trimEnd();
  return cut.trim() === '' ? undefined : cut;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Whether [at, end) in the line is a whole word: no letter, digit or underscore touches it. */
export function isWholeWord(line: string, at: number, end: number): boolean {
  return !WORD_CHAR.test(line.charAt(at - 1)) && !WORD_CHAR.test(line.charAt(end));
}

/** Occurrences of the needles in the line under the options (needles in the case they are compared in). */
export function rangesMatching(line: string, needles: readonly string[], options: MatchOptions): Array<[number, number]> {
  const haystack = options.caseSensitive ? line : line.toLowerCase();
  const ranges = findRanges(haystack, needles);
  return options.wholeWord ? ranges.filter(([a, b]) => isWholeWord(line, a, b)) : ranges;
}

export class EnclosingSymbols {
  private readonly stmt;

  constructor(db: ReadDb) {
    this.stmt = cachedStatement<[number, number, number], { fqn: string; kind: string }>(db,
      'SELECT fqn, kind FROM symbols WHERE file_id = ? AND start_line <= ? AND end_line >= ? ORDER BY start_line DESC, end_line ASC LIMIT 1');
  }

  at(fileId: number, line: number): { fqn: string; kind: string } | null {
    return this.stmt.get(fileId, line, line) ?? null;
  }
}
