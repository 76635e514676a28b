// The text a symbol contributes to semantic search: what it is, its signature, its doc, and a bounded excerpt.
import type { ParsedSymbol } from './fileAnalysis.js';
import type { FileChunk } from './fileChunks.js';

const EXCERPT_LINES = 24;
const EXCERPT_CHARS = 1500;

/** The lines `from`..`to` (1-based, inclusive) of a file, cut at EXCERPT_CHARS: the source a unit's text ends with. */
export function unitExcerpt(lines: readonly string[], from: number, to: number): string {
  const body = lines.slice(from - 1, to).join('\n');
  return body.length > EXCERPT_CHARS ? body.slice(0, EXCERPT_CHARS) : body;
}

/** The last line of a symbol's excerpt: its first EXCERPT_LINES lines. */
export function symbolExcerptEnd(startLine: number, endLine: number): number {
  return Math.min(endLine, startLine - 1 + EXCERPT_LINES);
}

const joinParts = (parts: readonly string[]): string => parts.filter((s) => s.length > 0).join('\n');

/** The fields of a symbol its unit text starts with (as its symbol row stores them). */
export interface SymbolHeadFields {
  kind: string;
  fqn: string;
  signature: string;
  doc: string | null;
}

/** What a symbol's unit text starts with: what it is, where, its signature and doc (all columns of its symbol and file rows). */
export function symbolUnitHead(symbol: SymbolHeadFields, relPath: string): string {
  return joinParts([`${symbol.kind} ${symbol.fqn}`, `in ${relPath}`, symbol.signature, symbol.doc ?? '']);
}

/** What a chunk's unit text starts with: its path and its label (the nearest heading or definition), when it has one. */
export function chunkUnitHead(relPath: string, label: string | null): string {
  return joinParts([`text in ${relPath}`, label ?? '']);
}

/** A symbol's unit: its head, then `excerpt`, its first lines (storedUnit.ts `excerptOf`, which readers rebuild it with). */
export function symbolUnitText(symbol: SymbolHeadFields, relPath: string, excerpt: string): string {
  return joinParts([symbolUnitHead(symbol, relPath), excerpt]);
}

/** A chunk of a file's own text: its path and nearest heading or definition first, so both count toward its meaning;
 * then `excerpt`, its lines (storedUnit.ts `excerptOf`, which readers rebuild it with). */
export function chunkUnitText(chunk: Pick<FileChunk, 'label'>, relPath: string, excerpt: string): string {
  return joinParts([chunkUnitHead(relPath, chunk.label), excerpt]);
}

export function noteUnitText(fqn: string, text: string): string {
  return `note on ${fqn}\n${text}`;
}

export function symbolBody(symbol: ParsedSymbol, lines: readonly string[]): string {
  return lines.slice(symbol.startLine - 1, symbol.endLine).join('\n');
}
