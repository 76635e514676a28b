// Small helpers shared by every language family: lines, paths, names, decorator/annotation shapes.
import type { SyntaxNode } from '../parsers/treeSitter.js';

export type { SyntaxNode };

export const HTTP_VERBS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
const VERB_SET = new Set<string>(HTTP_VERBS);

/** 1-based line where the node starts. */
export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

/** `GET`, `Get`, `get`, `RequestMethod.GET` → `GET`; anything else → null. */
export function httpVerb(text: string): string | null {
  const verb = text.slice(text.lastIndexOf('.') + 1).replace(/['"]/g, '').toUpperCase();
  return VERB_SET.has(verb) ? verb : null;
}

/** Joins route pieces with single slashes and a leading `/`; trailing slashes of the last piece are kept. */
export function joinPaths(...parts: (string | null | undefined)[]): string {
  let path = '';
  for (const raw of parts) {
    if (!raw) continue;
    const piece = raw.replace(/^\/+/, '');
    if (!piece) continue;
    path = path.endsWith('/') ? path + piece : `${path}/${piece}`;
  }
  return path || '/';
}

/** Cartesian product helper for prefix × path lists (an empty list counts as one empty piece). */
export function crossPaths(prefixes: readonly string[], paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const prefix of prefixes.length ? prefixes : ['']) {
    for (const path of paths.length ? paths : ['']) out.push(joinPaths(prefix, path));
  }
  return out;
}

/** A decorator/annotation/attribute reduced to its name and arguments. */
export interface Decoration {
  name: string;
  node: SyntaxNode;
  positional: SyntaxNode[];
  named: Map<string, SyntaxNode>;
}

/** The first named argument among `keys`, else the first positional one. */
export function argument(d: Decoration, ...keys: string[]): SyntaxNode | null {
  for (const key of keys) {
    const v = d.named.get(key);
    if (v) return v;
  }
  return d.positional[0] ?? null;
}

export function namedArgument(d: Decoration, ...keys: string[]): SyntaxNode | null {
  for (const key of keys) {
    const v = d.named.get(key);
    if (v) return v;
  }
  return null;
}

/** The identifier a call or reference ends in: `a.b.c` → `c`, `x::y` → `y`. */
export function tailName(text: string): string {
  const i = Math.max(text.lastIndexOf('.'), text.lastIndexOf(':'));
  return text.slice(i + 1);
}

/** Walks up to the nearest ancestor of one of `types` (stopping at `limit` types), or null. */
export function ancestor(node: SyntaxNode, types: ReadonlySet<string>, limit?: ReadonlySet<string>): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (types.has(p.type)) return p;
    if (limit?.has(p.type)) return null;
  }
  return null;
}

/** Non-null named children (the runtime types them as nullable). */
export function kids(node: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!node) return [];
  const out: SyntaxNode[] = [];
  for (const c of node.namedChildren) if (c && c.type !== 'comment') out.push(c);
  return out;
}

/** Own-property lookup: a plain `table[key]` would find `constructor` and friends on the prototype. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  return key != null && Object.hasOwn(table, key) ? table[key] : undefined;
}

const CALL_TYPES = new Set(['call', 'call_expression', 'invocation_expression']);

/**
 * The plain function a statement calls, for `main()`, `await main()`, `main().catch(…)` and
 * `asyncio.run(main())`; null for anything less simple.
 */
export function calledName(stmt: SyntaxNode): string | null {
  let expr = stmt.type === 'expression_statement' ? stmt.namedChild(0) : stmt;
  while (expr && (expr.type === 'await_expression' || expr.type === 'await')) expr = expr.namedChild(0);
  for (let depth = 0; expr && CALL_TYPES.has(expr.type) && depth < 4; depth++) {
    const fn = expr.childForFieldName('function');
    if (fn?.type === 'identifier') return fn.text;
    const object = fn?.childForFieldName('object');
    const firstArg = expr.childForFieldName('arguments')?.namedChild(0);
    if (object && CALL_TYPES.has(object.type)) expr = object;
    else if (fn?.text.endsWith('.run') && firstArg && CALL_TYPES.has(firstArg.type)) expr = firstArg;
    else return null;
  }
  return null;
}

// References a handler can be written as, across grammars: `h`, `users.list`, `h.GetUser`, `handlers::list`.
const REF_TYPES = new Set(['identifier', 'member_expression', 'selector_expression', 'attribute', 'scoped_identifier', 'field_expression', 'member_access_expression']);

/** The handler as written: a name or member reference, or the one inside `asyncHandler(h)`, `StripPrefix("/s", h)`, `h.bind(x)`. */
export function handlerRef(node: SyntaxNode | null | undefined): string | null {
  if (!node) return null;
  if (REF_TYPES.has(node.type)) return node.text;
  if (!CALL_TYPES.has(node.type)) return null;
  const fn = node.childForFieldName('function');
  if (fn?.type === 'member_expression' && fn.childForFieldName('property')?.text === 'bind') return handlerRef(fn.childForFieldName('object'));
  for (const arg of kids(node.childForFieldName('arguments'))) {
    const inner = arg.type === 'argument' ? arg.namedChild(0) : arg; // C# wraps arguments
    if (inner && REF_TYPES.has(inner.type)) return inner.text;
  }
  return null;
}

// `ownerRepository`, `OwnerRepository`, `userRepo`, `user_dao`, `UserDAO`: an object whose one job is reaching a store.
const DATA_ACCESS_NAME = /(?:^|[a-z0-9_])(?:Repository|Repo|Dao|DAO|_repository|_repo|_dao)$|^(?:repository|repo|dao)$/;

/** Whether a receiver's name (or declared type) says it is a repository or DAO object. */
export function isDataAccessName(name: string): boolean {
  return DATA_ACCESS_NAME.test(name);
}
