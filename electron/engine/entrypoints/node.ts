// Express, Koa router, Fastify and Hono routes, with same-file `use('/prefix', router)` mounts.
import type { SyntaxNode } from './common.js';
import { crossPaths, handlerRef, httpVerb, joinPaths, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import { stringValue, stringsOf } from './literals.js';
import type { JsScope, MemberCall } from './nodeSyntax.js';
import { bindingName, jsScope, memberCall, objectProperty, receiverBinding } from './nodeSyntax.js';
import type { EntryList } from './results.js';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'all', 'options', 'head']);
const ROUTE_OR_ROUTE_OBJECT = new Set([...ROUTE_METHODS, 'route']);
const MOUNTS = new Set(['use', 'route']);
// A route call names a path literal (after koa's optional route name) or a regex; `map.get(key)` does not.
const ROUTE_HINT = /\.(?:get|post|put|delete|patch|all|options|head)\s*\(\s*(?:['"`][^'"`\n]*['"`]\s*,\s*)?(?:['"`][/*]|\/)|\.route\s*\(/;
const FRAMEWORKS: Record<string, string> = {
  express: 'express', 'koa-router': 'koa', '@koa/router': 'koa', fastify: 'fastify', hono: 'hono', restify: 'restify',
};
// Receivers trusted without a visible binding: routers are usually passed in under these names.
const ROUTER_NAME = /^(app|server|fastify|router|routes|\w*Router|\w*Routes|\w*_router)$/;
const MAX_MOUNT_DEPTH = 8;

interface Mount { parent: string; prefix: string }

export function nodeRoutes(ctx: FileContext, out: EntryList): void {
  if (!ROUTE_HINT.test(ctx.source)) return;
  const scope = jsScope(ctx);
  const calls = ctx.nodes('call_expression');
  const fileFramework = [...scope.modules].map((m) => lookup(FRAMEWORKS, m)).find((f) => f !== undefined && f !== 'express') ?? 'express';
  const mounts = collectMounts(calls);
  const routes = new RouteSink(ctx, scope, mounts, fileFramework, out);
  for (const call of calls) {
    const mc = memberCall(call, ROUTE_OR_ROUTE_OBJECT);
    if (!mc) continue;
    if (ROUTE_METHODS.has(mc.method)) {
      if (mc.receiver.type === 'call_expression') routes.chained(mc, call);
      else routes.direct(mc, call);
    } else if (mc.method === 'route' && mc.args[0]?.type === 'object') {
      routes.fastifyRoute(mc, call);
    }
  }
}

class RouteSink {
  constructor(
    private readonly ctx: FileContext,
    private readonly scope: JsScope,
    private readonly mounts: Map<string, Mount[]>,
    private readonly fileFramework: string,
    private readonly out: EntryList,
  ) {}

  /** `app.get('/x', auth, handler)`; koa's named form `router.get('name', '/x', handler)`. */
  direct(mc: MemberCall, call: SyntaxNode): void {
    const [a0, a1] = mc.args;
    const named = stringValue(a1);
    const path = named?.startsWith('/') && stringValue(a0) !== null ? named : routePath(a0);
    const handlerArgs = mc.args.length - (path === named ? 2 : 1);
    if (path === null || handlerArgs < 1) return;
    const framework = this.framework(mc.receiver);
    if (!framework) return;
    this.emit(framework, mc.method, this.paths(mc.receiver, path), mc.args[mc.args.length - 1]!, call);
  }

  /** `app.route('/x').get(h).post(h2)`: walk down the chain to the `route('/x')` link. */
  chained(mc: MemberCall, call: SyntaxNode): void {
    let link: MemberCall | null = memberCall(mc.receiver);
    while (link && ROUTE_METHODS.has(link.method) && link.receiver.type === 'call_expression') link = memberCall(link.receiver);
    const path = link?.method === 'route' ? stringValue(link.args[0]) : null;
    if (!link || path === null || mc.args.length === 0) return;
    const framework = this.framework(link.receiver);
    // The `.get` link itself marks the route: chains usually put one verb per line.
    const at = call.childForFieldName('function')?.childForFieldName('property') ?? call;
    if (framework) this.emit(framework, mc.method, this.paths(link.receiver, path), mc.args[mc.args.length - 1]!, at);
  }

  /** `fastify.route({ method: ['GET', 'POST'], url: '/x', handler })`. */
  fastifyRoute(mc: MemberCall, call: SyntaxNode): void {
    const spec = mc.args[0]!;
    const path = stringValue(objectProperty(spec, 'url') ?? objectProperty(spec, 'path'));
    const handler = objectProperty(spec, 'handler');
    const framework = this.framework(mc.receiver);
    if (path === null || !handler || !framework) return;
    for (const method of stringsOf(objectProperty(spec, 'method'))) this.emit(framework, method, this.paths(mc.receiver, path), handler, call);
  }

  private framework(receiver: SyntaxNode): string | null {
    const binding = receiverBinding(receiver, this.scope);
    const known = lookup(FRAMEWORKS, binding?.module);
    if (known) return known;
    const name = bindingName(receiver);
    if (!name || !ROUTER_NAME.test(name) || binding?.module) return null;
    return name === 'fastify' ? 'fastify' : this.fileFramework;
  }

  private paths(receiver: SyntaxNode, path: string): string[] {
    const name = bindingName(receiver);
    return crossPaths(name ? this.prefixes(name, 0) : [], [path]);
  }

  // A router's own prefix (koa `new Router({ prefix })`) under every prefix it is mounted at.
  private prefixes(name: string, depth: number): string[] {
    const own = stringValue(objectProperty(this.scope.bindings.get(name)?.args[0], 'prefix'));
    const mounted = this.mounts.get(name);
    if (!mounted || depth > MAX_MOUNT_DEPTH) return [own ?? ''];
    return mounted.flatMap((m) => crossPaths(this.prefixes(m.parent, depth + 1), [joinPaths(m.prefix, own)]));
  }

  private emit(framework: string, verb: string, paths: string[], handlerNode: SyntaxNode, at: SyntaxNode): void {
    const method = verb === 'all' ? 'ANY' : httpVerb(verb) ?? verb.toUpperCase();
    const handler = handlerRef(handlerNode);
    const symbol = (handler && !handler.includes('.') ? this.ctx.symbols.byName(handler) : null) ?? this.ctx.symbols.enclosing(lineOf(handlerNode));
    for (const path of paths) this.out.add({ kind: 'http', framework, method, path, handler, symbol, line: lineOf(at) }, at.startIndex);
  }
}

function routePath(node: SyntaxNode | undefined): string | null {
  if (node?.type === 'regex') return node.text;
  const path = stringValue(node);
  return path !== null && (path.startsWith('/') || path === '*') ? path : null;
}

/** `app.use('/api', router)`, `router.use('/v1', sub.routes())`, hono `app.route('/api', sub)`. */
function collectMounts(calls: readonly SyntaxNode[]): Map<string, Mount[]> {
  const mounts = new Map<string, Mount[]>();
  for (const call of calls) {
    const mc = memberCall(call, MOUNTS);
    if (!mc || mc.args.length < 2) continue;
    const prefix = stringValue(mc.args[0]);
    const parent = bindingName(mc.receiver);
    if (prefix === null || !parent) continue;
    for (const arg of mc.args.slice(1)) {
      const child = arg.type === 'call_expression' ? memberCall(arg)?.receiver : arg; // `sub.routes()`
      const name = child ? bindingName(child) : null;
      if (!name || name === parent) continue;
      const list = mounts.get(name) ?? [];
      list.push({ parent, prefix });
      mounts.set(name, list);
    }
  }
  return mounts;
}
