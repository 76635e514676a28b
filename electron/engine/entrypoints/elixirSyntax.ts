// Elixir tree shapes shared by the Elixir detectors: calls (every macro is one) with their keywords and
// `do` blocks, atoms, strings, aliases, keyword lists, and the modules a file defines.
import type { SyntaxNode } from './common.js';
import { kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { perTree } from './context.js';
import type { Prefix } from './literals.js';
import { joinedPrefix } from './literals.js';

export const EX_TYPES = new Set(['call', 'pair']);

/** A call taken apart: `recv.name(positional…, key: value…) do body end`. */
export interface ExCall {
  readonly node: SyntaxNode;
  readonly name: string;
  /** `HTTPoison` of `HTTPoison.get(…)`; null for a local call. */
  readonly receiver: SyntaxNode | null;
  readonly positional: SyntaxNode[];
  /** Trailing keywords (`as: :api`), by key. */
  readonly options: Map<string, SyntaxNode>;
  /** The `do` block's statements, or null without one. */
  readonly body: SyntaxNode[] | null;
}

/** Arguments are read on first use: most calls in a file are dismissed by name alone. */
export function exCall(node: SyntaxNode | null | undefined): ExCall | null {
  if (node?.type !== 'call') return null;
  const target = node.childForFieldName('target');
  let name: string | null = null;
  let receiver: SyntaxNode | null = null;
  if (target?.type === 'identifier') name = target.text;
  else if (target?.type === 'dot') {
    receiver = target.childForFieldName('left');
    const right = target.childForFieldName('right');
    name = right?.type === 'identifier' ? right.text : null;
  }
  if (name === null) return null;
  let args: Args | null = null;
  const parsed = (): Args => (args ??= parseArgs(node));
  return {
    node, name, receiver,
    get positional() { return parsed().positional; },
    get options() { return parsed().options; },
    get body() { return parsed().body; },
  };
}

interface Args { positional: SyntaxNode[]; options: Map<string, SyntaxNode>; body: SyntaxNode[] | null }

function parseArgs(node: SyntaxNode): Args {
  const out: Args = { positional: [], options: new Map(), body: null };
  for (const child of kids(node)) {
    if (child.type === 'arguments') {
      for (const arg of kids(child)) {
        if (arg.type === 'keywords') keywordsInto(arg, out.options);
        else out.positional.push(arg);
      }
    } else if (child.type === 'do_block') {
      out.body = blockStatements(child);
    }
  }
  return out;
}

/** A `do` block's statements, with those of its `else` (and other) clauses after them. */
export function blockStatements(block: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const child of kids(block)) {
    if (child.type.endsWith('_block')) out.push(...kids(child));
    else out.push(child);
  }
  return out;
}

function keywordsInto(node: SyntaxNode, into: Map<string, SyntaxNode>): void {
  for (const pair of kids(node)) {
    if (pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (key && value) into.set(keywordName(key), value);
  }
}

/** `as: ` → `as`. */
function keywordName(key: SyntaxNode): string {
  return key.text.trim().replace(/:$/, '').replace(/^"(.*)"$/, '$1');
}

/** `[a: 1, b: 2]` (or bare `a: 1, b: 2`) as a map by key; anything else → empty. */
export function keywordList(node: SyntaxNode | null | undefined): Map<string, SyntaxNode> {
  const out = new Map<string, SyntaxNode>();
  if (!node) return out;
  if (node.type === 'keywords') keywordsInto(node, out);
  else if (node.type === 'list') for (const el of kids(node)) if (el.type === 'keywords') keywordsInto(el, out);
  return out;
}

/** `:events` → `events`, `:"x y"` → `x y`; anything else → null. */
export function atomName(node: SyntaxNode | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'atom') return node.text.replace(/^:/, '');
  if (node.type === 'quoted_atom') return stringText(node, false);
  return null;
}

/** A string's text; `#{…}` kept as written when `raw`, else null for an interpolated string. */
export function stringText(node: SyntaxNode | null | undefined, raw = false): string | null {
  if (!node || (node.type !== 'string' && node.type !== 'quoted_atom' && node.type !== 'sigil')) return null;
  let text = '';
  for (const child of kids(node)) {
    if (child.type === 'quoted_content' || child.type === 'escape_sequence') text += child.text;
    else if (child.type === 'interpolation') {
      if (!raw) return null;
      text += child.text;
    }
  }
  return text;
}

