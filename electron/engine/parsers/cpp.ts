// C and C++: namespaces and classes joined by `::`; functions carry parameter types, `ns::Cls::f(int,const std::string&)`.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Extraction, Scope } from './common.js';
import { SymbolTable, all, collapse, commentsAbove, compactType, docOf, headText, isComment, isUpperCase, named, qualify, symbol } from './common.js';

const TYPE_KINDS: Readonly<Record<string, SymbolKind>> = {
  class_specifier: 'class',
  struct_specifier: 'struct',
  union_specifier: 'struct',
  enum_specifier: 'enum',
};
const PREPROC_BLOCKS = new Set(['preproc_ifdef', 'preproc_if', 'preproc_else', 'preproc_elif', 'preproc_elifdef']);
const WRAPPING_DECLARATORS = new Set(['pointer_declarator', 'reference_declarator', 'attributed_declarator']);
const NAME_NODES = new Set(['identifier', 'field_identifier', 'type_identifier', 'qualified_identifier', 'destructor_name', 'operator_name', 'template_function', 'operator_cast']);
const MODIFIER_NODES = new Set(['storage_class_specifier', 'virtual', 'explicit_function_specifier', 'attribute_declaration', 'virtual_specifier']);

interface Ctx extends Extraction {
  /** Bodyless declarations by FQN: a later definition takes their place instead of becoming `#2`. */
  prototypes: Map<string, number>;
}

interface CppScope extends Scope {
  /** The enclosing class's name, for constructors and fields. */
  className: string | null;
}

/** A declaration among its siblings, and the template that wraps it, if any. */
interface Site {
  members: readonly SyntaxNode[];
  index: number;
  outer: SyntaxNode;
  access: string | null;
}

export function extractCpp(root: SyntaxNode, source: string): ParsedSymbol[] {
  const ctx: Ctx = { table: new SymbolTable(), source, prototypes: new Map() };
  walk(ctx, named(root), { prefix: '', parent: null, className: null }, null);
  if (root.hasError) rescueMacros(ctx);
  return ctx.table.symbols;
}

/**
 * Macros a syntax error swallowed: a `#define` is a line of its own, whatever the parser made of the code around it (a
 * macro that writes half a method leaves the rest of the file in error nodes, `#define ASSERT_EQ` among them).
 */
function rescueMacros(ctx: Ctx): void {
  const known = new Set(ctx.table.symbols.map((s) => `${s.name}:${s.startLine}`));
  const lines = ctx.source.split('\n');
  lines.forEach((text, i) => {
    const m = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\([^)]*\))?[ \t]*(\S)?/u.exec(text);
    if (!m?.[1] || known.has(`${m[1]}:${i + 1}`) || (!m[2] && !m[3])) return;
    const name = m[1];
    const kind: SymbolKind = m[2] ? 'function' : 'constant';
    const signature = m[2] ? `#define ${name}${collapse(m[2])}` : collapse(text.replace(/\\$/u, ''));
    ctx.table.add({ name, kind, fqn: name, parent: null, startLine: i + 1, endLine: i + 1, signature, doc: null, modifiers: [] });
  });
}

function walk(ctx: Ctx, members: readonly SyntaxNode[], scope: CppScope, defaultAccess: string | null): void {
  let access = defaultAccess;
  for (let i = 0; i < members.length; i++) {
    const node = members[i]!;
    if (node.type === 'access_specifier') access = node.text.replace(/\s*:$/, '');
    else if (PREPROC_BLOCKS.has(node.type) || node.type === 'ERROR') walk(ctx, named(node), scope, access);
    else declare(ctx, node, { members, index: i, outer: node, access }, scope);
  }
}

