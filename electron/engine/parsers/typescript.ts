// TypeScript, TSX and JavaScript: `path/without/extension:Outer.member`.
import type { SymbolKind } from '../../../shared/types.js';
import type { SyntaxNode } from './treeSitter.js';
import type { ParsedSymbol } from '../../base/fileAnalysis.js';
import type { Extraction, Scope } from './common.js';
import { SymbolTable, collapse, commentsAbove, docOf, headText, isComment, isUpperCase, keywordModifiers, named, qualify, symbol } from './common.js';

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
const CLASS_NODES = new Set(['class_declaration', 'abstract_class_declaration', 'class']);
const FUNCTION_NODES = new Set(['function_declaration', 'generator_function_declaration', 'function_signature', 'function_expression', 'arrow_function', 'function', 'generator_function']);
const METHOD_NODES = new Set(['method_definition', 'method_signature', 'abstract_method_signature']);
const FIELD_NODES = new Set(['public_field_definition', 'field_definition', 'property_signature']);
const LITERALS = new Set(['number', 'string', 'true', 'false', 'null', 'undefined', 'regex']);
// Keyword tokens kept as modifiers, as written.
const MODIFIER_TOKENS = new Set(['export', 'default', 'declare', 'async', 'static', 'abstract', 'readonly', 'get', 'set', 'override', 'accessibility_modifier', 'override_modifier']);

interface Ctx extends Extraction {
  /** `src/api/users`: the part before `:` in every FQN. */
  module: string;
}

/** Where a declaration sits: its statement among its siblings, and what its wrappers contributed. */
interface Site {
  siblings: readonly SyntaxNode[];
  index: number;
  /** The outermost node: the export statement, or the declaration itself. */
  outer: SyntaxNode;
  /** Modifiers and decorator nodes from wrappers (`export`, `default`, `declare`, decorators). */
  modifiers: string[];
  decorators: SyntaxNode[];
}

const isDecorator = (node: SyntaxNode): boolean => node.type === 'decorator';

export function extractTypeScript(root: SyntaxNode, source: string, relPath: string): ParsedSymbol[] {
  const ctx: Ctx = { table: new SymbolTable(), source, module: modulePath(relPath) };
  walkStatements(ctx, named(root), { prefix: '', parent: null });
  return ctx.table.symbols;
}

/** `src/api/users.ts` → `src/api/users`; declaration files lose `.d` too. */
export function modulePath(relPath: string): string {
  return relPath.replace(/\.d\.[cm]?ts$/, '').replace(/\.[^./]+$/, '');
}

function walkStatements(ctx: Ctx, statements: readonly SyntaxNode[], scope: Scope): void {
  for (let i = 0; i < statements.length; i++) {
    const node = statements[i]!;
    const site: Site = { siblings: statements, index: i, outer: node, modifiers: [], decorators: [] };
    if (node.type === 'export_statement') {
      const inner = node.childForFieldName('declaration') ?? node.childForFieldName('value');
      site.decorators = named(node).filter(isDecorator);
      site.modifiers = [...site.decorators.map((d) => collapse(d.text)), ...tokens(node)];
      if (inner) declare(ctx, inner, site, scope);
    } else if (node.type === 'ambient_declaration') {
      site.modifiers = ['declare'];
      const inner = named(node).find((n) => !isComment(n));
      if (inner) declare(ctx, inner, site, scope);
    } else if (node.type === 'expression_statement') {
      const expr = node.firstNamedChild;
      if (expr?.type === 'internal_module') declare(ctx, expr, site, scope);
      else if (expr?.type === 'assignment_expression') declareAssignment(ctx, expr, site, scope);
      else if (expr?.type === 'call_expression') declareDefined(ctx, expr, site, scope);
    } else if (node.type === 'ERROR') {
      walkStatements(ctx, named(node), scope);
    } else {
      declare(ctx, node, site, scope);
    }
  }
}