/** A string or atom as a word; null for anything else. */
export function word(node: SyntaxNode | null | undefined): string | null {
  return node?.type === 'string' ? stringText(node) : atomName(node);
}

/** Words of `[:a, "b"]` or of a single word. */
export function words(node: SyntaxNode | null | undefined): string[] {
  if (!node) return [];
  const list = node.type === 'list' ? kids(node) : [node];
  return list.map(word).filter((w): w is string => w !== null);
}

/** The literal text a built string starts with: `"https://x/" <> path`, `"a#{b}"` → `a`; null if none. */
export function stringPrefix(node: SyntaxNode | null | undefined): Prefix | null {
  if (!node) return null;
  if (node.type === 'string') {
    const exact = stringText(node);
    if (exact !== null) return { text: exact, complete: true };
    let text = '';
    for (const child of kids(node)) {
      if (child.type === 'interpolation') break;
      text += child.text;
    }
    return { text, complete: false };
  }
  if (node.type === 'sigil' && /^[sS]$/.test(sigilName(node))) {
    const exact = stringText(node, true);
    return exact === null ? null : { text: exact, complete: !exact.includes('#{') };
  }
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '<>') {
    return joinedPrefix(stringPrefix(node.childForFieldName('left')), () => stringPrefix(node.childForFieldName('right')));
  }
  return null;
}

/** `s` of `~s(…)`, `e` of `~e[…]`. */
export function sigilName(node: SyntaxNode): string {
  return kids(node).find((c) => c.type === 'sigil_name')?.text ?? '';
}

/** `MyApp.Worker` as written; null when the node is not an alias. */
export function aliasName(node: SyntaxNode | null | undefined): string | null {
  return node?.type === 'alias' ? node.text.replace(/\s+/g, '') : null;
}

/** `Phoenix.Naming.underscore`: `UserController` → `user_controller`, `HTTPServer` → `http_server`. */
export function underscore(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** A module a file defines: its defmodule call, full name (as Clew's FQN spells it) and body. */
export interface ExModule {
  node: SyntaxNode;
  /** Index of its symbol, or null if the symbol extractor did not make one. */
  symbol: number | null;
  fqn: string;
  body: SyntaxNode[];
}

/** Every `defmodule` in the file with a body, nested ones under their parent's name (found once per tree). */
export const modules = perTree(findModules);

function findModules(ctx: FileContext): ExModule[] {
  const out: ExModule[] = [];
  for (const node of ctx.nodes('call')) {
    const c = exCall(node);
    if (c?.name !== 'defmodule' || c.receiver || c.body === null) continue;
    const name = aliasName(c.positional[0]);
    if (name === null) continue;
    const line = lineOf(node);
    const symbols = ctx.symbols.symbols;
    const found = symbols.findIndex((s) => s.kind === 'module' && s.startLine === line && s.name === name);
    out.push({ node, symbol: found < 0 ? null : found, fqn: found < 0 ? outerNames(node, name) : symbols[found]!.fqn, body: c.body });
  }
  return out;
}

function outerNames(node: SyntaxNode, name: string): string {
  const parts = [name];
  for (let p = node.parent; p; p = p.parent) {
    const c = p.type === 'call' ? exCall(p) : null;
    const outer = c?.name === 'defmodule' && !c.receiver ? aliasName(c.positional[0]) : null;
    if (outer) parts.unshift(outer);
  }
  return parts.join('.');
}

/** The `use` directives among a module's statements, by the used module's name. */
export function uses(body: readonly SyntaxNode[]): ExCall[] {
  const out: ExCall[] = [];
  for (const stmt of body) {
    const c = exCall(stmt);
    if (c?.name === 'use' && !c.receiver && aliasName(c.positional[0]) !== null) out.push(c);
  }
  return out;
}

/** Index of the function `name` defined directly in the module (all clauses are one symbol), else null. */
export function functionIn(ctx: FileContext, module: ExModule, name: string): number | null {
  const fqn = `${module.fqn}.${name}`;
  const symbols = ctx.symbols.symbols;
  const i = module.symbol !== null
    ? symbols.findIndex((s) => s.parent === module.symbol && s.name === name)
    : symbols.findIndex((s) => s.fqn === fqn);
  return i < 0 ? null : i;
}
