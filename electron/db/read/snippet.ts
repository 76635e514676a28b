// Turns a matching line into a short snippet with highlight ranges, and finds the enclosing symbol.
import type { ReadDb } from '../connection.js';

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
}

/** Merges ranges and cuts a window around the first one when the line is long. */
export function makeSnippet(line: string, ranges: Array<[number, number]>): Snippet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const indent = line.length - line.trimStart().length;
  const first = merged[0]?.[0] ?? indent;
  let start = indent;
  if (first - start > MAX_SNIPPET / 2) start = Math.max(indent, first - 40);
  const end = Math.min(line.length, start + MAX_SNIPPET);
  const snippet = line.slice(start, end).trimEnd();
  const highlights = merged
    .filter(([a, b]) => b > start && a < start + snippet.length)
    .map(([a, b]): [number, number] => [Math.max(0, a - start), Math.min(snippet.length, b - start)]);
  return { snippet, highlights, column: first + 1 };
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

export class EnclosingSymbols {
  private readonly stmt;

  constructor(db: ReadDb) {
    this.stmt = db.prepare<[number, number, number], { fqn: string; kind: string }>(
      'SELECT fqn, kind FROM symbols WHERE file_id = ? AND start_line <= ? AND end_line >= ? ORDER BY start_line DESC, end_line ASC LIMIT 1');
  }

  at(fileId: number, line: number): { fqn: string; kind: string } | null {
    return this.stmt.get(fileId, line, line) ?? null;
  }
}