function declare(ctx: Ctx, node: SyntaxNode, site: Site, scope: Scope): void {
  if (FUNCTION_NODES.has(node.type)) {
    if (node.type === 'function_signature' && isOverload(site, nameOf(node))) return;
    declareFunction(ctx, node, node, nameOf(node) ?? 'default', 'function', site, scope);
  } else if (CLASS_NODES.has(node.type)) {
    declareClass(ctx, node, site, scope);
  } else if (node.type === 'interface_declaration' || node.type === 'enum_declaration') {
    declareContainer(ctx, node, node.type === 'enum_declaration' ? 'enum' : 'interface', site, scope);
  } else if (node.type === 'type_alias_declaration') {
    add(ctx, node, nameOf(node), 'type', headText(ctx.source, site.outer.startIndex, node.endIndex, cutOf(site, node)), site, scope);
  } else if (node.type === 'internal_module' || node.type === 'module') {
    const body = node.childForFieldName('body');
    const index = add(ctx, node, nameOf(node), 'namespace', head(ctx, site, node, body), site, scope);
    if (index !== null && body) walkStatements(ctx, named(body), childScope(ctx, index, scope));
  } else if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    declareVariables(ctx, node, site, scope);
  }
}

function declareFunction(ctx: Ctx, node: SyntaxNode, fn: SyntaxNode, name: string, kind: SymbolKind, site: Site, scope: Scope): number | null {
  const signature = head(ctx, site, node, fn.childForFieldName('body'));
  const modifiers = [...site.modifiers, ...tokens(fn)];
  return add(ctx, node, name, kind, signature, { ...site, modifiers }, scope);
}

function declareClass(ctx: Ctx, node: SyntaxNode, site: Site, scope: Scope, boundName?: string): void {
  const decorators = [...site.decorators, ...named(node).filter(isDecorator)];
  const modifiers = [...named(node).filter(isDecorator).map((d) => collapse(d.text)), ...site.modifiers, ...tokens(node)];
  const body = node.childForFieldName('body');
  const index = add(ctx, node, nameOf(node) ?? boundName ?? 'default', 'class', head(ctx, { ...site, decorators }, node, body), { ...site, modifiers, decorators }, scope);
  if (index !== null && body) walkMembers(ctx, named(body), childScope(ctx, index, scope));
}

function declareContainer(ctx: Ctx, node: SyntaxNode, kind: SymbolKind, site: Site, scope: Scope): void {
  const body = node.childForFieldName('body');
  const index = add(ctx, node, nameOf(node), kind, head(ctx, site, node, body), site, scope);
  if (index === null || !body) return;
  const inner = childScope(ctx, index, scope);
  if (kind === 'interface') return walkMembers(ctx, named(body), inner);
  const members = named(body);
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (isComment(member)) continue;
    const name = member.type === 'enum_assignment' ? nameOf(member) : unquote(member.text);
    const memberSite: Site = { siblings: members, index: i, outer: member, modifiers: [], decorators: [] };
    add(ctx, member, name, 'constant', collapse(ctx.source.slice(member.startIndex, member.endIndex)), memberSite, inner);
  }
}

/** Class and interface members: methods, constructors, properties (arrow-valued ones are methods). */
function walkMembers(ctx: Ctx, members: readonly SyntaxNode[], scope: Scope): void {
  for (let i = 0; i < members.length; i++) {
    const node = members[i]!;
    const isMethod = METHOD_NODES.has(node.type);
    if (!isMethod && !FIELD_NODES.has(node.type)) continue;
    const name = nameOf(node);
    if (node.type === 'method_signature' && isOverload({ siblings: members, index: i, outer: node, modifiers: [], decorators: [] }, name)) continue;
    const decorators = decoratorsBefore(members, i).concat(named(node).filter(isDecorator));
    const site: Site = { siblings: members, index: i, outer: decorators[0] ?? node, modifiers: [...decorators.map((d) => collapse(d.text)), ...tokens(node)], decorators };
    const value = node.childForFieldName('value');
    if (isMethod) {
      const kind: SymbolKind = name === 'constructor' ? 'constructor' : 'method';
      add(ctx, node, name, kind, headText(ctx.source, node.startIndex, node.childForFieldName('body')?.startIndex ?? node.endIndex, decorators), site, scope);
    } else if (value && FUNCTION_VALUES.has(value.type)) {
      const signature = headText(ctx.source, node.startIndex, value.childForFieldName('body')?.startIndex ?? node.endIndex, decorators);
      add(ctx, node, name, 'method', signature, { ...site, modifiers: [...site.modifiers, ...tokens(value)] }, scope);
    } else {
      add(ctx, node, name, 'property', headText(ctx.source, node.startIndex, node.endIndex, decorators), site, scope);
    }
  }
}

