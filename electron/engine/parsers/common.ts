// Helpers every language extractor shares: the symbol table, line numbers, signatures, doc comments.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';

export const MAX_SIGNATURE = 300;

/** Collects symbols in order, making FQNs unique within the file (`#2`, `#3` …). */
export class SymbolTable {
  readonly symbols: ParsedSymbol[] = [];
  // Base FQN → [first index, times seen]; one map serves both suffixing and lookup.
  private readonly seen = new Map<string, [number, number]>();

  /** Appends `symbol` (taking ownership: its `fqn` may get a suffix) and returns its index. */
  add(symbol: ParsedSymbol): number {
    const index = this.symbols.length;
    const entry = this.seen.get(symbol.fqn);
    if (entry) {
      const base = symbol.fqn;
      entry[1] += 1;
      symbol.fqn = `${base}#${entry[1]}`;
      // A generated `x#2` may itself be a real name elsewhere; keep counting until free.
      while (this.seen.has(symbol.fqn)) symbol.fqn = `${base}#${++entry[1]}`;
    }
    this.seen.set(symbol.fqn, [index, 1]);
    this.symbols.push(symbol);
    return index;
  }

  /** Index of the first symbol declared with exactly this FQN, or null. */
  indexOf(fqn: string): number | null {
    return this.seen.get(fqn)?.[0] ?? null;
  }
}

/** What every extractor carries: the symbols so far and the file's text. */
export interface Extraction {
  table: SymbolTable;
  source: string;
}

/** Where declarations land: the FQN prefix of their names and the index of the enclosing symbol. */
export interface Scope {
  prefix: string;
  parent: number | null;
}

/** An extraction that postpones members whose owner (a Go receiver type, a Rust impl's type) is declared further down. */
export interface DeferringExtraction extends Extraction {
  pending: Array<() => void>;
}

/** Runs `declare` now when the owner's symbol exists, else after the walk, so that parents come first. */
export function afterOwner(ctx: DeferringExtraction, ownerFqn: string, declare: () => void): void {
  if (ctx.table.indexOf(ownerFqn) === null) ctx.pending.push(declare);
  else declare();
}

export function runPending(ctx: DeferringExtraction): void {
  for (const declare of ctx.pending) declare();
}

/** `prefix` + `separator` + `name`, or just `name` at the top. */
export function qualify(prefix: string, name: string, separator = '.'): string {
  return prefix ? `${prefix}${separator}${name}` : name;
}

/** Builds one symbol; the range runs from `first` (annotations included) to the end of `node`. */
export function symbol(
  parts: { name: string; kind: SymbolKind; fqn: string; parent: number | null; signature: string; doc: string | null; modifiers: string[] },
  first: SyntaxNode,
  node: SyntaxNode,
): ParsedSymbol {
  const start = startLine(first);
  // Built field by field: spreading is measurably slower over hundreds of thousands of symbols.
  return {
    fqn: parts.fqn,
    name: parts.name,
    kind: parts.kind,
    parent: parts.parent,
    startLine: start,
    endLine: Math.max(start, endLine(node)),
    signature: parts.signature,
    doc: parts.doc,
    modifiers: parts.modifiers,
  };
}