function declare(ctx: Ctx, node: SyntaxNode, site: Site, scope: CppScope): void {
  switch (node.type) {
    case 'namespace_definition':
      return declareNamespace(ctx, node, site, scope);
    case 'template_declaration': {
      const inner = named(node).filter((n) => n.type !== 'template_parameter_list' && !isComment(n)).pop();
      if (inner) declare(ctx, inner, site, scope);
      return;
    }
    case 'linkage_specification': {
      const body = node.childForFieldName('body');
      if (body?.type === 'declaration_list') walk(ctx, named(body), scope, site.access);
      else if (body) declare(ctx, body, site, scope);
      return;
    }
    case 'function_definition':
      return declareFunction(ctx, node, site, scope, true);
    case 'declaration':
    case 'field_declaration':
      return declareDeclaration(ctx, node, site, scope);
    case 'type_definition':
      return declareTypedef(ctx, node, site, scope);
    case 'alias_declaration':
      return void add(ctx, node.childForFieldName('name')?.text, 'type', scope.prefix, scope.parent, collapse(node.text).replace(/;$/, ''), site, node);
    case 'preproc_def':
      if (node.childForFieldName('value') && !scope.className) {
        add(ctx, node.childForFieldName('name')?.text, 'constant', scope.prefix, scope.parent, collapse(node.text), site, node);
      }
      return;
    case 'preproc_function_def': {
      // `#define MAX(a, b) …` is called like a function; a macro-only header has nothing else to find.
      const name = node.childForFieldName('name')?.text;
      const params = node.childForFieldName('parameters')?.text ?? '()';
      if (!scope.className) add(ctx, name, 'function', scope.prefix, scope.parent, `#define ${name ?? ''}${collapse(params)}`, site, node);
      return;
    }
    default:
      if (TYPE_KINDS[node.type]) declareType(ctx, node, site, scope, null);
  }
}

function declareNamespace(ctx: Ctx, node: SyntaxNode, site: Site, scope: CppScope): void {
  const body = node.childForFieldName('body');
  const name = node.childForFieldName('name')?.text.replace(/\s+/g, '');
  // An anonymous namespace adds no name: its members stay in the enclosing scope.
  if (!name) {
    if (body) walk(ctx, named(body), scope, null);
    return;
  }
  const index = add(ctx, name, 'namespace', scope.prefix, scope.parent, `namespace ${name}`, site, node);
  if (body && index !== null) walk(ctx, named(body), { prefix: qualify(scope.prefix, name, '::'), parent: index, className: null }, null);
}

/** A class, struct, union or enum with a body; `typedefName` names an anonymous one. */
function declareType(ctx: Ctx, node: SyntaxNode, site: Site, scope: CppScope, typedefName: string | null): string | null {
  const body = node.childForFieldName('body');
  const name = node.childForFieldName('name')?.text ?? typedefName;
  // An anonymous enum's constants are names of the scope around it (`enum { BT_NONXML, BT_MALFORM };`).
  if (body && !name && node.type === 'enum_specifier') declareEnumerators(ctx, body, scope.prefix, scope.parent);
  if (!body || !name) return null;
  const kind = TYPE_KINDS[node.type]!;
  const signature = headText(ctx.source, site.outer.startIndex, body.startIndex, named(site.outer).filter(isComment));
  const index = add(ctx, name, kind, scope.prefix, scope.parent, signature, site, node);
  if (index === null) return name;
  const inner: CppScope = { prefix: qualify(scope.prefix, name, '::'), parent: index, className: name };
  if (kind === 'enum') {
    declareEnumerators(ctx, body, inner.prefix, index);
  } else {
    // Access is reported as written: members before any `public:` carry none.
    walk(ctx, named(body), inner, null);
  }
  return name;
}

function declareEnumerators(ctx: Ctx, body: SyntaxNode, prefix: string, parent: number | null): void {
  const members = named(body);
  members.forEach((member, i) => {
    if (member.type !== 'enumerator') return;
    add(ctx, member.childForFieldName('name')?.text, 'constant', prefix, parent, collapse(member.text), { members, index: i, outer: member, access: null }, member);
  });
}

