// Java: `package.Outer.Inner.member`; methods and constructors carry their erased parameter types.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Extraction, Scope } from './common.js';
import { SymbolTable, all, collapse, commentsAbove, docOf, eraseGenerics, headText, isComment, named, qualify, symbol } from './common.js';

const TYPE_KINDS: Readonly<Record<string, SymbolKind>> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  enum_declaration: 'enum',
  record_declaration: 'class',
  annotation_type_declaration: 'interface',
};
const ANNOTATIONS = new Set(['annotation', 'marker_annotation']);

interface JavaScope extends Scope {
  inInterface: boolean;
}

interface Modifiers {
  modifiers: string[];
  /** Annotations and comments: left out of the signature. */
  cut: SyntaxNode[];
  /** A Javadoc written between the annotations and the declaration. */
  innerDoc: string | null;
}

export function extractJava(root: SyntaxNode, source: string): ParsedSymbol[] {
  const ctx: Extraction = { table: new SymbolTable(), source };
  const top = named(root);
  const pkg = top.find((n) => n.type === 'package_declaration');
  const pkgName = pkg ? (named(pkg).find((n) => n.type.endsWith('identifier'))?.text.replace(/\s+/g, '') ?? '') : '';
  walk(ctx, top, { prefix: pkgName, parent: null, inInterface: false });
  return ctx.table.symbols;
}

function walk(ctx: Extraction, members: readonly SyntaxNode[], scope: JavaScope): void {
  for (let i = 0; i < members.length; i++) {
    const node = members[i]!;
    if (node.type === 'ERROR' || node.type === 'enum_body_declarations') walk(ctx, named(node), scope);
    else if (TYPE_KINDS[node.type]) declareType(ctx, members, i, scope, TYPE_KINDS[node.type]!);
    else declareMember(ctx, members, i, scope);
  }
}

function declareType(ctx: Extraction, members: readonly SyntaxNode[], i: number, scope: JavaScope, kind: SymbolKind): void {
  const node = members[i]!;
  const name = node.childForFieldName('name')?.text;
  const body = node.childForFieldName('body');
  if (!name) return;
  const index = add(ctx, members, i, name, kind, qualify(scope.prefix, name), scope, body);
  const inner: JavaScope = { prefix: qualify(scope.prefix, name), parent: index, inInterface: kind === 'interface' };
  if (node.type === 'record_declaration') declareRecordComponents(ctx, node, inner);
  if (body) walk(ctx, named(body), inner);
}

function declareMember(ctx: Extraction, members: readonly SyntaxNode[], i: number, scope: JavaScope): void {
  const node = members[i]!;
  const name = node.childForFieldName('name')?.text;
  switch (node.type) {
    case 'method_declaration':
    case 'annotation_type_element_declaration':
    case 'constructor_declaration':
    case 'compact_constructor_declaration': {
      if (!name) return;
      const kind: SymbolKind = node.type.includes('constructor') ? 'constructor' : 'method';
      // A compact record constructor has no parameter list: it takes the record's components.
      const params = node.childForFieldName('parameters') ?? (kind === 'constructor' ? (node.parent?.parent?.childForFieldName('parameters') ?? null) : null);
      add(ctx, members, i, name, kind, `${qualify(scope.prefix, name)}(${parameterTypes(params)})`, scope, node.childForFieldName('body'));
      return;
    }
    case 'field_declaration':
    case 'constant_declaration': {
      const mods = modifiersOf(node).modifiers;
      const constant = scope.inInterface || node.type === 'constant_declaration' || (mods.includes('static') && mods.includes('final'));
      for (const declarator of node.childrenForFieldName('declarator')) {
        const field = declarator?.childForFieldName('name')?.text;
        if (field) add(ctx, members, i, field, constant ? 'constant' : 'field', qualify(scope.prefix, field), scope, null);
      }
      return;
    }
    case 'enum_constant':
      if (name) add(ctx, members, i, name, 'constant', qualify(scope.prefix, name), scope, node.childForFieldName('body'));
  }
}

/** Record components are the record's fields. */
function declareRecordComponents(ctx: Extraction, record: SyntaxNode, scope: JavaScope): void {
  const params = record.childForFieldName('parameters');
  if (!params) return;
  const components = named(params);
  components.forEach((param, i) => {
    const name = param.childForFieldName('name')?.text;
    if (param.type === 'formal_parameter' && name) add(ctx, components, i, name, 'field', qualify(scope.prefix, name), scope, null);
  });
}

/** One symbol for `members[i]`; its signature runs up to `body`, without annotations. */
function add(ctx: Extraction, members: readonly SyntaxNode[], i: number, name: string, kind: SymbolKind, fqn: string, scope: Scope, body: SyntaxNode | null): number {
  const node = members[i]!;
  const mods = modifiersOf(node);
  const signature = headText(ctx.source, node.startIndex, body?.startIndex ?? node.endIndex, mods.cut);
  const doc = docOf(commentsAbove(members, i, isComment), 'javadoc') ?? mods.innerDoc;
  return ctx.table.add(symbol({ name, kind, fqn, parent: scope.parent, signature, doc, modifiers: mods.modifiers }, node, node));
}

function modifiersOf(node: SyntaxNode): Modifiers {
  const out: Modifiers = { modifiers: [], cut: [], innerDoc: null };
  const mods = named(node).find((n) => n.type === 'modifiers');
  if (!mods) return out;
  for (const child of all(mods)) {
    if (isComment(child)) {
      out.cut.push(child);
      out.innerDoc = docOf([child], 'javadoc') ?? out.innerDoc;
    } else if (ANNOTATIONS.has(child.type)) {
      out.cut.push(child);
      out.modifiers.push(collapse(child.text));
    } else {
      out.modifiers.push(child.text);
    }
  }
  return out;
}

/** `(long,List,String...)`: types only, generics erased, annotations and names dropped. */
function parameterTypes(params: SyntaxNode | null): string {
  if (!params) return '';
  const types: string[] = [];
  for (const param of named(params)) {
    if (param.type === 'formal_parameter') {
      const dims = param.childForFieldName('dimensions');
      types.push(javaType(param.childForFieldName('type')) + (dims ? javaType(dims) : ''));
    } else if (param.type === 'spread_parameter') {
      const type = named(param).find((n) => n.type !== 'modifiers' && n.type !== 'variable_declarator' && !ANNOTATIONS.has(n.type)) ?? null;
      types.push(`${javaType(type)}...`);
    }
  }
  return types.join(',');
}

function javaType(node: SyntaxNode | null): string {
  if (!node) return '?';
  const withoutAnnotations = node.text.replace(/@[\w.]+(\s*\([^)]*\))?/g, '');
  return eraseGenerics(withoutAnnotations).replace(/\s+/g, '');
}
