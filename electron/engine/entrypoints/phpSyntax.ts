// PHP tree shapes shared by the PHP detectors: calls, arguments, strings, arrays, `use` imports, class names.
import type { SyntaxNode } from './common.js';
import { kids } from './common.js';
import type { FileContext } from './context.js';
import { perTree } from './context.js';

export const PHP_TYPES = new Set([
  'namespace_definition', 'namespace_use_declaration', 'scoped_call_expression', 'member_call_expression',
  'nullsafe_member_call_expression', 'function_call_expression', 'class_declaration', 'object_creation_expression',
]);

/** A call taken apart: `Route::get(…)` (scope `Route`), `$app->get(…)` (receiver `$app`), `dispatch(…)` (neither). */
export interface PhpCall {
  readonly node: SyntaxNode;
  readonly name: string;
  /** The class of a static call, as written (`Route`, `\Route`). */
  readonly scope: string | null;
  /** The object of a member call. */
  readonly receiver: SyntaxNode | null;
  readonly positional: SyntaxNode[];
  readonly named: Map<string, SyntaxNode>;
}

const MEMBER_CALLS = new Set(['member_call_expression', 'nullsafe_member_call_expression']);

export function isMemberCall(node: SyntaxNode | null | undefined): node is SyntaxNode {
  return !!node && MEMBER_CALLS.has(node.type);
}

/** Arguments are read on first use: most calls in a file are dismissed by name alone. */
export function phpCall(node: SyntaxNode, names?: ReadonlySet<string>): PhpCall | null {
  const fn = node.type === 'function_call_expression' ? node.childForFieldName('function') : node.childForFieldName('name');
  if (!fn || (fn.type !== 'name' && fn.type !== 'qualified_name')) return null;
  const name = fn.type === 'qualified_name' ? fn.text.slice(fn.text.lastIndexOf('\\') + 1) : fn.text;
  if (names && !names.has(name)) return null;
  const scope = node.type === 'scoped_call_expression' ? node.childForFieldName('scope')?.text ?? null : null;
  const receiver = MEMBER_CALLS.has(node.type) ? node.childForFieldName('object') : null;
  let args: Args | null = null;
  const parsed = (): Args => (args ??= phpArgs(node.childForFieldName('arguments') ?? node.childForFieldName('parameters')));
  return { node, name, scope, receiver, get positional() { return parsed().positional; }, get named() { return parsed().named; } };
}

interface Args { positional: SyntaxNode[]; named: Map<string, SyntaxNode> }

/** Arguments of a call or attribute; PHP 8 named arguments (`methods: ['GET']`) go to `named`. */
export function phpArgs(list: SyntaxNode | null | undefined): Args {
  const positional: SyntaxNode[] = [];
  const named = new Map<string, SyntaxNode>();
  for (const arg of kids(list)) {
    if (arg.type !== 'argument') continue;
    const key = arg.childForFieldName('name')?.text;
    const value = arg.namedChild(arg.namedChildCount - 1);
    if (!value) continue;
    if (key && value !== arg.childForFieldName('name')) named.set(key, value);
    else if (!key) positional.push(value);
  }
  return { positional, named };
}

