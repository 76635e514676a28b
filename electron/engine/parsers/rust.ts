// Rust: module path from the file (`src/foo/bar.rs` → `crate::foo::bar`) + `::` nesting; impl methods under their type.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import { rustModule } from '../../base/rustModule.js';
import type { DeferringExtraction, Scope } from './common.js';
import { SymbolTable, afterOwner, all, cleanLines, collapse, commentsAbove, docOf, headText, isComment, named, runPending, symbol } from './common.js';

const ITEM_KINDS: Readonly<Record<string, SymbolKind>> = {
  struct_item: 'struct',
  union_item: 'struct',
  enum_item: 'enum',
  trait_item: 'trait',
  mod_item: 'module',
  type_item: 'type',
  const_item: 'constant',
  static_item: 'constant',
  function_item: 'function',
  function_signature_item: 'function',
  // A trait's `type Output;`; an impl's `type Output = …;` is a type_item.
  associated_type: 'type',
};
// Bodies that end the signature; a tuple struct's `(…)` stays in it.
const BODIES = new Set(['field_declaration_list', 'enum_variant_list', 'declaration_list', 'block']);

type Ctx = DeferringExtraction;

interface RustScope extends Scope {
  /** Inside an impl or trait: functions are methods. */
  inType: boolean;
  /** Inside a function's body: its items count (a test's helper `fn`, a guard `struct`), its macro calls are code, not items. */
  inBody?: boolean;
}

const isAttribute = (node: SyntaxNode): boolean => node.type === 'attribute_item';

export function extractRust(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  const ctx: Ctx = { table: new SymbolTable(), source, pending: [] };
  walk(ctx, named(root), { prefix: rustModule(relPath), parent: null, inType: false });
  runPending(ctx);
  return ctx.table.symbols;
}

function walk(ctx: Ctx, items: readonly SyntaxNode[], scope: RustScope): void {
  for (let i = 0; i < items.length; i++) {
    const node = items[i]!;
    if (node.type === 'impl_item') walkImpl(ctx, node, scope);
    else if (node.type === 'foreign_mod_item' || node.type === 'ERROR') walk(ctx, named(node.childForFieldName('body') ?? node), scope);
    else if (ITEM_KINDS[node.type]) declare(ctx, items, i, scope);
    else if (node.type === 'macro_definition') declareMacro(ctx, items, i, scope);
    else if (node.type === 'macro_invocation' && !scope.inBody) declareInMacro(ctx, node, scope);
  }
}

/** `macro_rules! name { … }`: a macro is called like a function (`name!(…)`), so it is one. */
function declareMacro(ctx: Ctx, items: readonly SyntaxNode[], i: number, scope: RustScope): void {
  const node = items[i]!;
  const name = node.childForFieldName('name')?.text;
  if (!name) return;
  const attributes = attributesBefore(items, i);
  const doc = docOf(commentsAbove(items, i, isComment, isAttribute), 'triple');
  const modifiers = attributes.map((a) => collapse(a.text));
  ctx.table.add(symbol({ name, kind: 'function', fqn: `${scope.prefix}::${name}`, parent: scope.parent, signature: `macro_rules! ${name}`, doc, modifiers }, attributes[0] ?? node, node));
}

// Item keywords inside a macro call's tokens; the grammar leaves a macro's input unparsed, so items written
// there (`impl_num! { pub fn foo() … }`, serde's `forward_to_deserialize_any!`) are found by their tokens.
const MACRO_ITEM_KINDS: Readonly<Record<string, SymbolKind>> = {
  fn: 'function', struct: 'struct', enum: 'enum', trait: 'trait', type: 'type', const: 'constant', static: 'constant', mod: 'module', union: 'struct',
};

/** Items written inside a macro invocation's top-level tokens: `fn name`, `struct Name`, … (not `$metavariables`). */
function declareInMacro(ctx: Ctx, invocation: SyntaxNode, scope: RustScope): void {
  const tree = all(invocation).find((c) => c.type === 'token_tree');
  if (!tree) return;
  const tokens = all(tree);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const keyword = tokens[i]!;
    const nameNode = tokens[i + 1]!;
    const itemKind = MACRO_ITEM_KINDS[keyword.type];
    if (!itemKind || nameNode.type !== 'identifier') continue;
    const kind: SymbolKind = itemKind === 'function' && scope.inType ? 'method' : itemKind;
    // The item runs to its `{ … }` body (after a fn's parameters) or to the `;` that ends it.
    let end = i + 2;
    while (end < tokens.length && tokens[end]!.type !== ';' && !(tokens[end]!.type === 'token_tree' && tokens[end]!.text.startsWith('{'))) end++;
    const last = tokens[Math.min(end, tokens.length - 1)]!;
    let first = i;
    while (first > 0 && (tokens[first - 1]!.type === 'pub' || tokens[first - 1]!.type === 'visibility_modifier')) first--;
    const bodyStart = last.type === 'token_tree' ? last.startIndex : last.endIndex;
    const signature = headText(ctx.source, tokens[first]!.startIndex, bodyStart);
    const docLines: string[] = [];
    for (let j = first - 1; j >= 0 && tokens[j]!.type === 'line_comment' && tokens[j]!.text.startsWith('///'); j--) docLines.unshift(tokens[j]!.text);
    const doc = docLines.length > 0 ? cleanLines(docLines) : null;
    const name = nameNode.text;
    const fqn = `${scope.prefix}::${name}`;
    ctx.table.add(symbol({ name, kind, fqn, parent: scope.parent, signature, doc, modifiers: ['macro'] }, tokens[first]!, last));
    i = end;
  }
}

