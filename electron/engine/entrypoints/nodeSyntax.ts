// JS/TS tree shapes shared by route and call detection: imports, variable bindings, decorators, calls.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, tailName } from './common.js';
import { perTree } from './context.js';
import { stringValue } from './literals.js';

export const JS_TYPES = new Set([
  'call_expression', 'new_expression', 'import_statement', 'variable_declarator', 'assignment_expression',
  'public_field_definition', 'required_parameter', 'optional_parameter', 'class_declaration', 'class',
  'abstract_class_declaration', 'if_statement',
]);

/** What a name refers to: the module it came from (if known) and what made it (`Redis`, `express`, `producer`). */
export interface JsBinding {
  module: string | null;
  made: string;
  /** Arguments of the constructor/factory call, e.g. koa-router's `{ prefix }`. */
  args: SyntaxNode[];
  /** First type argument of an annotated type: `Repository<User>` → `User`. */
  typeArg: string | null;
}

export interface JsImport { module: string; name: string }

export interface JsScope {
  /** Local name → module specifier and the name imported (`default`, `*` or the export), from `import` and `require`. */
  imports: Map<string, JsImport>;
  /** Variables, `this.x` properties and typed parameters → what they hold. */
  bindings: Map<string, JsBinding>;
  modules: Set<string>;
}

/** The nodes a file's scope is read from: imports and the places that bind a name. */
const SCOPE_TYPES = ['import_statement', 'variable_declarator', 'assignment_expression', 'public_field_definition', 'required_parameter', 'optional_parameter'];

export const jsScope = perTree((ctx): JsScope => {
  const scope: JsScope = { imports: new Map(), bindings: new Map(), modules: new Set() };
  // Every detector that reads the scope then reads calls (and `new` expressions): all found in one walk.
  ctx.prefetch(...SCOPE_TYPES, 'call_expression', 'new_expression');
  const nodes = ctx.nodes(...SCOPE_TYPES);
  // Imports first: bindings resolve their constructors through them wherever the import sits.
  for (const node of nodes) if (node.type === 'import_statement') importNames(node, scope);
  for (const node of nodes) if (node.type !== 'import_statement') bindNode(node, scope);
  return scope;
});

function importNames(imp: SyntaxNode, scope: JsScope): void {
  const module = stringValue(imp.childForFieldName('source'));
  if (module === null) return;
  scope.modules.add(module);
  const clause = kids(imp).find((c) => c.type === 'import_clause');
  for (const part of kids(clause)) {
    if (part.type === 'identifier') scope.imports.set(part.text, { module, name: 'default' });
    else if (part.type === 'namespace_import') {
      const id = part.namedChild(0);
      if (id) scope.imports.set(id.text, { module, name: '*' });
    } else if (part.type === 'named_imports') {
      for (const spec of kids(part)) {
        const name = spec.childForFieldName('name')?.text;
        const local = spec.childForFieldName('alias')?.text ?? name;
        if (name && local) scope.imports.set(local, { module, name });
      }
    }
  }
}

function bindNode(node: SyntaxNode, scope: JsScope): void {
  if (node.type === 'required_parameter' || node.type === 'optional_parameter') {
    typedName(node.childForFieldName('pattern'), node.childForFieldName('type'), scope);
    return;
  }
  const isAssign = node.type === 'assignment_expression';
  const target = node.childForFieldName(isAssign ? 'left' : 'name');
  const value = unwrap(node.childForFieldName(isAssign ? 'right' : 'value'));
  if (node.type === 'public_field_definition' && !value) {
    typedName(target, node.childForFieldName('type'), scope);
    return;
  }
  if (!target || !value) return;
  const required = requiredModule(value);
  if (required !== null) {
    scope.modules.add(required);
    if (target.type === 'object_pattern') {
      destructuredRequire(target, required, scope);
      return;
    }
  }
  const name = bindingName(target);
  if (!name) return;
  if (required !== null) {
    scope.imports.set(name, { module: required, name: 'default' });
    return;
  }
  const made = madeBy(value, scope);
  if (made) scope.bindings.set(name, made);
}

