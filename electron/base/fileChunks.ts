// A file's own text as chunks for semantic search: the lines no symbol covers (module-level code,
// imports and constants, scripts, SQL, config, docs), cut at Markdown headings, blank lines and
// returns to column 0, bounded in size, each labelled with its nearest heading or definition.
import { isBulkTextPath, MINIFIED_MEAN_LINE } from './bulkText.js';
import type { ParsedSymbol } from './fileAnalysis.js';

export interface FileChunk {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The nearest Markdown heading or definition above (or at the top of) the chunk, or null. */
  label: string | null;
  text: string;
}

const MAX_LINES = 48;
const MAX_CHARS = 2000;
// A cut is only looked for once a chunk has this many lines: fewer, larger chunks keep the vector count low.
const MIN_LINES = 12;
// Segments with less than this much non-blank text say too little to embed (a lone `}` or `import x`).
const MIN_SOLID_CHARS = 24;
const MAX_CHUNKS_PER_FILE = 200;
const MAX_FILE_CHARS = 2_000_000;

const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|#(?!!)|--|;;|@\w)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
// Definition-like first lines in files no grammar reads: SQL DDL, shell functions, Makefile targets, config sections.
const DEFINITION_PATTERNS: readonly RegExp[] = [
  /^\s*create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+|unique\s+|virtual\s+|materialized\s+)*(table|view|index|trigger|function|procedure|type|schema|sequence)\s+(?:if\s+not\s+exists\s+)?([\w."`[\]]+)/i,
  /^\s*alter\s+table\s+(?:if\s+exists\s+)?([\w."`[\]]+)/i,
  /^\s*(?:function\s+)?([A-Za-z_][\w:.-]*)\s*\(\s*\)\s*\{?\s*$/,
  /^\s*function\s+([A-Za-z_][\w:.-]*)/,
  /^\s*\[\[?([^\]]+)\]\]?\s*$/,
  /^([A-Za-z_][\w.-]*)\s*:(?!=)/,
  /^FROM\s+(\S+)/,
];

/** Skips files that are not worth embedding as text: lock files, minified or generated bundles, source maps. */
export function chunkableFile(relPath: string, lines: readonly string[]): boolean {
  if (isBulkTextPath(relPath)) return false;
  let chars = 0;
  for (const line of lines) chars += line.length + 1;
  return chars <= MAX_FILE_CHARS && (lines.length === 0 || chars / lines.length <= MINIFIED_MEAN_LINE);
}

/**
 * The chunks of a file. `symbols` are what a grammar found (empty when none did): their lines are
 * left to their symbol units, and the nearest one above a chunk names it when no heading does.
 */
export function fileChunks(relPath: string, lines: readonly string[], symbols: readonly ParsedSymbol[]): FileChunk[] {
  if (!chunkableFile(relPath, lines)) return [];
  const markdown = /\.(md|markdown|mdx|rst|txt)$/i.test(relPath);
  const covered = new Uint8Array(lines.length + 2);
  for (const s of symbols) {
    for (let l = s.startLine; l <= Math.min(s.endLine, lines.length); l++) covered[l] = 1;
    // The comment right above a symbol is its doc, already in its unit.
    for (let l = s.startLine - 1; l >= 1 && COMMENT_LINE.test(lines[l - 1] ?? ''); l--) covered[l] = 1;
  }
  const out: FileChunk[] = [];
  let line = 1;
  while (line <= lines.length && out.length < MAX_CHUNKS_PER_FILE) {
    if (covered[line]) {
      line++;
      continue;
    }
    let end = line;
    while (end + 1 <= lines.length && !covered[end + 1]) end++;
    for (const [from, to] of splitSegment(lines, line, end, markdown)) {
      const text = lines.slice(from - 1, to).join('\n');
      if (solidChars(text) < MIN_SOLID_CHARS) continue;
      // Beside symbols, a file header (licence comment, package line, imports) only adds noise to search.
      if (symbols.length > 0 && isHeaderOnly(lines, from, to)) continue;
      out.push({ startLine: from, endLine: to, label: labelOf(lines, from, to, symbols, markdown), text });
      if (out.length >= MAX_CHUNKS_PER_FILE) break;
    }
    line = end + 1;
  }
  return out;
}

/** Cuts lines [from, to] into ranges: at headings (Markdown), else at the best blank line or column-0 start once a chunk is big enough. */
function splitSegment(lines: readonly string[], from: number, to: number, markdown: boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = skipBlank(lines, from, to);
  while (start <= to) {
    let chars = 0;
    let cut = -1; // the last good place to start the next chunk
    let end = start;
    for (; end <= to; end++) {
      const text = lines[end - 1] ?? '';
      if (end > start && markdown && HEADING.test(text) && end - start >= 3) break;
      if (end - start >= MIN_LINES && isBoundary(lines, end)) cut = end;
      chars += text.length + 1;
      if (end - start + 1 >= MAX_LINES || chars >= MAX_CHARS) {
        end = cut > start ? cut : end + 1;
        break;
      }
    }
    const last = Math.min(to, end - 1);
    ranges.push([start, trimBlankEnd(lines, start, last)]);
    start = skipBlank(lines, last + 1, to);
  }
  return ranges;
}

/** A line a chunk may start at: after a blank line, or code back at column 0 (a new top-level statement). */
function isBoundary(lines: readonly string[], line: number): boolean {
  const text = lines[line - 1] ?? '';
  if (text.trim() === '') return false;
  const before = lines[line - 2] ?? '';
  return before.trim() === '' || (/^\S/.test(text) && !/^[)}\]]/.test(text) && /^\s/.test(before));
}