export function startLine(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

export function endLine(node: SyntaxNode): number {
  const end = node.endPosition;
  // A node ending at column 0 stops before that line (Rust line comments include their newline).
  return end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
}

/** Whitespace runs become one space; capped at MAX_SIGNATURE characters. */
export function collapse(text: string, max = MAX_SIGNATURE): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1)}…`;
}

/** Source from `from` to `to` without the `cut` nodes (annotations, comments), on one line, without a trailing `{ : ; = =>`. */
export function headText(source: string, from: number, to: number, cut: readonly SyntaxNode[] = []): string {
  let text = '';
  let at = from;
  for (const node of cut) {
    if (node.endIndex <= at || node.startIndex >= to) continue;
    text += source.slice(at, node.startIndex) + ' ';
    at = node.endIndex;
  }
  text += source.slice(at, Math.max(at, to));
  return collapse(collapse(text, Number.MAX_SAFE_INTEGER).replace(/\s*(\{|=>|:|;|=)$/, ''));
}

/** Named children without the nulls web-tree-sitter's types allow. */
export function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c): c is SyntaxNode => c !== null);
}

/** All children, keyword tokens included, without nulls. */
export function all(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((c): c is SyntaxNode => c !== null);
}

/** Children whose type is in `keywords` (tokens like `static`, `async`, or modifier nodes), as written, in order. */
export function keywordModifiers(node: SyntaxNode, keywords: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const child of node.children) if (child && keywords.has(child.type)) out.push(collapse(child.text));
  return out;
}

/** A type as a compact FQN part: no spaces around punctuation, single spaces between words. */
export function compactType(text: string): string {
  return collapse(text, Number.MAX_SAFE_INTEGER).replace(/\s*([<>,()*&[\]:?.])\s*/g, '$1');
}

/** Removes `<…>` generic arguments (balanced) so that `List<String>` becomes `List`. */
export function eraseGenerics(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

export function isUpperCase(name: string): boolean {
  // Leading underscores mark a private constant (`_DEFAULTS`), not a different convention.
  return /^_*[A-Z][A-Z0-9_]*$/.test(name);
}

// ---- doc comments ----

const COMMENT_TYPES = new Set(['comment', 'line_comment', 'block_comment']);

/** Comment nodes in every grammar used here (Java and Rust split line and block comments). */
export function isComment(node: SyntaxNode): boolean {
  return COMMENT_TYPES.has(node.type);
}

/** How a language writes doc comments. */
export type DocStyle =
  | 'javadoc' // only `/** … */`
  | 'triple' // `///`, `//!` lines or `/** … */`
  | 'slashes' // any `//` lines
  | 'hash' // `#` lines
  | 'any'; // any comment block or line run (C, C++)

const LICENSE = /@(?:license|preserve|copyright)\b|\bcopyright\b|\blicen[cs]ed?\b/i;

/**
 * A `/** … *\/` block documents what follows it across a blank line, as JSDoc, TypeScript and Javadoc attach it
 * (Express writes every method so). License headers never document the code below.
 */
export function isDetachedDocBlock(node: SyntaxNode): boolean {
  const text = node.text;
  return text.startsWith('/**') && !text.startsWith('/**/') && !LICENSE.test(text);
}

/**
 * The comments right above `siblings[i]`, passing over siblings such as attributes for which `passOver` is true.
 * No blank line may part them, except one blank line under a comment `detached` accepts (a `/** … *\/` doc by
 * default); a run that crossed one is dropped if it is a license header. Scans the sibling array: previousSibling
 * is O(n) in tree-sitter.
 */
export function commentsAbove(
  siblings: readonly SyntaxNode[],
  i: number,
  isComment: (node: SyntaxNode) => boolean,
  passOver?: (node: SyntaxNode) => boolean,
  detached: (node: SyntaxNode) => boolean = isDetachedDocBlock,
): SyntaxNode[] {
  const run: SyntaxNode[] = [];
  let top = startLine(siblings[i]!);
  let crossedGap = false;
  for (let j = i - 1; j >= 0; j--) {
    const node = siblings[j]!;
    if (passOver?.(node)) {
      top = startLine(node);
      continue;
    }
    if (!isComment(node)) break;
    // A comment trailing code on the same line belongs to that code, not to what follows.
    const before = j > 0 ? siblings[j - 1]! : null;
    if (before && !isComment(before) && endLine(before) === startLine(node)) break;
    if (endLine(node) < top - 1) {
      if (run.length > 0 || endLine(node) < top - 2 || !detached(node)) break;
      crossedGap = true;
    }
    run.push(node);
    top = startLine(node);
  }
  if (crossedGap && run.some((c) => LICENSE.test(c.text))) return [];
  return run.reverse();
}

/** The doc text of a comment run, markers stripped, or null when the run is not a doc comment in this style. */
export function docOf(comments: readonly SyntaxNode[], style: DocStyle): string | null {
  const last = comments[comments.length - 1];
  if (!last) return null;
  const lastText = last.text.trim();
  if (lastText.startsWith('/*')) {
    const isDoc = lastText.startsWith('/**') || lastText.startsWith('/*!');
    if (style === 'hash' || (!isDoc && style !== 'any')) return null;
    return cleanBlock(lastText);
  }
  const lines: string[] = [];
  for (let k = comments.length - 1; k >= 0; k--) {
    const text = comments[k]!.text.trim();
    if (!lineMatches(text, style)) break;
    lines.push(text);
  }
  return lines.length === 0 ? null : cleanLines(lines.reverse());
}

function lineMatches(text: string, style: DocStyle): boolean {
  switch (style) {
    case 'javadoc':
      return false;
    case 'triple':
      return /^\/\/[/!]/.test(text) && !text.startsWith('////');
    case 'slashes':
    case 'any':
      return text.startsWith('//');
    case 'hash':
      return text.startsWith('#') && !text.startsWith('#!');
  }
}

/** `/** … *\/` → its text: markers and leading `*` removed, outer blank lines dropped. */
export function cleanBlock(text: string): string | null {
  const body = text.replace(/^\/\*[*!]?/, '').replace(/\*+\/$/, '');
  return cleanDoc(body.split('\n').map((line) => line.replace(/^\s*\*(?!\/) ?/, '')), true);
}

/** `///`, `//!`, `//`, `#` lines → their text. */
export function cleanLines(lines: readonly string[]): string | null {
  return cleanDoc(lines.map((line) => line.replace(/^\s*(\/\/[/!]?|#+) ?/, '')), false);
}

/**
 * Like Python's inspect.cleandoc: trims the first line when it shares the opener's line (`/** text`, `"""text`),
 * removes the common indentation of the rest, drops blank lines at both ends; null when nothing is left.
 */
export function cleanDoc(raw: readonly string[], firstApart: boolean): string | null {
  const lines = raw.map((l) => l.trimEnd());
  const rest = firstApart ? lines.slice(1) : lines;
  const indents = rest.filter((l) => l.trim() !== '').map(indentOf);
  const common = indents.reduce((a, b) => Math.min(a, b), indents[0] ?? 0);
  const out = lines.map((l, i) => (firstApart && i === 0 ? l.trim() : l.slice(Math.min(common, indentOf(l)))));
  let start = 0;
  let end = out.length;
  while (start < end && out[start]!.trim() === '') start++;
  while (end > start && out[end - 1]!.trim() === '') end--;
  return start === end ? null : out.slice(start, end).join('\n');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