/** The exact value of a string literal without interpolation (quoted, heredoc or nowdoc), else null. */
export function phpString(node: SyntaxNode | null | undefined): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'argument': return phpString(node.namedChild(node.namedChildCount - 1));
    case 'string': return node.text.startsWith("'") ? node.text.slice(1, -1).replace(/\\(['\\])/g, '$1') : null;
    case 'encapsed_string': {
      if (!node.text.startsWith('"')) return null;
      let text = '';
      for (const part of kids(node)) {
        if (part.type === 'string_content') text += part.text;
        else if (part.type === 'escape_sequence') text += unescape(part.text);
        else return null;
      }
      return text;
    }
    case 'heredoc': case 'nowdoc': {
      const body = node.childForFieldName('value');
      if (!body) return '';
      if (kids(body).some((p) => p.type !== 'string_content' && p.type !== 'nowdoc_string' && p.type !== 'escape_sequence')) return null;
      return body.text;
    }
    default: return null;
  }
}

function unescape(seq: string): string {
  return seq === '\\n' ? '\n' : seq === '\\t' ? '\t' : seq.slice(1);
}

export interface ArrayItem { key: SyntaxNode | null; value: SyntaxNode }

/** Items of `[…]` / `array(…)`: `'a'` has no key, `'prefix' => 'admin'` has one; anything else has no items. */
export function phpArray(node: SyntaxNode | null | undefined): ArrayItem[] {
  if (node?.type !== 'array_creation_expression') return [];
  const out: ArrayItem[] = [];
  for (const el of kids(node)) {
    if (el.type !== 'array_element_initializer') continue;
    const parts = kids(el);
    if (parts.length === 1) out.push({ key: null, value: parts[0]! });
    else if (parts.length === 2) out.push({ key: parts[0]!, value: parts[1]! });
  }
  return out;
}

/** The value stored under a string key of an array literal. */
export function arrayValue(node: SyntaxNode | null | undefined, key: string): SyntaxNode | null {
  return phpArray(node).find((item) => phpString(item.key) === key)?.value ?? null;
}

/** String values of a literal or of an array of literals (`'GET'`, `['GET', 'POST']`). */
export function phpStrings(node: SyntaxNode | null | undefined): string[] {
  const one = phpString(node);
  if (one !== null) return [one];
  return phpArray(node).map((item) => phpString(item.value)).filter((v): v is string => v !== null);
}

/** `X::class` → `X` as written, else null. */
export function classConstant(node: SyntaxNode | null | undefined): string | null {
  if (node?.type !== 'class_constant_access_expression') return null;
  const [cls, constant] = kids(node);
  return constant?.text === 'class' && cls && (cls.type === 'name' || cls.type === 'qualified_name') ? cls.text : null;
}

/** A file's namespace and `use` imports (alias → full class name), for spelling class names like Clew's FQNs. */
export interface PhpScope { namespace: string | null; imports: Map<string, string> }

export const phpScope = perTree((ctx: FileContext): PhpScope => {
  const scope: PhpScope = { namespace: null, imports: new Map() };
  // Every detector reading the scope then reads calls or classes: found in the same walk.
  ctx.prefetch('namespace_definition', 'namespace_use_declaration', 'scoped_call_expression', 'member_call_expression', 'class_declaration');
  if (/\bnamespace\s/.test(ctx.source)) scope.namespace = ctx.nodes('namespace_definition')[0]?.childForFieldName('name')?.text ?? null;
  if (!/\buse\s/.test(ctx.source)) return scope;
  for (const decl of ctx.nodes('namespace_use_declaration')) {
    // `use function …` and `use const …` import no classes.
    if (decl.children.some((c) => c?.type === 'function' || c?.type === 'const')) continue;
    const group = decl.childForFieldName('body');
    const base = group ? kids(decl).find((c) => c.type === 'namespace_name')?.text ?? '' : '';
    for (const clause of kids(group ?? decl)) {
      if (clause.type !== 'namespace_use_clause') continue;
      const target = kids(clause).find((c) => c.type === 'qualified_name' || c.type === 'name');
      if (!target) continue;
      const full = (base ? `${base}\\${target.text}` : target.text).replace(/^\\/, '');
      const alias = clause.childForFieldName('alias')?.text ?? full.slice(full.lastIndexOf('\\') + 1);
      scope.imports.set(alias, full);
    }
  }
  return scope;
});

/** A class name as PHP resolves it: `\A\B` as is, an imported alias to its import, else inside the file's namespace. */
export function resolveClass(scope: PhpScope, name: string, inNamespace = true): string {
  if (name.startsWith('\\')) return name.slice(1);
  const cut = name.indexOf('\\');
  const head = cut < 0 ? name : name.slice(0, cut);
  const imported = scope.imports.get(head);
  if (imported) return imported + (cut < 0 ? '' : name.slice(cut));
  return inNamespace && scope.namespace ? `${scope.namespace}\\${name}` : name;
}

/** Index of the symbol spelled `fqn` in this file (a class or `Class::method`), else null. */
export function symbolByFqn(ctx: FileContext, fqn: string): number | null {
  const i = ctx.symbols.symbols.findIndex((s) => s.fqn === fqn);
  return i < 0 ? null : i;
}

/** The innermost function, method or class around a line; a namespace is no handler. */
export function enclosingCode(ctx: FileContext, line: number): number | null {
  const i = ctx.symbols.enclosing(line);
  return i === null || ctx.symbols.symbols[i]?.kind === 'namespace' ? null : i;
}

/** A class's method declaration by name. */
export function methodNamed(cls: SyntaxNode, name: string): SyntaxNode | null {
  return kids(cls.childForFieldName('body')).find((m) => m.type === 'method_declaration' && m.childForFieldName('name')?.text === name) ?? null;
}

/** Names in a class's `extends` and `implements` clauses, as written. */
export function supertypes(cls: SyntaxNode, clause: 'base_clause' | 'class_interface_clause'): SyntaxNode[] {
  return kids(kids(cls).find((c) => c.type === clause)).filter((n) => n.type === 'name' || n.type === 'qualified_name');
}

/** `protected $signature = '…'` → the default value node of that property. */
export function propertyDefault(cls: SyntaxNode, name: string): SyntaxNode | null {
  for (const decl of kids(cls.childForFieldName('body'))) {
    if (decl.type !== 'property_declaration') continue;
    for (const el of kids(decl)) {
      if (el.type === 'property_element' && el.childForFieldName('name')?.text === `$${name}`) return el.childForFieldName('default_value');
    }
  }
  return null;
}

/** The last segment of a class name: `App\Jobs\Heartbeat` → `Heartbeat`. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('\\') + 1);
}