/** `const a = () => {}` is a function; `const A = 1` or `const MAX = f()` a constant; other top-level bindings variables. */
function declareVariables(ctx: Ctx, node: SyntaxNode, site: Site, scope: Scope): void {
  const isConst = node.firstChild?.type === 'const';
  for (const declarator of named(node)) {
    const nameNode = declarator.childForFieldName('name');
    if (declarator.type !== 'variable_declarator' || nameNode?.type !== 'identifier') continue;
    const name = nameNode.text;
    const value = declarator.childForFieldName('value');
    if (value && FUNCTION_VALUES.has(value.type)) {
      declareFunction(ctx, node, value, name, 'function', { ...site, modifiers: [...site.modifiers] }, scope);
    } else if (value && CLASS_NODES.has(value.type)) {
      declareClass(ctx, value, site, scope, name);
    } else {
      const kind: SymbolKind = isConst && (isUpperCase(name) || isLiteral(value)) ? 'constant' : 'variable';
      const keyword = ctx.source.slice(site.outer.startIndex, declarator.startIndex);
      const signature = collapse(`${keyword} ${ctx.source.slice(declarator.startIndex, declarator.endIndex)}`);
      add(ctx, node, name, kind, signature, site, scope);
    }
  }
}

/**
 * Members defined by assignment: CommonJS `exports.f = …` / `module.exports.f = …`, `Foo.prototype.m = function…`,
 * and methods set on an object (`res.clearCookie = function…`, `req.get = req.header = function…`).
 */
function declareAssignment(ctx: Ctx, expr: SyntaxNode, site: Site, scope: Scope): void {
  // `a.x = b.y = value` defines both: collect the targets down the chain to the value.
  const targets: SyntaxNode[] = [];
  let right: SyntaxNode | null = expr;
  while (right?.type === 'assignment_expression') {
    const left = right.childForFieldName('left');
    if (left?.type === 'member_expression') targets.push(left);
    right = right.childForFieldName('right');
  }
  if (!right) return;
  for (const left of targets) {
    const name = left.childForFieldName('property')?.text;
    const target = left.childForFieldName('object')?.text.replace(/\s+/g, '');
    if (name && target) declareMember(ctx, expr, right, target, name, site, scope);
  }
}

function declareMember(ctx: Ctx, expr: SyntaxNode, value: SyntaxNode, target: string, name: string, site: Site, scope: Scope): void {
  const isFunction = FUNCTION_VALUES.has(value.type);
  // `module.exports = function query(…)` is the module's function, known by its own name; `module.exports = x` names nothing new.
  if (target === 'module' && name === 'exports') {
    const own = value.childForFieldName('name')?.text;
    if (isFunction && own) declareFunction(ctx, expr, value, own, 'function', site, scope);
    return;
  }
  if (target === 'exports' || target === 'module.exports') {
    if (isFunction) declareFunction(ctx, expr, value, name, 'function', site, scope);
    else add(ctx, expr, name, isUpperCase(name) || isLiteral(value) ? 'constant' : 'property', collapse(ctx.source.slice(expr.startIndex, value.startIndex) + value.text, 120), site, scope);
    return;
  }
  if (!/^[\w$]+(\.[\w$]+)*$/.test(target)) return;
  const proto = /^([\w$]+)\.prototype$/.exec(target);
  const owner = proto ? proto[1]! : target;
  const ownerIndex = ctx.table.indexOf(fqnOf(ctx, scope.prefix, owner));
  const memberScope: Scope = { prefix: qualify(scope.prefix, owner), parent: ownerIndex ?? scope.parent };
  if (isFunction) declareFunction(ctx, expr, value, name, 'method', site, memberScope);
  // A wrapped function (`deprecate.function(req.x, …)`, `memoize(function…)`) is still a method.
  else if (value.type === 'call_expression' && wrapsFunction(value)) add(ctx, expr, name, 'method', collapse(ctx.source.slice(expr.startIndex, value.startIndex) + value.text, 120), site, memberScope);
}

function wrapsFunction(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments');
  return args !== null && named(args).some((a) => FUNCTION_VALUES.has(a.type) || a.type === 'member_expression' || (a.type === 'call_expression' && wrapsFunction(a)));
}

