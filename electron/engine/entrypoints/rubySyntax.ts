// Ruby tree shapes shared by the Ruby detectors: calls with their options and blocks, words (strings and symbols).
import type { SyntaxNode } from './common.js';
import { kids } from './common.js';

export const RB_TYPES = new Set(['call', 'class', 'if', 'if_modifier', 'unless', 'unless_modifier']);

/** Identifiers bound to a known word, e.g. the variable of `%w(a b).each do |action|`. */
export type Env = ReadonlyMap<string, string>;
export const NO_ENV: Env = new Map();

/** A call taken apart: `recv.name(positional…, key: value…, 'x' => y) do |params| body end`. */
export interface RbCall {
  readonly node: SyntaxNode;
  readonly name: string;
  readonly receiver: SyntaxNode | null;
  readonly positional: SyntaxNode[];
  /** Options whose key is a symbol (`to: x`, `:to => x`), by the symbol's name. */
  readonly options: Map<string, SyntaxNode>;
  /** Pairs whose key is not a symbol: `get 'path' => 'c#a'`, `mount App => '/x'`, `task 'n' => deps`. */
  readonly rockets: { key: SyntaxNode; value: SyntaxNode }[];
  /** The block's statements (`do … end` or `{ … }`), or null without a block. */
  readonly body: SyntaxNode[] | null;
  /** The block's parameter names. */
  readonly params: string[];
}

/** Arguments are read on first use: most calls in a file are dismissed by name alone. */
export function rbCall(node: SyntaxNode, names?: ReadonlySet<string>): RbCall | null {
  if (node.type !== 'call') return null;
  const method = node.childForFieldName('method');
  if (!method) return null;
  const name = method.text;
  if (names && !names.has(name)) return null;
  let args: Args | null = null;
  const parsed = (): Args => (args ??= parseArgs(node));
  return {
    node, name, receiver: node.childForFieldName('receiver'),
    get positional() { return parsed().positional; },
    get options() { return parsed().options; },
    get rockets() { return parsed().rockets; },
    get body() { return parsed().body; },
    get params() { return parsed().params; },
  };
}

interface Args { positional: SyntaxNode[]; options: Map<string, SyntaxNode>; rockets: { key: SyntaxNode; value: SyntaxNode }[]; body: SyntaxNode[] | null; params: string[] }

function parseArgs(node: SyntaxNode): Args {
  const out: Args = { positional: [], options: new Map(), rockets: [], body: null, params: [] };
  for (const arg of kids(node.childForFieldName('arguments'))) {
    if (arg.type !== 'pair') {
      out.positional.push(arg);
      continue;
    }
    const key = arg.childForFieldName('key');
    const value = arg.childForFieldName('value');
    if (!key || !value) continue;
    const symbol = symbolName(key);
    if (symbol !== null) out.options.set(symbol, value);
    else out.rockets.push({ key, value });
  }
  const block = node.childForFieldName('block');
  if (block) {
    out.body = kids(block.childForFieldName('body'));
    for (const p of kids(block.childForFieldName('parameters'))) if (p.type === 'identifier') out.params.push(p.text);
  }
  return out;
}

/** `:name`, `name:` (a hash key), `:"name"` → `name`; anything else → null. */
export function symbolName(node: SyntaxNode): string | null {
  if (node.type === 'hash_key_symbol' || node.type === 'bare_symbol') return node.text;
  if (node.type === 'simple_symbol') return node.text.replace(/^:/, '');
  if (node.type === 'delimited_symbol') return stringText(node, NO_ENV, false);
  return null;
}

/** A string's text with `#{x}` filled from `env`; unknown interpolations are kept as written when `raw`, else null. */
function stringText(node: SyntaxNode, env: Env, raw: boolean): string | null {
  let text = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'string_content' || child.type === 'escape_sequence') text += child.text;
    else if (child.type === 'interpolation') {
      const inner = kids(child);
      const bound = inner.length === 1 && inner[0]!.type === 'identifier' ? env.get(inner[0]!.text) : undefined;
      if (bound !== undefined) text += bound;
      else if (raw) text += child.text;
      else return null;
    }
  }
  return text;
}

/** A string or symbol as a word (`'x'`, `"x#{y}"` with y bound, `:x`, `x` bound in env); null for anything else. */
export function word(node: SyntaxNode | null | undefined, env: Env = NO_ENV, raw = false): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'string': case 'bare_string': return stringText(node, env, raw);
    case 'identifier': return env.get(node.text) ?? null;
    case 'parenthesized_statements': return node.namedChildCount === 1 ? word(node.namedChild(0), env, raw) : null;
    default: return symbolName(node);
  }
}

/** Words of `[:a, 'b']`, `%w(a b)`, `%i(a b)`, or of a single word; elements that are not words are skipped. */
export function words(node: SyntaxNode | null | undefined, env: Env = NO_ENV): string[] {
  if (!node) return [];
  const list = node.type === 'array' || node.type === 'string_array' || node.type === 'symbol_array' ? kids(node) : [node];
  const out: string[] = [];
  for (const el of list) {
    const w = word(el, env);
    if (w !== null) out.push(w);
  }
  return out;
}

/** Whether a node is a constant reference: `Foo`, `Foo::Bar`, `::Foo`. */
export function isConstant(node: SyntaxNode | null | undefined): node is SyntaxNode {
  return node?.type === 'constant' || node?.type === 'scope_resolution';
}

/** The statements of a class or module body. */
export function bodyStatements(node: SyntaxNode): SyntaxNode[] {
  return kids(node.childForFieldName('body'));
}