function declare(ctx: Ctx, items: readonly SyntaxNode[], i: number, scope: RustScope): void {
  const node = items[i]!;
  const name = node.childForFieldName('name')?.text;
  const body = node.childForFieldName('body');
  // `mod foo;` only points at another file, which is that module.
  if (!name || (node.type === 'mod_item' && !body)) return;
  let kind = ITEM_KINDS[node.type]!;
  if (kind === 'function' && scope.inType) kind = 'method';
  const attributes = attributesBefore(items, i);
  const modifiers = [...attributes.map((a) => collapse(a.text)), ...modifiersOf(node)];
  const signature = headText(ctx.source, node.startIndex, body && BODIES.has(body.type) ? body.startIndex : node.endIndex);
  const doc = docOf(commentsAbove(items, i, isComment, isAttribute), 'triple') ?? innerDoc(body);
  const fqn = `${scope.prefix}::${name}`;
  const index = ctx.table.add(symbol({ name, kind, fqn, parent: scope.parent, signature, doc, modifiers }, attributes[0] ?? node, node));
  if (!body) return;
  if (kind === 'module') walk(ctx, named(body), { prefix: fqn, parent: index, inType: false });
  else if ((kind === 'function' || kind === 'method') && body.type === 'block') walk(ctx, named(body), { prefix: fqn, parent: index, inType: false, inBody: true });
  else if (kind === 'trait') walk(ctx, named(body), { prefix: fqn, parent: index, inType: true });
  else if (kind === 'struct') declareMembers(ctx, body, 'field_declaration', 'field', fqn, index);
  else if (kind === 'enum') declareMembers(ctx, body, 'enum_variant', 'constant', fqn, index);
}

/** `impl [Trait for] Type { … }`: its items belong to `Type`, whose symbol must come first. */
function walkImpl(ctx: Ctx, impl: SyntaxNode, scope: RustScope): void {
  const type = impl.childForFieldName('type');
  const body = impl.childForFieldName('body');
  if (!type || !body) return;
  const prefix = `${scope.prefix}::${typeName(type.text)}`;
  afterOwner(ctx, prefix, () => walk(ctx, named(body), { prefix, parent: ctx.table.indexOf(prefix) ?? scope.parent, inType: true }));
}

function declareMembers(ctx: Ctx, body: SyntaxNode, type: string, kind: SymbolKind, owner: string, parent: number): void {
  const members = named(body);
  members.forEach((member, i) => {
    const name = member.childForFieldName('name')?.text;
    if (member.type !== type || !name) return;
    const attributes = attributesBefore(members, i);
    const modifiers = [...attributes.map((a) => collapse(a.text)), ...modifiersOf(member)];
    const doc = docOf(commentsAbove(members, i, isComment, isAttribute), 'triple');
    const signature = collapse(ctx.source.slice(member.startIndex, member.endIndex));
    ctx.table.add(symbol({ name, kind, fqn: `${owner}::${name}`, parent, signature, doc, modifiers }, attributes[0] ?? member, member));
  });
}

/** `pub`, `pub(crate)`, `async`, `unsafe`, `const`, `extern "C"`, `mut`, as written. */
function modifiersOf(node: SyntaxNode): string[] {
  const out: string[] = [];
  for (const child of all(node)) {
    if (child.type === 'visibility_modifier' || child.type === 'mutable_specifier') out.push(collapse(child.text));
    else if (child.type === 'function_modifiers') out.push(...all(child).map((m) => collapse(m.text)));
  }
  return out;
}

function attributesBefore(items: readonly SyntaxNode[], i: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let j = i - 1; j >= 0 && (isAttribute(items[j]!) || isComment(items[j]!)); j--) if (isAttribute(items[j]!)) out.unshift(items[j]!);
  return out;
}

/** `//!` lines opening a module body document the module. */
function innerDoc(body: SyntaxNode | null): string | null {
  if (!body) return null;
  const lines: string[] = [];
  for (const child of named(body)) {
    if (!isComment(child) || !child.text.startsWith('//!')) break;
    lines.push(child.text);
  }
  return lines.length > 0 ? cleanLines(lines) : null;
}

/** `&'a mut foo::Bar<T>` → `Bar`. */
function typeName(text: string): string {
  const bare = text
    .replace(/<.*$/s, '')
    .replace(/&|'\w+|\b(mut|dyn)\b|\s+/g, '');
  const at = bare.lastIndexOf('::');
  return at >= 0 ? bare.slice(at + 2) : bare;
}