/** `defineGetter(req, 'ip', function…)` and `Object.defineProperty(obj, 'name', {get() {…}})`: a property of the object. */
function declareDefined(ctx: Ctx, call: SyntaxNode, site: Site, scope: Scope): void {
  const callee = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
  if (!/^(Object\.defineProperty|Reflect\.defineProperty|define(Getter|Setter|Property|Lazy\w*))$/.test(callee)) return;
  const args = named(call.childForFieldName('arguments') ?? call).filter((a) => !isComment(a));
  const [object, key, value] = args;
  if (!object || !key || !value || !/^[\w$]+(\.[\w$]+)*$/.test(object.text) || (key.type !== 'string' && key.type !== 'template_string')) return;
  const name = unquote(key.text);
  if (!/^[\w$]+$/.test(name)) return;
  const owner = object.text.replace(/\.prototype$/, '');
  const ownerIndex = ctx.table.indexOf(fqnOf(ctx, scope.prefix, owner));
  const signature = collapse(ctx.source.slice(call.startIndex, value.startIndex) + (FUNCTION_VALUES.has(value.type) ? headText(ctx.source, value.startIndex, value.childForFieldName('body')?.startIndex ?? value.endIndex) : '…'), 200);
  add(ctx, call, name, 'property', signature, site, { prefix: qualify(scope.prefix, owner), parent: ownerIndex ?? scope.parent });
}

function add(ctx: Ctx, node: SyntaxNode, name: string | null, kind: SymbolKind, signature: string, site: Site, scope: Scope): number | null {
  if (!name) return null;
  const doc = docOf(commentsAbove(site.siblings, site.index, isComment, isDecorator), 'javadoc');
  const first = site.outer.startIndex < node.startIndex ? site.outer : node;
  const last = site.outer.endIndex > node.endIndex ? site.outer : node;
  return ctx.table.add(symbol({ name, kind, fqn: fqnOf(ctx, scope.prefix, name), parent: scope.parent, signature, doc, modifiers: site.modifiers }, first, last));
}

function head(ctx: Ctx, site: Site, node: SyntaxNode, body: SyntaxNode | null): string {
  return headText(ctx.source, site.outer.startIndex, body?.startIndex ?? node.endIndex, cutOf(site, node));
}

function cutOf(site: Site, node: SyntaxNode): SyntaxNode[] {
  return [...site.decorators, ...named(node).filter((n) => isDecorator(n) || isComment(n))].sort((a, b) => a.startIndex - b.startIndex);
}

function childScope(ctx: Ctx, index: number, scope: Scope): Scope {
  return { prefix: qualify(scope.prefix, ctx.table.symbols[index]!.name), parent: index };
}

function fqnOf(ctx: Ctx, prefix: string, name: string): string {
  return `${ctx.module}:${qualify(prefix, name)}`;
}

function tokens(node: SyntaxNode): string[] {
  return keywordModifiers(node, MODIFIER_TOKENS);
}

function nameOf(node: SyntaxNode): string | null {
  const name = node.childForFieldName('name') ?? node.childForFieldName('property');
  return name ? unquote(name.text) : null;
}

function unquote(text: string): string {
  return /^(['"`]).*\1$/s.test(text) ? text.slice(1, -1) : text;
}

function isLiteral(value: SyntaxNode | null): boolean {
  if (!value) return false;
  if (LITERALS.has(value.type)) return true;
  if (value.type === 'template_string') return !named(value).some((n) => n.type === 'template_substitution');
  return value.type === 'unary_expression' && value.firstNamedChild?.type === 'number';
}

/** An overload signature is followed by another declaration of the same name; only the last one is kept. */
function isOverload(site: Site, name: string | null): boolean {
  for (let j = site.index + 1; j < site.siblings.length; j++) {
    const next = site.siblings[j]!;
    if (isComment(next) || isDecorator(next)) continue;
    const decl = next.type === 'export_statement' ? next.childForFieldName('declaration') : next;
    return decl !== null && (FUNCTION_NODES.has(decl.type) || METHOD_NODES.has(decl.type)) && nameOf(decl) === name;
  }
  return false;
}

function decoratorsBefore(members: readonly SyntaxNode[], i: number): SyntaxNode[] {
  let j = i;
  while (j > 0 && isDecorator(members[j - 1]!)) j--;
  return members.slice(j, i);
}
