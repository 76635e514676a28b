// Go routes (net/http, gin, echo, chi, gorilla/mux, fiber) with group/sub-router prefixes, and `func main`.
import type { SyntaxNode } from './common.js';
import { handlerRef, joinPaths, kids, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import { stringValue } from './literals.js';
import type { GoCall, GoFile } from './goSyntax.js';
import { boundValue, goCall, goFile, goName, importsAny, selectorCalls } from './goSyntax.js';
import type { EntryList } from './results.js';

const ROUTERS: [string, string][] = [['gin-gonic/gin', 'gin'], ['labstack/echo', 'echo'], ['go-chi/chi', 'chi'], ['gorilla/mux', 'gorilla'], ['gofiber/fiber', 'fiber']];
// gin and echo name verbs in capitals; chi and fiber in title case.
const UPPER: Record<string, string> = { GET: 'GET', POST: 'POST', PUT: 'PUT', DELETE: 'DELETE', PATCH: 'PATCH', HEAD: 'HEAD', OPTIONS: 'OPTIONS', Any: 'ANY' };
const TITLE: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Delete: 'DELETE', Patch: 'PATCH', Head: 'HEAD', Options: 'OPTIONS', All: 'ANY' };
const VERB_FIRST = new Set(['Handle', 'Add', 'Method', 'MethodFunc']);
const PREFIXING = new Set(['Group', 'PathPrefix', 'Route']);
const PASS_THROUGH = new Set(['Subrouter', 'With', 'Use']);
const PATTERN = /^([A-Z]+)\s+(\S+)$/;
// Read before the file's imports are: most files import no router, and reading imports and bindings walks the tree.
const ROUTER_IMPORT = new RegExp(['net/http', ...ROUTERS.map(([fragment]) => fragment)].join('|'));
const MAX_DEPTH = 8;

interface Route { framework: string; methods: string[]; path: string; handler: SyntaxNode | undefined }

