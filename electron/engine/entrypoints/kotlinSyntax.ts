// Kotlin tree shapes shared by Spring, Ktor and call detection: annotations, calls, strings, declared types.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, tailName } from './common.js';
import type { Prefix } from './literals.js';
import { joinedPrefix, oneLine } from './literals.js';

export const KT_TYPES = new Set([
  'function_declaration', 'class_declaration', 'object_declaration', 'call_expression',
  'class_parameter', 'parameter', 'property_declaration',
]);
const KT_CLASS_TYPES = new Set(['class_declaration', 'object_declaration', 'companion_object']);

/** Annotations on a declaration (class, function, property), in source order. */
export function ktAnnotations(decl: SyntaxNode): Decoration[] {
  const mods = kids(decl).find((c) => c.type === 'modifiers');
  return kids(mods).filter((a) => a.type === 'annotation').map(ktAnnotation);
}

// `@Name`, `@Name(args)`, `@a.b.Name(args)`, `@get:Name(args)`.
function ktAnnotation(node: SyntaxNode): Decoration {
  const invocation = kids(node).find((c) => c.type === 'constructor_invocation');
  const type = kids(invocation ?? node).find((c) => c.type === 'user_type');
  return decoration(node, typeName(type), kids(invocation).find((c) => c.type === 'value_arguments') ?? null);
}

/** An annotation nested as an argument (Kotlin drops the `@`): `Queue("q")`, `Scheduled(cron = "…")`; else null. */
export function ktNestedAnnotation(node: SyntaxNode): Decoration | null {
  if (node.type !== 'call_expression') return null;
  const call = ktCall(node);
  return call?.name ? decoration(node, call.name, node.namedChildren.find((c) => c?.type === 'value_arguments') ?? null) : null;
}

function decoration(node: SyntaxNode, name: string, args: SyntaxNode | null): Decoration {
  const d: Decoration = { name, node, positional: [], named: new Map() };
  for (const arg of kids(args)) {
    if (arg.type !== 'value_argument') continue;
    const value = argValue(arg);
    if (!value) continue;
    const key = argName(arg);
    if (key) d.named.set(key, value);
    else d.positional.push(value);
  }
  return d;
}

/** `name = value` → `name`; a positional argument → null. */
export function argName(arg: SyntaxNode): string | null {
  return arg.children.some((c) => c?.type === '=') ? arg.namedChild(0)?.text ?? null : null;
}

/** The expression a `value_argument` holds. */
export function argValue(arg: SyntaxNode): SyntaxNode | null {
  const last = arg.namedChild(arg.namedChildCount - 1);
  return last && last.type !== 'comment' ? last : null;
}

/** `Map<String, X>` / `X?` / `java.net.http.HttpClient` → the simple name (`Map`, `X`, `HttpClient`). */
export function typeName(type: SyntaxNode | null | undefined): string {
  if (!type) return '';
  if (type.type === 'nullable_type') return typeName(type.namedChild(0));
  if (type.type !== 'user_type') return tailName(type.text.replace(/\s+/g, ''));
  const ids = kids(type).filter((c) => c.type === 'identifier');
  return ids.at(-1)?.text ?? '';
}

/** The class or object declaring a member, or null. */
export function owningType(member: SyntaxNode): SyntaxNode | null {
  const body = member.parent;
  const owner = body?.type === 'class_body' || body?.type === 'enum_class_body' ? body.parent : null;
  return owner && KT_CLASS_TYPES.has(owner.type) ? owner : null;
}

/** A call reduced to its parts; `f(a) { … }` (a call whose trailing lambda wraps the call) reads as one call. */
export interface KtCall {
  node: SyntaxNode;
  name: string | null;
  /** What `name` is called on (`client` in `client.get(…)`), null for a bare call. */
  receiver: SyntaxNode | null;
  /** The `value_argument` nodes. */
  args: SyntaxNode[];
  /** The trailing lambda's `lambda_literal`. */
  lambda: SyntaxNode | null;
  typed: boolean;
}

export function ktCall(node: SyntaxNode): KtCall | null {
  if (node.type !== 'call_expression') return null;
  const parts = kids(node);
  const trailing = parts.find((c) => c.type === 'annotated_lambda');
  const lambda = trailing ? kids(trailing).find((c) => c.type === 'lambda_literal') ?? null : null;
  const callee = parts[0];
  if (!callee) return null;
  if (callee.type === 'call_expression' && lambda && !parts.some((c) => c.type === 'value_arguments')) {
    const inner = ktCall(callee);
    return inner && !inner.lambda ? { ...inner, node, lambda } : null;
  }
  const args = kids(parts.find((c) => c.type === 'value_arguments')).filter((c) => c.type === 'value_argument');
  const typed = parts.some((c) => c.type === 'type_arguments');
  if (callee.type === 'identifier') return { node, name: callee.text, receiver: null, args, lambda, typed };
  if (callee.type === 'navigation_expression') {
    const name = kids(callee).at(-1);
    const receiver = callee.namedChild(0);
    if (name?.type === 'identifier' && receiver && receiver.id !== name.id) return { node, name: name.text, receiver, args, lambda, typed };
  }
  return { node, name: null, receiver: null, args, lambda, typed };
}