function skipBlank(lines: readonly string[], from: number, to: number): number {
  let line = from;
  while (line <= to && (lines[line - 1] ?? '').trim() === '') line++;
  return line;
}

function trimBlankEnd(lines: readonly string[], from: number, to: number): number {
  let line = to;
  while (line > from && (lines[line - 1] ?? '').trim() === '') line--;
  return line;
}

const HEADER_LINE = /^\s*(\/\/|\/\*|\*|#(?!!)|--|<\?php|\?>|(package|namespace|import|use|using|include|require|require_once|from|extern crate|mod|library|part)\b|#include|@file)/;

/** Only comments, package or namespace lines and imports: a header, not code. */
function isHeaderOnly(lines: readonly string[], from: number, to: number): boolean {
  for (let l = from; l <= to; l++) {
    const text = lines[l - 1] ?? '';
    if (text.trim() !== '' && !HEADER_LINE.test(text) && !/^\s*[)}\];,]*\s*$/.test(text)) return false;
  }
  return true;
}

function solidChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** The Markdown heading in force at the chunk, else the chunk's first definition-like line, else the nearest symbol above. */
function labelOf(lines: readonly string[], from: number, to: number, symbols: readonly ParsedSymbol[], markdown: boolean): string | null {
  if (markdown) {
    for (let l = from; l >= 1; l--) {
      const m = HEADING.exec(lines[l - 1] ?? '');
      if (m) return m[2] ?? null;
    }
    return null;
  }
  for (let l = from; l <= Math.min(to, from + 5); l++) {
    const text = lines[l - 1] ?? '';
    for (const pattern of DEFINITION_PATTERNS) {
      const m = pattern.exec(text);
      if (m) return m.slice(1).filter(Boolean).map((part, i) => (i === 0 && m.length > 2 ? part.toLowerCase() : part)).join(' ').replace(/["`[\]]/g, '');
    }
  }
  let nearest: ParsedSymbol | null = null;
  for (const s of symbols) if (s.parent === null && s.endLine < from && (!nearest || s.endLine > nearest.endLine)) nearest = s;
  return nearest ? `after ${nearest.fqn}` : null;
}