// `const { Pool, Client: PgClient } = require('pg')`.
function destructuredRequire(pattern: SyntaxNode, module: string, scope: JsScope): void {
  for (const prop of kids(pattern)) {
    if (prop.type === 'shorthand_property_identifier_pattern') scope.imports.set(prop.text, { module, name: prop.text });
    const key = prop.type === 'pair_pattern' ? prop.childForFieldName('key')?.text : undefined;
    const local = prop.type === 'pair_pattern' ? prop.childForFieldName('value') : null;
    if (key && local?.type === 'identifier') scope.imports.set(local.text, { module, name: key });
  }
}

function typedName(pattern: SyntaxNode | null, annotation: SyntaxNode | null, scope: JsScope): void {
  const name = pattern ? bindingName(pattern) : null;
  const type = annotation?.namedChild(0);
  if (!name || !type) return;
  const typeName = tailName((type.type === 'generic_type' ? type.childForFieldName('name') : type)?.text ?? '');
  if (!/^[A-Z]/.test(typeName)) return;
  const typeArg = type.type === 'generic_type' ? type.childForFieldName('type_arguments')?.namedChild(0)?.text ?? null : null;
  scope.bindings.set(name, { module: scope.imports.get(typeName)?.module ?? null, made: typeName, args: [], typeArg });
}

/** `x`, `this.x` and `self.x`-style members bind by their last name. */
export function bindingName(node: SyntaxNode): string | null {
  if (node.type === 'identifier' || node.type === 'property_identifier' || node.type === 'private_property_identifier') return node.text;
  if (node.type === 'member_expression' && node.childForFieldName('object')?.type === 'this') return node.childForFieldName('property')?.text ?? null;
  return null;
}

function unwrap(node: SyntaxNode | null): SyntaxNode | null {
  let n = node;
  while (n && (n.type === 'await_expression' || n.type === 'parenthesized_expression' || n.type === 'as_expression' || n.type === 'non_null_expression')) n = n.namedChild(0);
  return n;
}

/** `require('x')` (also `require('x').y` and `require('x')(opts)`) → `x`. */
function requiredModule(value: SyntaxNode): string | null {
  let n: SyntaxNode | null = value;
  while (n && (n.type === 'member_expression' || (n.type === 'call_expression' && n.childForFieldName('function')?.text !== 'require'))) {
    n = n.type === 'member_expression' ? n.childForFieldName('object') : n.childForFieldName('function');
  }
  if (n?.type !== 'call_expression') return null;
  return stringValue(n.childForFieldName('arguments')?.namedChild(0));
}

function madeBy(value: SyntaxNode, scope: JsScope): JsBinding | null {
  if (value.type !== 'new_expression' && value.type !== 'call_expression') return null;
  const callee = value.childForFieldName(value.type === 'new_expression' ? 'constructor' : 'function');
  if (!callee) return null;
  const args = kids(value.childForFieldName('arguments'));
  return { module: moduleOf(callee, scope), made: tailName(callee.text), args, typeArg: null };
}

/** The module an expression's root name comes from, through imports and earlier bindings. */
export function moduleOf(expr: SyntaxNode, scope: JsScope): string | null {
  let n: SyntaxNode | null = expr;
  while (n && (n.type === 'member_expression' || n.type === 'call_expression' || n.type === 'new_expression')) {
    if (n.type === 'member_expression' && n.childForFieldName('object')?.type === 'this') {
      return scope.bindings.get(n.childForFieldName('property')?.text ?? '')?.module ?? null;
    }
    n = n.childForFieldName(n.type === 'member_expression' ? 'object' : n.type === 'call_expression' ? 'function' : 'constructor');
  }
  if (n?.type !== 'identifier') return null;
  return scope.imports.get(n.text)?.module ?? scope.bindings.get(n.text)?.module ?? null;
}

