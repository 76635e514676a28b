// C#: namespace (block or file-scoped) + type chain + member; methods carry erased parameter types like Java.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Extraction, Scope } from './common.js';
import { SymbolTable, all, cleanDoc, collapse, commentsAbove, docOf, eraseGenerics, headText, isComment, named, qualify, symbol } from './common.js';

const TYPE_KINDS: Readonly<Record<string, SymbolKind>> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  struct_declaration: 'struct',
  record_declaration: 'class',
  record_struct_declaration: 'struct',
  enum_declaration: 'enum',
  delegate_declaration: 'type',
};
const CALLABLE_KINDS: Readonly<Record<string, SymbolKind>> = {
  method_declaration: 'method',
  constructor_declaration: 'constructor',
  destructor_declaration: 'method',
  operator_declaration: 'method',
  conversion_operator_declaration: 'method',
  indexer_declaration: 'property',
};
// Where the declaration head ends; fields and enum members keep their initializer.
const BODY_FIELDS = ['body', 'accessors', 'value'];
const HEAD_ENDS = new Set(['field_declaration', 'event_field_declaration', 'enum_member_declaration']);
const XML_WRAPPERS = /<\/?(summary|remarks|returns|value|para)>/g;

export function extractCSharp(root: SyntaxNode, source: string): ParsedSymbol[] {
  const ctx: Extraction = { table: new SymbolTable(), source };
  walk(ctx, named(root), { prefix: '', parent: null });
  return ctx.table.symbols;
}

function walk(ctx: Extraction, members: readonly SyntaxNode[], outer: Scope): void {
  let scope = outer;
  for (let i = 0; i < members.length; i++) {
    const node = members[i]!;
    if (node.type === 'namespace_declaration' || node.type === 'file_scoped_namespace_declaration') {
      const name = node.childForFieldName('name')?.text.replace(/\s+/g, '');
      if (!name) continue;
      const fileScoped = node.type === 'file_scoped_namespace_declaration';
      const body = node.childForFieldName('body');
      // A file-scoped namespace holds everything after it.
      const last = fileScoped ? members[members.length - 1]! : node;
      const fqn = qualify(scope.prefix, name);
      const index = ctx.table.add(symbol({ name, kind: 'namespace', fqn, parent: scope.parent, signature: `namespace ${name}`, doc: doc(members, i), modifiers: [] }, node, last));
      if (fileScoped) scope = { prefix: fqn, parent: index };
      else if (body) walk(ctx, named(body), { prefix: fqn, parent: index });
    } else if (node.type === 'ERROR') {
      walk(ctx, named(node), scope);
    } else {
      declare(ctx, members, i, scope);
    }
  }
}

function declare(ctx: Extraction, members: readonly SyntaxNode[], i: number, scope: Scope): void {
  const node = members[i]!;
  const typeKind = TYPE_KINDS[node.type];
  const callableKind = CALLABLE_KINDS[node.type];
  if (typeKind) {
    const kind = node.type === 'record_declaration' && all(node).some((n) => n.type === 'struct') ? 'struct' : typeKind;
    const name = node.childForFieldName('name')?.text;
    const index = add(ctx, members, i, name, kind, scope, '');
    const body = node.childForFieldName('body');
    if (index !== null && name && body) walk(ctx, named(body), { prefix: qualify(scope.prefix, name), parent: index });
  } else if (callableKind) {
    const types = parameterTypes(node.childForFieldName('parameters'));
    add(ctx, members, i, callableName(node), callableKind, scope, node.type === 'indexer_declaration' ? `[${types}]` : `(${types})`);
  } else if (node.type === 'property_declaration' || node.type === 'event_declaration') {
    add(ctx, members, i, node.childForFieldName('name')?.text, 'property', scope, '');
  } else if (node.type === 'field_declaration' || node.type === 'event_field_declaration') {
    const modifiers = named(node).filter((n) => n.type === 'modifier').map((n) => n.text);
    const constant = modifiers.includes('const') || (modifiers.includes('static') && modifiers.includes('readonly'));
    const declaration = named(node).find((n) => n.type === 'variable_declaration');
    for (const declarator of declaration ? named(declaration) : []) {
      if (declarator.type === 'variable_declarator') add(ctx, members, i, declarator.childForFieldName('name')?.text, constant ? 'constant' : 'field', scope, '');
    }
  } else if (node.type === 'enum_member_declaration') {
    add(ctx, members, i, node.childForFieldName('name')?.text, 'constant', scope, '');
  }
}

function add(ctx: Extraction, members: readonly SyntaxNode[], i: number, name: string | undefined, kind: SymbolKind, scope: Scope, params: string): number | null {
  if (!name) return null;
  const node = members[i]!;
  const cut = named(node).filter((n) => n.type === 'attribute_list' || isComment(n));
  const modifiers = all(node).flatMap((n) => (n.type === 'attribute_list' ? [collapse(n.text)] : n.type === 'modifier' ? [n.text] : []));
  const body = HEAD_ENDS.has(node.type) ? null : BODY_FIELDS.map((f) => node.childForFieldName(f)).find((n) => n !== null);
  const signature = headText(ctx.source, node.startIndex, body?.startIndex ?? node.endIndex, cut);
  const fqn = qualify(scope.prefix, name) + params;
  return ctx.table.add(symbol({ name, kind, fqn, parent: scope.parent, signature, doc: doc(members, i), modifiers }, node, node));
}

function callableName(node: SyntaxNode): string | undefined {
  if (node.type === 'indexer_declaration') return 'this';
  const name = node.childForFieldName('name')?.text;
  if (node.type === 'destructor_declaration') return name ? `~${name}` : undefined;
  if (node.type === 'operator_declaration') return `operator${node.childForFieldName('operator')?.text ?? ''}`;
  if (node.type === 'conversion_operator_declaration') return `operator ${node.childForFieldName('type')?.text ?? ''}`.trim();
  return name;
}

/** Parameter types with generics erased, names, attributes and `ref`/`out`/`params` dropped. */
function parameterTypes(list: SyntaxNode | null): string {
  if (!list) return '';
  const types: string[] = [];
  for (let k = 0; k < list.childCount; k++) {
    const child = list.child(k);
    // `params T[] rest` may parse as bare `type`/`name` fields of the list itself.
    const type = child?.type === 'parameter' ? child.childForFieldName('type') : list.fieldNameForChild(k) === 'type' ? child : null;
    if (type) types.push(eraseGenerics(type.text).replace(/\s+/g, ''));
    else if (child?.type === 'parameter') types.push(child.childForFieldName('name')?.text ?? '?');
  }
  return types.join(',');
}

/** `///` lines (or `/** *\/`), with the usual XML wrappers removed. */
function doc(members: readonly SyntaxNode[], i: number): string | null {
  const text = docOf(commentsAbove(members, i, isComment), 'triple');
  return text === null ? null : cleanDoc(text.replace(XML_WRAPPERS, '').split('\n'), false);
}
