// PHP: `Namespace\Class::method`, `Namespace\Class::$property`, `Namespace\function`.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Extraction, Scope } from './common.js';
import { SymbolTable, collapse, commentsAbove, docOf, headText, isComment, keywordModifiers, named, qualify, symbol } from './common.js';

const TYPE_KINDS: Readonly<Record<string, SymbolKind>> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  trait_declaration: 'trait',
  enum_declaration: 'enum',
};
// Blocks whose declarations still land at file level (`if (!function_exists('f')) { function f() {} }`).
const BLOCKS = new Set(['ERROR', 'compound_statement', 'if_statement', 'else_clause', 'else_if_clause', 'colon_block']);
const MODIFIERS = new Set(['visibility_modifier', 'static_modifier', 'final_modifier', 'abstract_modifier', 'readonly_modifier', 'var_modifier']);

/** The prefix is `App\Http` at file level, `App\Http\Controller` inside a class. */
interface PhpScope extends Scope {
  inClass: boolean;
}

export function extractPhp(root: SyntaxNode, source: string): ParsedSymbol[] {
  const ctx: Extraction = { table: new SymbolTable(), source };
  walk(ctx, named(root), { prefix: '', parent: null, inClass: false });
  return ctx.table.symbols;
}

function walk(ctx: Extraction, statements: readonly SyntaxNode[], outer: PhpScope): void {
  let scope = outer;
  for (let i = 0; i < statements.length; i++) {
    const node = statements[i]!;
    if (node.type === 'namespace_definition') {
      const inner = declareNamespace(ctx, statements, i, outer);
      if (inner && !node.childForFieldName('body')) scope = inner;
    } else if (BLOCKS.has(node.type)) {
      walk(ctx, named(node), scope);
    } else {
      declare(ctx, statements, i, scope);
    }
  }
}

/** `namespace A;` holds the statements up to the next namespace; `namespace A { … }` its block. */
function declareNamespace(ctx: Extraction, statements: readonly SyntaxNode[], i: number, scope: PhpScope): PhpScope | null {
  const node = statements[i]!;
  const name = node.childForFieldName('name')?.text.replace(/\s+/g, '');
  const body = node.childForFieldName('body');
  if (!name) {
    if (body) walk(ctx, named(body), scope);
    return null;
  }
  let last = node;
  if (!body) for (let j = i + 1; j < statements.length && statements[j]!.type !== 'namespace_definition'; j++) last = statements[j]!;
  const index = ctx.table.add(symbol({ name, kind: 'namespace', fqn: name, parent: scope.parent, signature: `namespace ${name}`, doc: doc(statements, i), modifiers: [] }, node, last));
  const inner: PhpScope = { prefix: name, parent: index, inClass: false };
  if (body) walk(ctx, named(body), inner);
  return inner;
}

function declare(ctx: Extraction, statements: readonly SyntaxNode[], i: number, scope: PhpScope): void {
  const node = statements[i]!;
  const typeKind = TYPE_KINDS[node.type];
  if (typeKind) {
    const name = node.childForFieldName('name')?.text;
    const index = add(ctx, statements, i, name, typeKind, qualify(scope.prefix, name ?? '', '\\'), scope);
    const body = node.childForFieldName('body');
    if (index !== null && body) walk(ctx, named(body), { prefix: qualify(scope.prefix, name ?? '', '\\'), parent: index, inClass: true });
  } else if (node.type === 'function_definition' || node.type === 'method_declaration') {
    const name = node.childForFieldName('name')?.text;
    const kind: SymbolKind = !scope.inClass ? 'function' : name === '__construct' ? 'constructor' : 'method';
    add(ctx, statements, i, name, kind, qualify(scope.prefix, name ?? '', scope.inClass ? '::' : '\\'), scope);
  } else if (node.type === 'property_declaration') {
    for (const element of named(node).filter((n) => n.type === 'property_element')) {
      const name = element.childForFieldName('name')?.text.replace(/^\$/, '');
      add(ctx, statements, i, name, 'property', qualify(scope.prefix, name ?? '', '::$'), scope);
    }
  } else if (node.type === 'const_declaration') {
    for (const element of named(node).filter((n) => n.type === 'const_element')) {
      const name = named(element).find((n) => n.type === 'name')?.text;
      add(ctx, statements, i, name, 'constant', qualify(scope.prefix, name ?? '', scope.inClass ? '::' : '\\'), scope);
    }
  } else if (node.type === 'enum_case') {
    const name = node.childForFieldName('name')?.text;
    add(ctx, statements, i, name, 'constant', qualify(scope.prefix, name ?? '', '::'), scope);
  }
}

function add(ctx: Extraction, statements: readonly SyntaxNode[], i: number, name: string | undefined, kind: SymbolKind, fqn: string, scope: PhpScope): number | null {
  if (!name) return null;
  const node = statements[i]!;
  const attributes = named(node).filter((n) => n.type === 'attribute_list');
  const modifiers = [
    ...attributes.flatMap((list) => named(list).map((group) => collapse(group.text))),
    ...keywordModifiers(node, MODIFIERS),
  ];
  const body = node.childForFieldName('body');
  const signature = headText(ctx.source, node.startIndex, body?.startIndex ?? node.endIndex, [...attributes, ...named(node).filter(isComment)]);
  return ctx.table.add(symbol({ name, kind, fqn, parent: scope.parent, signature, doc: doc(statements, i), modifiers }, node, node));
}

function doc(statements: readonly SyntaxNode[], i: number): string | null {
  return docOf(commentsAbove(statements, i, isComment), 'javadoc');
}