/** `int f(int);` is a prototype; `int x, y;` fields or variables; `struct S {…} s;` also declares S. */
function declareDeclaration(ctx: Ctx, node: SyntaxNode, site: Site, scope: CppScope): void {
  const type = node.childForFieldName('type');
  if (type && TYPE_KINDS[type.type]) declareType(ctx, type, site, scope, null);
  const declarators = node.childrenForFieldName('declarator').filter((d): d is SyntaxNode => d !== null);
  if (declarators.some((d) => functionDeclarator(d))) {
    declareFunction(ctx, node, site, scope, false);
    return;
  }
  const qualifiers = named(node).filter((n) => n.type === 'type_qualifier' || n.type === 'storage_class_specifier').map((n) => n.text);
  const isConst = qualifiers.includes('constexpr') || (qualifiers.includes('const') && (!scope.className || qualifiers.includes('static')));
  for (const declarator of declarators) {
    const name = nameNode(declarator)?.text;
    // Unexpanded macros (`__THROW __wur;`) parse as declarations: keep plain, non-reserved identifiers only.
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name) || name.startsWith('__')) continue;
    const kind: SymbolKind = isConst || (!scope.className && isUpperCase(name)) ? 'constant' : scope.className ? 'field' : 'variable';
    add(ctx, name, kind, scope.prefix, scope.parent, headText(ctx.source, node.startIndex, node.endIndex), site, node);
  }
}

function declareTypedef(ctx: Ctx, node: SyntaxNode, site: Site, scope: CppScope): void {
  const type = node.childForFieldName('type');
  const names = node.childrenForFieldName('declarator').flatMap((d) => (d ? [nameNode(d)?.text ?? ''] : [])).filter((n) => n !== '');
  const typeName = type && TYPE_KINDS[type.type] ? declareType(ctx, type, site, scope, names[0] ?? null) : null;
  for (const name of names) {
    if (name !== typeName) add(ctx, name, 'type', scope.prefix, scope.parent, collapse(node.text).replace(/;$/, ''), site, node);
  }
}

/** A function definition (`hasBody`) or prototype, in a class, a namespace, or out of line (`void Foo::bar() {…}`). */
function declareFunction(ctx: Ctx, node: SyntaxNode, site: Site, scope: CppScope, hasBody: boolean): void {
  const declarator = node.childrenForFieldName('declarator').find((d) => d !== null && functionDeclarator(d));
  const fn = declarator ? functionDeclarator(declarator) : null;
  const nameDecl = fn?.childForFieldName('declarator');
  if (!declarator || !fn || !nameDecl || nameDecl.type === 'parenthesized_declarator') return;
  const parts = qualifiedParts(nameDecl);
  const name = parts.pop()!;
  const ownerPrefix = [scope.prefix, ...parts].filter((p) => p !== '').join('::');
  const owner = parts.length > 0 ? ctx.table.indexOf(ownerPrefix) : scope.parent;
  const ownerKind = owner === null ? null : ctx.table.symbols[owner]!.kind;
  const className = parts.length > 0 ? parts[parts.length - 1]!.replace(/<.*$/s, '') : scope.className;
  const inClass = parts.length > 0 ? ownerKind !== 'namespace' : scope.className !== null;
  const kind: SymbolKind = !inClass ? 'function' : name === className ? 'constructor' : 'method';
  const fqn = `${qualify(ownerPrefix, name, '::')}(${parameterTypes(ctx.source, fn.childForFieldName('parameters'))})`;
  const signature = headText(ctx.source, site.outer.startIndex, declarator.endIndex, named(site.outer).filter(isComment));
  const doc = docOf(commentsAbove(site.members, site.index, isComment), 'any');
  const modifiers = [...(site.access ? [site.access] : []), ...modifiersOf(node), ...modifiersOf(fn)];
  const parent = owner ?? scope.parent;
  const prototype = ctx.prototypes.get(fqn);
  if (prototype !== undefined) {
    // The definition supersedes the declaration seen earlier: one symbol, the body's range, the best doc.
    if (hasBody) replaceDeclaration(ctx, prototype, symbol({ name, kind, fqn, parent, signature, doc, modifiers }, site.outer, node));
    return;
  }
  const index = ctx.table.add(symbol({ name, kind, fqn, parent, signature, doc, modifiers }, site.outer, node));
  if (!hasBody) ctx.prototypes.set(fqn, index);
}

