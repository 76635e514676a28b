// Ktor server routes: `routing { … }` blocks and `fun Route.x()` extensions, with nested `route("/p") { … }` prefixes.
import type { SyntaxNode } from './common.js';
import { httpVerb, joinPaths, kids, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import type { EntryList } from './results.js';
import type { KtCall } from './kotlinSyntax.js';
import { enclosingFunction, ktCall, ktLiteralOrText, positional, receiverType } from './kotlinSyntax.js';

const VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS' };
// Receivers whose extension functions declare routes outside a `routing { }` block.
const ROUTE_RECEIVERS = new Set(['Route', 'Routing']);
const ROUTE_HINT = /\b(?:get|post|put|delete|patch|head|options|route)\s*[({]/;
// Declarations inside a routing block are not part of it; handler lambdas are not descended into either.
const STOP = new Set(['function_declaration', 'class_declaration', 'object_declaration', 'object_literal', 'anonymous_function']);
const HANDLERS = new Set(['lambda_literal', 'callable_reference', 'anonymous_function']);
const MAX_DEPTH = 200;

interface Walk { ctx: FileContext; out: EntryList }

export function ktorRoutes(ctx: FileContext, out: EntryList): void {
  if (!ctx.source.includes('io.ktor') || !ROUTE_HINT.test(ctx.source)) return;
  const roots: SyntaxNode[] = [];
  for (const fn of ctx.nodes('function_declaration')) {
    const body = kids(fn).find((c) => c.type === 'function_body');
    if (body && ROUTE_RECEIVERS.has(receiverType(fn) ?? '')) roots.push(body);
  }
  for (const node of ctx.nodes('call_expression')) {
    const call = ktCall(node);
    if (call?.lambda && isRouting(call)) roots.push(call.lambda);
  }
  const ids = new Set(roots.map((r) => r.id));
  const w: Walk = { ctx, out };
  for (const root of roots) {
    if (!nestedIn(root, ids)) walk(w, root, '', 0);
  }
}

// `routing { }`, `app.routing { }`, `install(Routing) { }`.
function isRouting(call: KtCall): boolean {
  if (call.name === 'routing') return true;
  if (call.name !== 'install' || call.receiver) return false;
  return positional(call)[0]?.text === 'Routing';
}

function nestedIn(node: SyntaxNode, ids: ReadonlySet<number>): boolean {
  for (let p = node.parent; p; p = p.parent) if (ids.has(p.id)) return true;
  return false;
}

function walk(w: Walk, node: SyntaxNode, prefix: string, depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const child of kids(node)) visit(w, child, prefix, depth + 1);
}

function visit(w: Walk, node: SyntaxNode, prefix: string, depth: number): void {
  if (STOP.has(node.type)) return;
  const call = node.type === 'call_expression' ? ktCall(node) : null;
  if (call && !call.receiver && call.name && !call.typed) {
    const args = positional(call);
    const handled = call.lambda !== null || HANDLERS.has(args.at(-1)?.type ?? '');
    const pathArgs = call.lambda ? args : args.slice(0, -1);
    const verb = lookup(VERBS, call.name);
    if (verb && handled && pathArgs.length <= 1) {
      route(w, node, verb, joinPaths(prefix, pathOf(pathArgs[0])));
      return;
    }
    if (call.name === 'route' && call.lambda && pathArgs.length >= 1) {
      const path = joinPaths(prefix, pathOf(pathArgs[0]));
      // `route("/x", HttpMethod.Get) { handle { … } }` is one route.
      const method = pathArgs[1] ? httpVerb(pathArgs[1].text) : null;
      if (method) route(w, node, method, path);
      else walk(w, call.lambda, path, depth);
      return;
    }
  }
  walk(w, node, prefix, depth);
}

function pathOf(arg: SyntaxNode | undefined): string | null {
  return arg ? ktLiteralOrText(arg) : null;
}

function route(w: Walk, node: SyntaxNode, method: string, path: string): void {
  const line = lineOf(node);
  const fn = enclosingFunction(node);
  const name = fn?.childForFieldName('name');
  const symbol = w.ctx.symbols.enclosing(name ? lineOf(name) : line);
  w.out.add({ kind: 'http', framework: 'ktor', method, path, line, symbol });
}
