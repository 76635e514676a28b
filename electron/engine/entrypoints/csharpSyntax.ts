// C# tree shapes shared by route and call detection: attributes, declared types, invocations.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, tailName } from './common.js';

export const CS_TYPES = new Set([
  'class_declaration', 'record_declaration', 'interface_declaration', 'method_declaration', 'invocation_expression', 'object_creation_expression',
  'variable_declaration', 'property_declaration', 'parameter', 'global_statement', 'assignment_expression',
]);

/** Attributes on a declaration or parameter, in source order. */
export function csAttributes(decl: SyntaxNode): Decoration[] {
  const out: Decoration[] = [];
  for (const list of kids(decl)) {
    if (list.type !== 'attribute_list') continue;
    for (const attr of kids(list)) if (attr.type === 'attribute') out.push(csAttribute(attr));
  }
  return out;
}

function csAttribute(attr: SyntaxNode): Decoration {
  const rawName = tailName(attr.childForFieldName('name')?.text ?? '');
  // `[HttpGet]` and `[HttpGetAttribute]` are the same attribute.
  const d: Decoration = { name: rawName.replace(/Attribute$/, ''), node: attr, positional: [], named: new Map() };
  const args = kids(attr).find((c) => c.type === 'attribute_argument_list');
  for (const arg of kids(args)) {
    const inner = kids(arg);
    const value = inner[inner.length - 1];
    if (!value) continue;
    if (value.type === 'assignment_expression') {
      const key = value.childForFieldName('left')?.text;
      const right = value.childForFieldName('right');
      if (key && right) d.named.set(key, right);
    } else if (inner[0]?.type === 'name_colon') {
      d.named.set(inner[0].text.replace(/\s*:$/, ''), value);
    } else d.positional.push(value);
  }
  return d;
}

/** `recv.Method<T>(args)` taken apart; `receiver` is null for a plain `Method(args)` call. */
export interface CsCall { node: SyntaxNode; receiver: SyntaxNode | null; method: string; typeArg: string | null; args: SyntaxNode[] }

export function csCall(node: SyntaxNode): CsCall | null {
  const fn = node.childForFieldName('function');
  if (!fn) return null;
  const nameNode = fn.type === 'member_access_expression' ? fn.childForFieldName('name') : fn;
  const receiver = fn.type === 'member_access_expression' ? fn.childForFieldName('expression') : null;
  if (!nameNode || (nameNode.type !== 'identifier' && nameNode.type !== 'generic_name')) return null;
  const method = nameNode.type === 'generic_name' ? nameNode.namedChild(0)?.text ?? '' : nameNode.text;
  const typeArg = nameNode.type === 'generic_name' ? kids(kids(nameNode).find((c) => c.type === 'type_argument_list'))[0]?.text ?? null : null;
  const args = kids(node.childForFieldName('arguments')).map((a) => (a.type === 'argument' ? a.namedChild(a.namedChildCount - 1) ?? a : a));
  return { node, receiver, method, typeArg, args };
}

/** Variable, field, property and parameter names → declared simple type (`HttpClient`, `AppDbContext`). */
export function csDeclaredTypes(nodes: readonly SyntaxNode[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const decl of nodes) {
    const type = decl.childForFieldName('type');
    const typeName = type ? tailName((type.type === 'generic_name' ? type.namedChild(0) : type)?.text ?? '') : null;
    if (!typeName || typeName === 'var') {
      if (decl.type === 'variable_declaration') implicitTypes(decl, types);
      continue;
    }
    if (decl.type === 'variable_declaration') {
      for (const v of kids(decl)) if (v.type === 'variable_declarator') setName(types, v.childForFieldName('name'), typeName);
    } else setName(types, decl.childForFieldName('name'), typeName);
  }
  return types;
}

// `var client = new HttpClient()`.
function implicitTypes(decl: SyntaxNode, types: Map<string, string>): void {
  for (const v of kids(decl)) {
    const created = v.type === 'variable_declarator' ? kids(v).find((c) => c.type === 'object_creation_expression') : undefined;
    const type = created?.childForFieldName('type');
    if (type) setName(types, v.childForFieldName('name'), tailName((type.type === 'generic_name' ? type.namedChild(0) : type)?.text ?? ''));
  }
}

function setName(types: Map<string, string>, name: SyntaxNode | null, type: string): void {
  if (name) types.set(name.text, type);
}

/** The leftmost name of a receiver chain: `_http`, `this._db.Users` → `_db`. */
export function csRoot(receiver: SyntaxNode | null): string | null {
  let n = receiver;
  while (n) {
    if (n.type === 'identifier') return n.text;
    if (n.type === 'member_access_expression') {
      const inner: SyntaxNode | null = n.childForFieldName('expression');
      if (inner?.type === 'this_expression' || inner?.type === 'this') return n.childForFieldName('name')?.text ?? null;
      n = inner;
    } else if (n.type === 'invocation_expression') n = n.childForFieldName('function');
    else return null;
  }
  return null;
}