export function goRoutes(ctx: FileContext, out: EntryList): void {
  if (!/"([A-Z]+ )?\//.test(ctx.source) || !ROUTER_IMPORT.test(ctx.source)) return;
  const file = goFile(ctx);
  const routers = ROUTERS.filter(([fragment]) => importsAny(file, fragment)).map(([, name]) => name);
  if (routers.length === 0 && !file.imports.has('net/http')) return;
  for (const c of selectorCalls(ctx)) {
    const route = routeOf(c, routers, file);
    if (!route) continue;
    const node = c.node;
    // A variable holding a handler value (`kh := &keysHandler{…}`) serves through its type's ServeHTTP.
    const served = route.handler ? servingType(route.handler, file) : null;
    const handler = served ? `${served}.ServeHTTP` : handlerRef(route.handler);
    // A named handler (`getUser`, a method value `s.HandleVarz`) is its own symbol, here or linked across files by the
    // indexer; code written inline runs in the function that registers it.
    const named = route.handler?.type === 'identifier' || route.handler?.type === 'selector_expression';
    const symbol = served ? methodHere(ctx, served, 'ServeHTTP')
      : ctx.symbols.handler(named ? handler : null, route.handler ? lineOf(route.handler) : lineOf(node));
    const path = joinPaths(prefixOf(c.receiver, node, file, 0), route.path);
    for (const method of route.methods) out.add({ kind: 'http', framework: route.framework, method, path, handler, symbol, line: lineOf(node) }, node.startIndex);
  }
}

/** The type of the value a handler variable is bound to in this file (`&keysHandler{…}`, `keysHandler{…}`), else null. */
function servingType(handler: SyntaxNode, file: GoFile): string | null {
  if (handler.type !== 'identifier') return null;
  let value = boundValue(file, handler, handler.text);
  if (value?.type === 'unary_expression') value = value.childForFieldName('operand');
  if (value?.type !== 'composite_literal') return null;
  const type = value.childForFieldName('type');
  return type?.type === 'type_identifier' || type?.type === 'qualified_type' ? type.text : null;
}

/** The method `name` of `type` when this file defines it (else the indexer links it across files by that name). */
function methodHere(ctx: FileContext, type: string, name: string): number | null {
  const suffix = `.${type.slice(type.lastIndexOf('.') + 1)}.${name}`;
  const index = ctx.symbols.symbols.findIndex((s) => s.name === name && s.fqn.endsWith(suffix));
  return index >= 0 ? index : null;
}

function routeOf(c: GoCall, routers: string[], file: GoFile): Route | null {
  const [a0, a1] = c.args;
  const last = c.args[c.args.length - 1];
  const upper = lookup(UPPER, c.method);
  const title = lookup(TITLE, c.method);
  const fw = (...names: string[]): string | undefined => routers.find((r) => names.includes(r));
  if (upper && c.args.length >= 2) {
    const framework = fw('gin', 'echo');
    const path = pathValue(a0, file);
    return framework && path?.startsWith('/') ? { framework, methods: [upper], path, handler: last } : null;
  }
  if (title && c.args.length >= 2) {
    const framework = fw('chi', 'fiber');
    const path = pathValue(a0, file);
    return framework && path?.startsWith('/') ? { framework, methods: [title], path, handler: last } : null;
  }
  if (VERB_FIRST.has(c.method) && c.args.length >= 3 && stringValue(a0) !== null) {
    const framework = fw('gin', 'echo', 'chi', 'fiber');
    const path = pathValue(a1, file);
    return framework && path?.startsWith('/') ? { framework, methods: [stringValue(a0)!.toUpperCase()], path, handler: last } : null;
  }
  if ((c.method === 'HandleFunc' || c.method === 'Handle') && c.args.length === 2) return handleFunc(c, routers, file);
  return null;
}

/**
 * A path as the code builds it: a literal, a constant or variable of this file (`VarzPath` from `const VarzPath =
 * "/varz"`), a concatenation of those, or the path a helper is given (`s.basePath(VarzPath)`, `path.Join(base, "/x")`:
 * its last argument, when that is a path, unless `fmt` or `strings` builds the text; a base prefix computed at run time
 * is not known here). Null otherwise.
 */
function pathValue(node: SyntaxNode | undefined, file: GoFile, depth = 0): string | null {
  if (!node || depth > MAX_DEPTH) return null;
  const literal = stringValue(node);
  if (literal !== null) return literal;
  if (node.type === 'identifier') {
    const bound = boundValue(file, node, node.text);
    return bound ? pathValue(bound, file, depth + 1) : null;
  }
  if (node.type === 'parenthesized_expression') return pathValue(node.namedChild(0) ?? undefined, file, depth + 1);
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
    const left = pathValue(node.childForFieldName('left') ?? undefined, file, depth + 1);
    const right = left === null ? null : pathValue(node.childForFieldName('right') ?? undefined, file, depth + 1);
    return left !== null && right !== null ? left + right : null;
  }
  if (node.type === 'call_expression' && !TEXT_PACKAGES.has(node.childForFieldName('function')?.childForFieldName('operand')?.text ?? '')) {
    const args = kids(node.childForFieldName('arguments'));
    const path = pathValue(args[args.length - 1], file, depth + 1);
    return path?.startsWith('/') ? path : null;
  }
  return null;
}

// Their functions' last argument is no path (`fmt.Sprintf("%s/x", "/api")`, `strings.TrimSuffix(p, "/")`).
const TEXT_PACKAGES = new Set(['fmt', 'strings']);

