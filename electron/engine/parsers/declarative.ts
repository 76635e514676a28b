// A table-driven extractor for grammars whose declarations follow one pattern: a node type names a
// kind, a name and an optional body whose declarations are members. Each language's table lives in
// its own file (kotlin.ts, scala.ts, swift.ts, haskell.ts, lua.ts, zig.ts, elixir.ts).
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { SymbolTable, collapse, commentsAbove, endLine, headText, named, qualify, symbol } from './common.js';

/** How one node type declares something; `kind` null means "a scope only" (a Swift extension: members, no symbol). */
export interface Rule {
  kind: (node: SyntaxNode, inType: boolean) => SymbolKind | null;
  name: (node: SyntaxNode) => string | null;
  /** The node whose named children are members, or null. */
  body?: (node: SyntaxNode) => SyntaxNode | null;
  /** Where the signature stops (default: the members' or the `body` field's start, else the node's end). */
  signatureEnd?: (node: SyntaxNode) => number;
  /** Consecutive declarations of the same name are one symbol (Haskell's signature and equations). */
  merge?: boolean;
}

export interface LanguageTable {
  rules: Record<string, Rule>;
  /** Nodes walked through as if their children were siblings of theirs (Haskell's `declarations`, error recovery). */
  transparent: ReadonlySet<string>;
  isComment: (node: SyntaxNode) => boolean;
  /** The doc text of comments right above a declaration, or null. */
  doc: (comments: readonly SyntaxNode[]) => string | null;
  /** The FQN of a top-level name (`com.shop.Cart`, `src/cart:Cart`). */
  fqn: (root: SyntaxNode, relPath: string) => (qualified: string) => string;
  modifiers?: (node: SyntaxNode) => string[];
}

const TYPE_KINDS = new Set<SymbolKind>(['class', 'interface', 'enum', 'struct', 'trait', 'module', 'namespace', 'type']);

interface Scope {
  prefix: string;
  parent: number | null;
  inType: boolean;
}

export function extractDeclarations(table: LanguageTable, root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  const symbols = new SymbolTable();
  const fqnOf = table.fqn(root, relPath);
  const walk = (nodes: readonly SyntaxNode[], scope: Scope): void => {
    let last: { name: string; index: number } | null = null;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (table.transparent.has(node.type)) {
        walk(named(node), scope);
        continue;
      }
      const rule = table.rules[node.type];
      if (!rule) continue;
      const name = rule.name(node);
      if (!name) continue;
      const kind = rule.kind(node, scope.inType);
      const body = rule.body?.(node) ?? null;
      if (kind === null) {
        // A scope only: members land under the name, attached to its symbol when this file declares it.
        if (body) walk(named(body), { prefix: qualify(scope.prefix, name), parent: symbols.indexOf(fqnOf(qualify(scope.prefix, name))) ?? scope.parent, inType: true });
        continue;
      }
      if (rule.merge && last && last.name === name) {
        const kept = symbols.symbols[last.index]!;
        kept.endLine = Math.max(kept.endLine, endLine(node));
        continue;
      }
      const signature = headText(source, node.startIndex, rule.signatureEnd?.(node) ?? body?.startIndex ?? node.childForFieldName('body')?.startIndex ?? node.endIndex);
      const doc = table.doc(commentsAbove(nodes, i, table.isComment));
      const index = symbols.add(symbol({
        name, kind, fqn: fqnOf(qualify(scope.prefix, name)), parent: scope.parent, signature: collapse(signature), doc, modifiers: table.modifiers?.(node) ?? [],
      }, node, node));
      last = { name, index };
      if (body) walk(named(body), { prefix: qualify(scope.prefix, name), parent: index, inType: TYPE_KINDS.has(kind) });
    }
  };
  walk(named(root), { prefix: '', parent: null, inType: false });
  return symbols.symbols;
}

// ---- helpers the tables share ----

/** The text of the node's `name` field. */
export const fieldName = (node: SyntaxNode): string | null => node.childForFieldName('name')?.text ?? null;

/** The first named child of one of these types. */
export function childOfType(node: SyntaxNode, types: ReadonlySet<string> | string): SyntaxNode | null {
  for (const child of node.namedChildren) if (child && (typeof types === 'string' ? child.type === types : types.has(child.type))) return child;
  return null;
}

/** Whether the node has an unnamed token (a keyword) with this text. */
export function hasToken(node: SyntaxNode, token: string): boolean {
  for (const child of node.children) if (child && !child.isNamed && child.type === token) return true;
  return false;
}

/** A function inside a type is a method. */
export const functionKind = (_node: SyntaxNode, inType: boolean): SymbolKind => (inType ? 'method' : 'function');

/** Doc text from line comments that start with `marker` (`///`, `-- |`, `---`), markers stripped; null when the last comment is not one. */
export function markedLines(comments: readonly SyntaxNode[], marker: RegExp): string | null {
  const lines: string[] = [];
  for (let k = comments.length - 1; k >= 0; k--) {
    const text = comments[k]!.text.trim();
    if (!marker.test(text)) break;
    lines.unshift(...text.split('\n').map((l) => l.trim().replace(marker, '').replace(/^--\s?/, '').trim()));
  }
  const doc = lines.join('\n').trim();
  return doc.length > 0 ? doc : null;
}

/** `package a.b` / `module A.B` + name; without one, the name alone. */
export function dotted(pkg: string | null): (qualified: string) => string {
  return (qualified) => (pkg ? `${pkg}.${qualified}` : qualified);
}
