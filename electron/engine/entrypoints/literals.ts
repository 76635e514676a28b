// String literals across grammars: exact values, literal prefixes of built strings, list elements.
import type { SyntaxNode } from '../parsers/treeSitter.js';

const STRING_TYPES = new Set([
  'string_literal', 'string', 'template_string', 'interpreted_string_literal', 'raw_string_literal',
  'verbatim_string_literal', 'interpolated_string_expression', 'concatenated_string',
]);
const CONTENT_TYPES = new Set([
  'string_fragment', 'string_content', 'escape_sequence', 'interpreted_string_literal_content',
  'raw_string_literal_content', 'string_literal_content', 'multiline_string_fragment', 'raw_string_content',
]);
const INTERPOLATION_TYPES = new Set(['template_substitution', 'interpolation']);
const ARRAY_TYPES = new Set([
  'element_value_array_initializer', 'array_initializer', 'list', 'tuple', 'array', 'set',
  'literal_value', 'initializer_expression', 'collection_expression', 'array_expression',
]);
const WRAPPER_TYPES = new Set([
  'parenthesized_expression', 'argument', 'literal_element', 'expression_list', 'element_value_pair',
  'implicit_array_creation_expression', 'array_creation_expression', 'composite_literal', 'reference_expression',
]);

/** The exact value of a string literal (escapes kept as written), or null for anything else. */
export function stringValue(node: SyntaxNode | null | undefined): string | null {
  if (!node) return null;
  const type = node.type;
  if (type === 'parenthesized_expression' || type === 'argument') return stringValue(node.namedChild(node.namedChildCount - 1));
  if (!STRING_TYPES.has(type)) return null;
  if (type === 'concatenated_string') {
    let joined = '';
    for (const part of node.namedChildren) {
      const v = stringValue(part);
      if (v === null) return null;
      joined += v;
    }
    return joined;
  }
  if (type === 'verbatim_string_literal') return node.text.slice(2, -1);
  return contentBefore(node, true);
}

/** The literal text a built string starts with (`"user:" + id`, `f"user:{id}"`, `` `a/${b}` ``), or null. */
export function stringPrefix(node: SyntaxNode | null | undefined): string | null {
  return prefixOf(node)?.text || null;
}

/** A literal prefix, and whether it is the whole string (nothing computed follows it). */
export interface Prefix { text: string; complete: boolean }

export function prefixOf(node: SyntaxNode | null | undefined): Prefix | null {
  if (!node) return null;
  const exact = stringValue(node);
  if (exact !== null) return { text: exact, complete: true };
  const type = node.type;
  if (STRING_TYPES.has(type)) return { text: contentBefore(node, false) ?? '', complete: false };
  // `binary` is tree-sitter-ruby's name for the same node.
  if (type === 'binary_expression' || type === 'binary_operator' || type === 'binary') {
    const left = prefixOf(node.childForFieldName('left') ?? node.namedChild(0));
    const op = node.childForFieldName('operator')?.text ?? node.child(1)?.text;
    if (!left) return null;
    // Python `"user:%s" % x` formats rather than concatenates: keep the text before the first placeholder.
    if (op === '%') return { text: left.text.split('%')[0] ?? '', complete: false };
    if (op !== '+') return null;
    return joinedPrefix(left, () => prefixOf(node.childForFieldName('right') ?? node.namedChild(1)));
  }
  if (WRAPPER_TYPES.has(type) || type === 'await_expression') return prefixOf(node.namedChild(node.namedChildCount - 1));
  if (type === 'macro_invocation' && /^(std::)?format$/.test(node.childForFieldName('macro')?.text ?? '')) {
    // Rust `format!("{}/users/{}", base, id)`: the template up to its first placeholder.
    const template = stringValue(node.namedChildren.find((c) => c?.type === 'token_tree')?.namedChild(0));
    return template === null ? null : { text: template.split('{')[0] ?? '', complete: !template.includes('{') };
  }
  return null;
}

/** A concatenation read as prefixes: the left's, with the right's appended while the left is the whole of its string. */
export function joinedPrefix(left: Prefix | null, right: () => Prefix | null): Prefix | null {
  if (!left?.complete) return left;
  const r = right();
  return r ? { text: left.text + r.text, complete: r.complete } : { text: left.text, complete: false };
}

function contentBefore(node: SyntaxNode, whole: boolean): string | null {
  let text = '';
  for (const child of node.children) {
    if (!child) continue;
    if (INTERPOLATION_TYPES.has(child.type)) return whole ? null : text;
    if (CONTENT_TYPES.has(child.type)) text += child.text;
  }
  // Java text blocks keep their surrounding newlines and indentation as fragments.
  return node.type === 'string_literal' && node.text.startsWith('"""') ? text.trim() : text;
}

/** The elements of a list/array/set literal, unwrapped; any other node is its own single element. */
export function elements(node: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!node) return [];
  if (WRAPPER_TYPES.has(node.type) && node.namedChildCount > 0) {
    const inner = node.namedChild(node.namedChildCount - 1);
    return inner ? elements(inner) : [node];
  }
  if (!ARRAY_TYPES.has(node.type)) return [node];
  const out: SyntaxNode[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    out.push(child.type === 'literal_element' || child.type === 'argument' ? child.namedChild(0) ?? child : child);
  }
  return out;
}

/** String values of a literal or list of literals; non-literal elements are skipped. */
export function stringsOf(node: SyntaxNode | null | undefined): string[] {
  const out: string[] = [];
  for (const el of elements(node)) {
    const v = stringValue(el);
    if (v !== null) out.push(v);
  }
  return out;
}

/** Names as written: literal values, or the expression text for constants (`Topics.ORDERS`). */
export function namesOf(node: SyntaxNode | null | undefined): string[] {
  return elements(node).map((el) => stringValue(el) ?? oneLine(el.text));
}

export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max) : flat;
}

/** A literal's value, else the expression as written on one line (`CronExpression.EVERY_HOUR`). */
export function literalOrText(node: SyntaxNode): string {
  return stringValue(node) ?? oneLine(node.text);
}
