// Rust tree shapes shared by route and call detection: calls (method, path and generic forms), attributes.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, tailName } from './common.js';

export const RUST_TYPES = new Set(['function_item', 'call_expression', 'macro_invocation', 'enum_item', 'struct_item']);

/** `recv.name(args)`, `path::name(args)` or `name::<T>(args)`; `receiver` is null for path calls. */
export interface RustCall { node: SyntaxNode; receiver: SyntaxNode | null; path: string; name: string; args: SyntaxNode[] }

export function rustCall(node: SyntaxNode): RustCall | null {
  let fn = node.childForFieldName('function');
  if (fn?.type === 'generic_function') fn = fn.childForFieldName('function');
  if (!fn) return null;
  const args = kids(node.childForFieldName('arguments'));
  if (fn.type === 'field_expression') {
    const name = fn.childForFieldName('field')?.text;
    return name ? { node, receiver: fn.childForFieldName('value'), path: name, name, args } : null;
  }
  if (fn.type !== 'identifier' && fn.type !== 'scoped_identifier') return null;
  return { node, receiver: null, path: fn.text, name: tailName(fn.text), args };
}

/** The call this one is chained onto (`a().b()` → `a()`), or null. */
export function chainedOn(c: RustCall): RustCall | null {
  return c.receiver?.type === 'call_expression' ? rustCall(c.receiver) : null;
}

/** Outer attributes of an item (`#[get("/x")]`), with the token tree's literals and `key = "value"` pairs. */
export function rustAttributes(item: SyntaxNode): Decoration[] {
  const out: Decoration[] = [];
  for (let p = item.previousNamedSibling; p && (p.type === 'attribute_item' || p.type.endsWith('comment')); p = p.previousNamedSibling) {
    const attr = p.type === 'attribute_item' ? p.namedChild(0) : null;
    if (attr) out.unshift(rustAttribute(p, attr));
  }
  return out;
}

function rustAttribute(item: SyntaxNode, attr: SyntaxNode): Decoration {
  const d: Decoration = { name: tailName(attr.namedChild(0)?.text ?? ''), node: item, positional: [], named: new Map() };
  let key: string | null = null;
  for (const tok of kids(attr.childForFieldName('arguments'))) {
    if (tok.type === 'identifier') key = tok.text;
    else if (key) {
      // Repeated keys (`method = "GET", method = "POST"`) are kept apart with a counter.
      let name = key;
      for (let i = 2; d.named.has(name); i++) name = `${key}#${i}`;
      d.named.set(name, tok);
      key = null;
    } else d.positional.push(tok);
  }
  return d;
}
