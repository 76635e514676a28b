// Java tree shapes shared by route and call detection: annotations, declared types, receivers.
import type { Decoration, SyntaxNode } from './common.js';
import { kids, tailName } from './common.js';

export const JAVA_TYPES = new Set([
  'class_declaration', 'interface_declaration', 'record_declaration', 'enum_declaration', 'method_declaration',
  'method_invocation', 'object_creation_expression', 'field_declaration', 'local_variable_declaration',
  'formal_parameter', 'spread_parameter',
]);
export const JAVA_CLASS_TYPES = new Set(['class_declaration', 'interface_declaration', 'record_declaration', 'enum_declaration']);

/** Annotations on a declaration (class, method, field), in source order. */
export function javaAnnotations(decl: SyntaxNode): Decoration[] {
  const mods = kids(decl).find((c) => c.type === 'modifiers');
  return kids(mods).filter((a) => a.type === 'annotation' || a.type === 'marker_annotation').map(javaAnnotation);
}

export function javaAnnotation(node: SyntaxNode): Decoration {
  const d: Decoration = { name: tailName(node.childForFieldName('name')?.text ?? ''), node, positional: [], named: new Map() };
  for (const arg of kids(node.childForFieldName('arguments'))) {
    const key = arg.type === 'element_value_pair' ? arg.childForFieldName('key')?.text : undefined;
    const value = arg.type === 'element_value_pair' ? arg.childForFieldName('value') : arg;
    if (!value) continue;
    if (key) d.named.set(key, value);
    else d.positional.push(value);
  }
  return d;
}

export function hasModifier(decl: SyntaxNode, word: string): boolean {
  const mods = kids(decl).find((c) => c.type === 'modifiers');
  return !!mods && mods.children.some((c) => c?.type === word);
}

/** `Map<String, List<X>>` → `Map`, `java.net.http.HttpClient` → `HttpClient`. */
export function simpleType(type: SyntaxNode | null): string | null {
  if (!type) return null;
  if (type.type === 'generic_type') return simpleType(type.namedChild(0));
  return tailName(type.text);
}

/** The class or interface declaring a member, or null. */
export function owningType(member: SyntaxNode): SyntaxNode | null {
  const body = member.parent;
  const owner = body?.parent;
  return owner && JAVA_CLASS_TYPES.has(owner.type) ? owner : null;
}

/** Variable and field names → declared simple type, plus names initialised with a string literal. */
export interface JavaDeclarations {
  types: Map<string, string>;
  strings: Map<string, SyntaxNode>;
}

export function javaDeclarations(nodes: readonly SyntaxNode[]): JavaDeclarations {
  const types = new Map<string, string>();
  const strings = new Map<string, SyntaxNode>();
  for (const decl of nodes) {
    let type = simpleType(decl.childForFieldName('type'));
    if (decl.type === 'formal_parameter' || decl.type === 'spread_parameter') {
      const name = decl.childForFieldName('name')?.text ?? kids(decl).find((c) => c.type === 'variable_declarator')?.childForFieldName('name')?.text;
      if (name && type) types.set(name, type);
      continue;
    }
    for (const declarator of decl.childrenForFieldName('declarator')) {
      const name = declarator?.childForFieldName('name')?.text;
      const value = declarator?.childForFieldName('value');
      if (!name) continue;
      if (type === 'var' && value?.type === 'object_creation_expression') type = simpleType(value.childForFieldName('type'));
      if (type && type !== 'var') types.set(name, type);
      if (value?.type === 'string_literal' || value?.type === 'binary_expression') strings.set(name, value);
    }
  }
  return { types, strings };
}

/** The variable, field or type a call chain starts from: `this.a.b().c()` → `a`, `X.create().get()` → `X`. */
export function javaReceiver(call: SyntaxNode): string | null {
  let obj = call.childForFieldName('object');
  while (obj) {
    if (obj.type === 'identifier') return obj.text;
    if (obj.type === 'method_invocation') obj = obj.childForFieldName('object');
    else if (obj.type === 'field_access') return obj.childForFieldName('field')?.text ?? null;
    else if (obj.type === 'parenthesized_expression') obj = obj.namedChild(0);
    else return null;
  }
  return null;
}