/** Positional argument values, in order. */
export function positional(call: KtCall): SyntaxNode[] {
  return call.args.filter((a) => !argName(a)).map(argValue).filter((v): v is SyntaxNode => v !== null);
}

/** The value of the named argument `name`, else the `index`-th positional one. */
export function argumentOf(call: KtCall, name: string, index: number): SyntaxNode | null {
  const named = call.args.find((a) => argName(a) === name);
  return named ? argValue(named) : positional(call)[index] ?? null;
}

const COLLECTION_BUILDERS = new Set(['arrayOf', 'listOf', 'setOf', 'mutableListOf', 'arrayListOf']);

/** Elements of `["a", "b"]` / `arrayOf("a", "b")`; any other node is its own single element. */
export function ktElements(node: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!node) return [];
  if (node.type === 'parenthesized_expression' || node.type === 'value_argument') {
    const inner = node.namedChild(node.namedChildCount - 1);
    return inner ? ktElements(inner) : [];
  }
  if (node.type === 'collection_literal') return kids(node);
  if (node.type === 'spread_expression') return ktElements(node.namedChild(0));
  const call = ktCall(node);
  if (call?.name && !call.receiver && COLLECTION_BUILDERS.has(call.name)) return positional(call);
  return [node];
}

/** Names as written: literal values, or the expression text for constants (`Topics.ORDERS`). */
export function ktNames(node: SyntaxNode | null | undefined): string[] {
  return ktElements(node).map((el) => ktString(el) ?? oneLine(el.text));
}

/** A literal's value, else the expression on one line. */
export function ktLiteralOrText(node: SyntaxNode): string {
  return ktString(node) ?? oneLine(node.text);
}

/** The exact value of a string literal (or a concatenation of them), else null. */
export function ktString(node: SyntaxNode | null | undefined): string | null {
  const p = ktPrefix(node);
  return p?.complete ? p.text : null;
}

const TRIMS = new Set(['trimIndent', 'trimMargin']);

/** The literal text a (possibly built) string starts with, and whether that is all of it. */
export function ktPrefix(node: SyntaxNode | null | undefined, depth = 0): Prefix | null {
  if (!node || depth > 20) return null;
  switch (node.type) {
    case 'string_literal': return stringContent(node, false);
    case 'multiline_string_literal': return stringContent(node, true);
    case 'value_argument': case 'parenthesized_expression': return ktPrefix(node.namedChild(node.namedChildCount - 1), depth + 1);
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '+') return null;
      return joinedPrefix(ktPrefix(node.childForFieldName('left'), depth + 1), () => ktPrefix(node.childForFieldName('right'), depth + 1));
    }
    case 'call_expression': {
      // `"""SELECT …""".trimIndent()`
      const call = ktCall(node);
      return call?.receiver && call.args.length === 0 && TRIMS.has(call.name ?? '') ? ktPrefix(call.receiver, depth + 1) : null;
    }
    default: return null;
  }
}

// Kotlin templates: `${expr}` is an `interpolation`; `$name` reads as a `$` content piece before the name.
function stringContent(node: SyntaxNode, multiline: boolean): Prefix {
  let text = '';
  let complete = true;
  const parts = node.children;
  for (let i = 0; i < parts.length && complete; i++) {
    const part = parts[i];
    if (!part) continue;
    if (part.type === 'interpolation') complete = false;
    else if (part.type === 'string_content') {
      if (part.text === '$' && /^[A-Za-z_`]/.test(parts[i + 1]?.text ?? '')) complete = false;
      else text += part.text;
    } else if (part.type === 'escape_sequence') text += part.text === '\\$' ? '$' : part.text;
  }
  return { text: multiline ? text.trim() : text, complete };
}

/** A function's receiver type (`Application` in `fun Application.module()`), or null. */
export function receiverType(fn: SyntaxNode): string | null {
  const name = fn.childForFieldName('name');
  if (!name) return null;
  const type = kids(fn).find((c) => c.startIndex < name.startIndex && (c.type === 'user_type' || c.type === 'nullable_type'));
  return type ? typeName(type) : null;
}

/** The innermost function declaration around a node, or null. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_declaration') return p;
  return null;
}
