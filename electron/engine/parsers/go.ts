// Go: `dir/of/file:pkg.Name`, methods `dir:pkg.Type.Method` with the receiver type's bare name.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { DeferringExtraction } from './common.js';
import { SymbolTable, afterOwner, all, collapse, commentsAbove, docOf, headText, isComment, named, runPending, symbol } from './common.js';

interface Ctx extends DeferringExtraction {
  /** `dir/of/file:pkg`. */
  prefix: string;
}

export function extractGo(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  const top = named(root);
  const pkg = top.find((n) => n.type === 'package_clause')?.firstNamedChild?.text ?? '';
  const slash = relPath.lastIndexOf('/');
  const ctx: Ctx = { table: new SymbolTable(), source, prefix: `${slash < 0 ? '.' : relPath.slice(0, slash)}:${pkg}`, pending: [] };
  walk(ctx, top);
  runPending(ctx);
  return ctx.table.symbols;
}

function walk(ctx: Ctx, top: readonly SyntaxNode[]): void {
  for (let i = 0; i < top.length; i++) {
    const node = top[i]!;
    const doc = (): string | null => docOf(commentsAbove(top, i, isComment), 'slashes');
    switch (node.type) {
      case 'function_declaration':
        declareFunction(ctx, node, ctx.prefix, null, 'function', doc());
        break;
      case 'method_declaration':
        declareMethod(ctx, node, doc());
        break;
      case 'type_declaration':
      case 'const_declaration':
      case 'var_declaration':
        declareSpecs(ctx, node, doc());
        break;
      case 'ERROR':
        walk(ctx, named(node));
        break;
    }
  }
}

function declareFunction(ctx: Ctx, node: SyntaxNode, prefix: string, parent: number | null, kind: SymbolKind, doc: string | null): void {
  const name = node.childForFieldName('name')?.text;
  if (!name) return;
  const signature = headText(ctx.source, node.startIndex, node.childForFieldName('body')?.startIndex ?? node.endIndex);
  ctx.table.add(symbol({ name, kind, fqn: `${prefix}.${name}`, parent, signature, doc, modifiers: [] }, node, node));
}

function declareMethod(ctx: Ctx, node: SyntaxNode, doc: string | null): void {
  const receiver = node.childForFieldName('receiver')?.firstNamedChild?.childForFieldName('type');
  const typeName = receiver ? baseTypeName(receiver.text) : '';
  const owner = `${ctx.prefix}.${typeName}`;
  afterOwner(ctx, owner, () => declareFunction(ctx, node, owner, ctx.table.indexOf(owner), 'method', doc));
}

/** `type`, `const` and `var` declarations, grouped `( … )` or not. */
function declareSpecs(ctx: Ctx, decl: SyntaxNode, declDoc: string | null): void {
  const keyword = decl.firstChild?.text ?? '';
  // tree-sitter-go wraps a grouped `var ( … )` in a var_spec_list (a grouped const or type it does not).
  const holder = named(decl).find((n) => n.type === 'var_spec_list') ?? decl;
  const grouped = all(holder).some((n) => n.type === '(');
  const specs = named(holder);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const doc = grouped ? docOf(commentsAbove(specs, i, isComment), 'slashes') : declDoc;
    const outer = grouped ? spec : decl;
    if (spec.type === 'type_spec' || spec.type === 'type_alias') declareType(ctx, spec, outer, doc);
    else if (spec.type === 'const_spec' || spec.type === 'var_spec') {
      const kind: SymbolKind = keyword === 'const' ? 'constant' : 'variable';
      const signature = collapse(`${keyword} ${ctx.source.slice(spec.startIndex, spec.endIndex)}`);
      for (const nameNode of spec.childrenForFieldName('name')) {
        if (nameNode) ctx.table.add(symbol({ name: nameNode.text, kind, fqn: `${ctx.prefix}.${nameNode.text}`, parent: null, signature, doc, modifiers: [] }, outer, outer));
      }
    }
  }
}

function declareType(ctx: Ctx, spec: SyntaxNode, outer: SyntaxNode, doc: string | null): void {
  const name = spec.childForFieldName('name')?.text;
  if (!name) return;
  const type = spec.childForFieldName('type');
  const kind: SymbolKind = spec.type === 'type_alias' ? 'type' : type?.type === 'struct_type' ? 'struct' : type?.type === 'interface_type' ? 'interface' : 'type';
  // The head stops at the `{` of a struct or interface body.
  const brace = kind === 'struct' || kind === 'interface' ? all(type!).find((n) => n.type === '{' || n.type === 'field_declaration_list') : undefined;
  const signature = `type ${headText(ctx.source, spec.startIndex, brace?.startIndex ?? spec.endIndex)}`;
  const fqn = `${ctx.prefix}.${name}`;
  const index = ctx.table.add(symbol({ name, kind, fqn, parent: null, signature, doc, modifiers: [] }, outer, outer));
  if (kind === 'struct') declareFields(ctx, type!, fqn, index);
  if (kind === 'interface') {
    const members = named(type!);
    members.forEach((member, i) => {
      if (member.type === 'method_elem') declareFunction(ctx, member, fqn, index, 'method', docOf(commentsAbove(members, i, isComment), 'slashes'));
    });
  }
}

function declareFields(ctx: Ctx, struct: SyntaxNode, owner: string, parent: number): void {
  const list = named(struct).find((n) => n.type === 'field_declaration_list');
  if (!list) return;
  const fields = named(list);
  fields.forEach((field, i) => {
    if (field.type !== 'field_declaration') return;
    const names = field.childrenForFieldName('name').flatMap((n) => (n ? [n.text] : []));
    // An embedded field is named after its type.
    if (names.length === 0) {
      const type = field.childForFieldName('type');
      if (type) names.push(baseTypeName(type.text));
    }
    const signature = collapse(ctx.source.slice(field.startIndex, field.endIndex));
    const doc = docOf(commentsAbove(fields, i, isComment), 'slashes');
    for (const name of names) ctx.table.add(symbol({ name, kind: 'field', fqn: `${owner}.${name}`, parent, signature, doc, modifiers: [] }, field, field));
  });
}

/** `*pkg.Handler[T]` → `Handler`. */
function baseTypeName(text: string): string {
  const bare = text.replace(/\[.*$/s, '').replace(/^[\s*]+/, '');
  return bare.slice(bare.lastIndexOf('.') + 1).trim();
}