/** A member call `recv.method(args)` taken apart, or null for any other call. */
export interface MemberCall { readonly receiver: SyntaxNode; readonly method: string; readonly args: SyntaxNode[] }

/** Only calls to one of `methods` (when given) are taken apart: most calls in a file are of no interest. */
export function memberCall(call: SyntaxNode, methods?: ReadonlySet<string>): MemberCall | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'member_expression') return null;
  const method = fn.childForFieldName('property')?.text;
  if (!method || (methods && !methods.has(method))) return null;
  const receiver = fn.childForFieldName('object');
  if (!receiver) return null;
  let args: SyntaxNode[] | null = null;
  return { receiver, method, get args() { return (args ??= kids(call.childForFieldName('arguments'))); } };
}

/** What a receiver expression holds: a bound variable/property, or a module imported under that name. */
export function receiverBinding(receiver: SyntaxNode, scope: JsScope): JsBinding | null {
  const name = bindingName(receiver);
  if (!name) return null;
  const bound = scope.bindings.get(name);
  if (bound) return bound;
  const imported = receiver.type === 'identifier' ? scope.imports.get(name) : undefined;
  return imported ? { module: imported.module, made: imported.name, args: [], typeArg: null } : null;
}

/** Like `receiverBinding`, but through call chains: `mongo.db('app')` resolves to what `mongo` holds. */
export function chainBinding(receiver: SyntaxNode, scope: JsScope): JsBinding | null {
  let n: SyntaxNode | null = receiver;
  for (let depth = 0; n && depth < 12; depth++) {
    if (bindingName(n)) return receiverBinding(n, scope);
    if (n.type === 'call_expression') n = n.childForFieldName('function');
    else if (n.type === 'member_expression') n = n.childForFieldName('object');
    else if (n.type === 'await_expression' || n.type === 'parenthesized_expression') n = n.namedChild(0);
    else return null;
  }
  return null;
}

/** Value of `key` in an object literal, or null. */
export function objectProperty(obj: SyntaxNode | null | undefined, key: string): SyntaxNode | null {
  if (obj?.type !== 'object') return null;
  for (const pair of kids(obj)) {
    if (pair.type === 'pair' && (stringValue(pair.childForFieldName('key')) ?? pair.childForFieldName('key')?.text) === key) return pair.childForFieldName('value');
    if (pair.type === 'shorthand_property_identifier' && pair.text === key) return pair;
  }
  return null;
}

/** Decorators on a class (including those written before `export`) or on a class member. */
export function jsDecorators(node: SyntaxNode): Decoration[] {
  const found: SyntaxNode[] = [];
  if (node.parent?.type === 'export_statement') found.push(...kids(node.parent).filter((c) => c.type === 'decorator'));
  found.push(...kids(node).filter((c) => c.type === 'decorator'));
  // Member decorators are the siblings just before the member in the class body.
  if (node.type === 'method_definition' || node.type === 'public_field_definition') {
    for (let p = node.previousNamedSibling; p && (p.type === 'decorator' || p.type === 'comment'); p = p.previousNamedSibling) {
      if (p.type === 'decorator') found.unshift(p);
    }
  }
  return found.map(jsDecoration);
}

function jsDecoration(node: SyntaxNode): Decoration {
  const expr = node.namedChild(0);
  const call = expr?.type === 'call_expression' ? expr : null;
  const name = tailName((call ? call.childForFieldName('function') : expr)?.text ?? '');
  const positional = kids(call?.childForFieldName('arguments'));
  const named = new Map<string, SyntaxNode>();
  const obj = positional.find((a) => a.type === 'object');
  for (const pair of kids(obj)) {
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (pair.type === 'pair' && key && value) named.set(stringValue(key) ?? key.text, value);
  }
  return { name, node, positional, named };
}