/** `http.HandleFunc("GET /x", h)` (Go 1.22 patterns), `mux.Handle`, gorilla's `.Methods("GET")`, chi's catch-all. */
function handleFunc(c: GoCall, routers: string[], file: GoFile): Route | null {
  const pattern = pathValue(c.args[0], file);
  if (pattern === null) return null;
  const m = PATTERN.exec(pattern);
  const path = m ? m[2]! : pattern;
  if (!path.startsWith('/')) return null;
  const httpPkg = file.imports.get('net/http');
  const onPackage = c.receiver.type === 'identifier' && c.receiver.text === httpPkg;
  const framework = onPackage ? 'net/http' : routers.includes('gorilla') ? 'gorilla' : routers.includes('chi') ? 'chi' : httpPkg ? 'net/http' : null;
  if (!framework) return null;
  const methods = m ? [m[1]!] : framework === 'gorilla' ? gorillaMethods(c.node) : ['ANY'];
  return { framework, methods, path, handler: c.args[1] };
}

// `r.HandleFunc("/x", h).Methods("GET", "POST").Name("x")`: the verbs are later links of the chain.
function gorillaMethods(call: SyntaxNode): string[] {
  let current = call;
  for (let sel = call.parent; sel?.type === 'selector_expression' && sel.parent?.type === 'call_expression'; sel = current.parent) {
    const next = sel.parent;
    if (sel.childForFieldName('field')?.text === 'Methods') {
      const verbs = kids(next.childForFieldName('arguments')).map(stringValue).filter((v): v is string => v !== null).map((v) => v.toUpperCase());
      if (verbs.length) return verbs;
    }
    current = next;
  }
  return ['ANY'];
}

/** The path prefix a router value carries: groups, sub-routers, chi `Route` closures. */
function prefixOf(expr: SyntaxNode, at: SyntaxNode, file: GoFile, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  if (expr.type === 'call_expression') {
    const c = goCall(expr);
    if (!c) return '';
    if (PREFIXING.has(c.method)) return joinPaths(prefixOf(c.receiver, expr, file, depth + 1), pathValue(c.args[0], file));
    return PASS_THROUGH.has(c.method) ? prefixOf(c.receiver, expr, file, depth + 1) : '';
  }
  if (expr.type === 'unary_expression' || expr.type === 'parenthesized_expression') {
    const inner = expr.namedChild(expr.namedChildCount - 1);
    return inner ? prefixOf(inner, at, file, depth + 1) : '';
  }
  const name = goName(expr);
  if (!name) return '';
  const closure = closurePrefix(name, at, file, depth);
  if (closure !== null) return closure;
  const value = boundValue(file, at, name);
  return value ? prefixOf(value, value, file, depth + 1) : '';
}

// chi/fiber `r.Route("/x", func(r chi.Router) { r.Get(...) })`: the parameter carries the outer prefix.
function closurePrefix(name: string, at: SyntaxNode, file: GoFile, depth: number): string | null {
  for (let p = at.parent; p; p = p.parent) {
    if (p.type !== 'func_literal') continue;
    const params = kids(p.childForFieldName('parameters')).flatMap((d) => d.childrenForFieldName('name'));
    if (!params.some((id) => id?.text === name)) continue;
    const call = p.parent?.type === 'argument_list' ? p.parent.parent : null;
    const c = call ? goCall(call) : null;
    if (!c || !call || (c.method !== 'Route' && c.method !== 'Group')) return '';
    const own = c.method === 'Route' ? pathValue(c.args[0], file) : null;
    return joinPaths(prefixOf(c.receiver, call, file, depth + 1), own);
  }
  return null;
}

/** `func main()` in `package main`. */
export function goMain(ctx: FileContext, out: EntryList): void {
  if (!ctx.source.includes('func main(')) return;
  ctx.prefetch('package_clause', 'function_declaration');
  if (ctx.nodes('package_clause')[0]?.namedChild(0)?.text !== 'main') return;
  for (const fn of ctx.nodes('function_declaration')) {
    const name = fn.childForFieldName('name');
    if (name?.text !== 'main' || fn.parent?.type !== 'source_file') continue;
    out.add({ kind: 'main', framework: 'main', symbol: ctx.symbols.enclosing(lineOf(name)), line: lineOf(name) });
  }
}