function replaceDeclaration(ctx: Ctx, index: number, definition: ParsedSymbol): void {
  const declared = ctx.table.symbols[index]!;
  const modifiers = [...declared.modifiers, ...definition.modifiers.filter((m) => !declared.modifiers.includes(m))];
  ctx.table.symbols[index] = { ...declared, startLine: definition.startLine, endLine: definition.endLine, signature: definition.signature, doc: definition.doc ?? declared.doc, modifiers };
  ctx.prototypes.delete(definition.fqn);
}

function add(ctx: Ctx, name: string | undefined, kind: SymbolKind, prefix: string, parent: number | null, signature: string, site: Site, node: SyntaxNode): number | null {
  if (!name) return null;
  const doc = docOf(commentsAbove(site.members, site.index, isComment), 'any');
  const modifiers = [...(site.access && kind !== 'constant' ? [site.access] : []), ...modifiersOf(node)];
  return ctx.table.add(symbol({ name, kind, fqn: qualify(prefix, name, '::'), parent, signature, doc, modifiers }, site.outer, node));
}

/** The function_declarator under pointer/reference wrappers (`int *f()`, `T& g()`), or null for a variable. */
function functionDeclarator(declarator: SyntaxNode): SyntaxNode | null {
  let node: SyntaxNode | null = declarator;
  while (node && WRAPPING_DECLARATORS.has(node.type)) node = node.childForFieldName('declarator') ?? node.lastNamedChild;
  return node?.type === 'function_declarator' ? node : null;
}

/** The identifier a declarator declares: `*argv[]` → `argv`, `x = 1` → `x`. */
function nameNode(declarator: SyntaxNode): SyntaxNode | null {
  let node: SyntaxNode | null = declarator;
  for (let depth = 0; node && depth < 32; depth++) {
    if (NAME_NODES.has(node.type)) return node;
    node = node.childForFieldName('declarator') ?? named(node).find((n) => NAME_NODES.has(n.type) || n.type.endsWith('declarator')) ?? null;
  }
  return null;
}

/** `a::b::Widget::draw` → [`a`, `b`, `Widget`, `draw`]. */
function qualifiedParts(node: SyntaxNode): string[] {
  const parts: string[] = [];
  let current: SyntaxNode | null = node;
  while (current?.type === 'qualified_identifier') {
    const scope = current.childForFieldName('scope');
    // `Box<T>::set` belongs to `Box`: template arguments are not part of the owner's name.
    if (scope) parts.push(compactType((scope.type === 'template_type' ? scope.childForFieldName('name') : null)?.text ?? scope.text));
    current = current.childForFieldName('name');
  }
  parts.push(current ? compactType(current.text) : '');
  return parts;
}

/** `(const std::string& s, int* p = 0)` → `const std::string&,int*`; `(void)` → empty. */
function parameterTypes(source: string, list: SyntaxNode | null): string {
  if (!list) return '';
  const types: string[] = [];
  for (const param of all(list)) {
    if (param.type === '...') types.push('...');
    if (!param.type.endsWith('parameter_declaration')) continue;
    const declarator = param.childForFieldName('declarator');
    const name = declarator ? nameNode(declarator) : null;
    const end = declarator?.endIndex ?? param.childForFieldName('type')?.endIndex ?? param.endIndex;
    const text = name ? source.slice(param.startIndex, name.startIndex) + source.slice(name.endIndex, end) : source.slice(param.startIndex, end);
    types.push(compactType(text));
  }
  return types.length === 1 && types[0] === 'void' ? '' : types.join(',');
}

function modifiersOf(node: SyntaxNode): string[] {
  const out: string[] = [];
  for (const child of all(node)) {
    if (MODIFIER_NODES.has(child.type) || (child.type === 'type_qualifier' && /^const(expr|eval|init)$/.test(child.text))) out.push(collapse(child.text));
  }
  return out;
}
