// The literal arguments of one Ruby call (`gem 'x', '~> 1', group: :test`); anything computed reads as null.
import type { RubyToken } from './rubyTokens.js';

// Modifiers end a call written without parentheses: `gem 'x' if RUBY_VERSION >= '3'`.
const MODIFIERS = new Set(['if', 'unless', 'while', 'until', 'rescue', 'do', 'and', 'or']);

/** The arguments starting at `from` (just after the method name), split at top-level commas. */
export function callArguments(statement: readonly RubyToken[], from: number): RubyToken[][] {
  const parenthesised = isPunct(statement[from], '(');
  const args: RubyToken[][] = [];
  let current: RubyToken[] = [];
  let depth = 0;
  for (let index = parenthesised ? from + 1 : from; index < statement.length; index++) {
    const token = statement[index];
    if (token === undefined) break;
    if (depth === 0 && (parenthesised ? isPunct(token, ')') : token.kind === 'name' && MODIFIERS.has(token.value))) break;
    if (depth === 0 && !parenthesised && isPunct(token, '{')) break;
    if (token.kind === 'punct' && '([{'.includes(token.value)) depth++;
    else if (token.kind === 'punct' && ')]}'.includes(token.value)) depth--;
    if (depth === 0 && isPunct(token, ',')) {
      args.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) args.push(current);
  return args;
}

/** `'x'`, `"x".freeze`, `%q<x>`, `['a', 'b']` or `%w[a b]` as strings; null when any part is computed. */
export function literalStrings(arg: readonly RubyToken[]): string[] | null {
  const single = literalString(arg);
  if (single !== null) return [single];
  const only = arg.length === 1 ? arg[0] : undefined;
  if (only?.kind === 'words') return only.values;
  if (!isPunct(arg[0], '[') || !isPunct(arg.at(-1), ']')) return null;
  const values: string[] = [];
  for (const item of splitItems(arg.slice(1, -1))) {
    const value = literalString(item);
    if (value === null) return null;
    values.push(value);
  }
  return values;
}

/** Like `literalStrings`, but symbols count too: `:test`, `[:development, :test]`, `%i[a b]`. */
export function literalNames(arg: readonly RubyToken[]): string[] | null {
  const only = arg.length === 1 ? arg[0] : undefined;
  if (only?.kind === 'symbol') return [only.value];
  if (isPunct(arg[0], '[') && isPunct(arg.at(-1), ']')) {
    const values: string[] = [];
    for (const item of splitItems(arg.slice(1, -1))) {
      const first = item[0];
      if (item.length === 1 && first?.kind === 'symbol') values.push(first.value);
      else {
        const value = literalString(item);
        if (value === null) return null;
        values.push(value);
      }
    }
    return values;
  }
  return literalStrings(arg);
}

/** `key: value`, `:key => value` or `'key' => value`; null for a positional argument. */
export function hashPair(arg: readonly RubyToken[]): { key: string; value: RubyToken[] } | null {
  const [first, second] = arg;
  if (first?.kind === 'label') return { key: first.value, value: arg.slice(1) };
  if ((first?.kind === 'symbol' || first?.kind === 'string') && isPunct(second, '=>')) return { key: first.value, value: arg.slice(2) };
  return null;
}

export function isPunct(token: RubyToken | undefined, value: string): boolean {
  return token?.kind === 'punct' && token.value === value;
}

export function isName(token: RubyToken | undefined, value: string): boolean {
  return token?.kind === 'name' && token.value === value;
}

/** A literal string, allowing the `.freeze` that generated gemspecs add; null otherwise. */
function literalString(arg: readonly RubyToken[]): string | null {
  const [first] = arg;
  if (first?.kind !== 'string' || !first.literal) return null;
  if (arg.length === 1) return first.value;
  return arg.length === 3 && isPunct(arg[1], '.') && isName(arg[2], 'freeze') ? first.value : null;
}

/** The comma-separated items of an array literal's inside. */
function splitItems(tokens: readonly RubyToken[]): RubyToken[][] {
  const items: RubyToken[][] = [];
  let current: RubyToken[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'punct' && '([{'.includes(token.value)) depth++;
    else if (token.kind === 'punct' && ')]}'.includes(token.value)) depth--;
    if (depth === 0 && isPunct(token, ',')) {
      items.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length > 0) items.push(current);
  return items;
}
