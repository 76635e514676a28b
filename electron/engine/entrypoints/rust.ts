// Rust entry points: axum routers (with `nest`), actix-web (macros, `resource`, `scope`), Rocket macros, `fn main`, consumers.
import type { SyntaxNode } from './common.js';
import { crossPaths, handlerRef, httpVerb, joinPaths, lineOf } from './common.js';
import type { FileContext } from './context.js';
import { literalOrText, stringValue, stringsOf } from './literals.js';
import type { EntryList } from './results.js';
import type { RustCall } from './rustSyntax.js';
import { chainedOn, rustAttributes, rustCall } from './rustSyntax.js';

const VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'any']);
const MAX_DEPTH = 8;

export function rustEntryPoints(ctx: FileContext, out: EntryList): void {
  rustMains(ctx, out);
  const calls = ctx.nodes('call_expression');
  if (ctx.source.includes('route')) routerRoutes(ctx, calls, out);
  if (ctx.source.includes('#[')) macroRoutes(ctx, out);
  if (/rdkafka|lapin|tokio_cron_scheduler/.test(ctx.source)) consumers(ctx, calls, out);
}

/** `fn main` in `main.rs` or a `src/bin/` target. */
function rustMains(ctx: FileContext, out: EntryList): void {
  if (!/(^|\/)main\.rs$|(^|\/)bin\/[^/]+\.rs$/.test(ctx.relPath) || !ctx.source.includes('fn main')) return;
  for (const fn of ctx.nodes('function_item')) {
    const name = fn.childForFieldName('name');
    if (name?.text === 'main' && fn.parent?.type === 'source_file') out.add({ kind: 'main', framework: 'main', symbol: ctx.symbols.enclosing(lineOf(name)), line: lineOf(name) });
  }
}

/** `#[get("/x")]` (actix-web, Rocket) and `#[route("/x", method = "GET", method = "POST")]`. */
function macroRoutes(ctx: FileContext, out: EntryList): void {
  const framework = /\bactix_web\b/.test(ctx.source) ? 'actix' : /\brocket\b/.test(ctx.source) ? 'rocket' : null;
  if (!framework) return;
  for (const fn of ctx.nodes('function_item')) {
    const attrs = rustAttributes(fn);
    if (attrs.length === 0) continue;
    const symbol = ctx.symbols.enclosing(lineOf(fn.childForFieldName('name') ?? fn));
    for (const a of attrs) {
      const path = stringValue(a.positional[0]);
      if (path === null) continue;
      const methods = a.name === 'route' ? [...a.named].filter(([k]) => k.startsWith('method')).map(([, v]) => (stringValue(v) ?? v.text).toUpperCase()) : [];
      const verb = httpVerb(a.name);
      if (!verb && a.name !== 'route') continue;
      for (const method of verb ? [verb] : methods.length ? methods : ['ANY']) {
        out.add({ kind: 'http', framework, method, path: joinPaths(path), symbol, line: lineOf(a.node) });
      }
    }
  }
}

/** axum `.route("/x", get(h).post(h2))`; actix `.route("/x", web::get().to(h))` and `web::resource("/x").route(web::get().to(h))`. */
function routerRoutes(ctx: FileContext, calls: readonly SyntaxNode[], out: EntryList): void {
  const axum = /\baxum\b/.test(ctx.source);
  const actix = /\bactix_web\b/.test(ctx.source);
  if (!axum && !actix) return;
  const nested = nestedFunctions(calls);
  for (const node of calls) {
    const c = rustCall(node);
    if (!c?.receiver) continue;
    let path: string | null = null;
    let router: SyntaxNode | undefined;
    if (c.name === 'route' && c.args.length === 2) [path, router] = [stringValue(c.args[0]), c.args[1]];
    else if ((c.name === 'route' || c.name === 'to') && c.args.length === 1) [path, router] = [resourcePath(c), c.name === 'to' ? node : c.args[0]];
    if (path === null || !router) continue;
    const handlers = methodRouter(router);
    if (handlers.length === 0) continue;
    const framework = handlers[0]!.actix ? 'actix' : 'axum';
    // Builder chains span lines and their call node starts at `Router::new()`: the `.route` name marks the route.
    const line = lineOf(node.childForFieldName('function')?.childForFieldName('field') ?? node);
    for (const full of crossPaths(prefixes(node, c, nested), [path])) {
      for (const h of handlers) {
        const handler = handlerRef(h.handler);
        const symbol = ctx.symbols.handler(h.handler?.type === 'identifier' ? handler : null, lineOf(h.handler ?? node));
        out.add({ kind: 'http', framework, method: h.method, path: full, handler, symbol, line }, h.at);
      }
    }
  }
}

interface MethodHandler { method: string; handler: SyntaxNode | undefined; actix: boolean; at: number }

/** `get(h).post(h2)` → GET h, POST h2; `web::get().to(h)` → GET h; `web::resource(..).to(h)` → ANY h. */
function methodRouter(expr: SyntaxNode): MethodHandler[] {
  const found: MethodHandler[] = [];
  for (let c = expr.type === 'call_expression' ? rustCall(expr) : null, depth = 0; c && depth < MAX_DEPTH; c = chainedOn(c), depth++) {
    if (c.name === 'to') {
      const inner = chainedOn(c);
      const verb = inner && VERBS.has(inner.name) ? inner.name : 'any';
      return [{ method: verb === 'any' ? 'ANY' : verb.toUpperCase(), handler: c.args[0], actix: true, at: c.node.startIndex }];
    }
    if (VERBS.has(c.name) && c.args.length === 1) found.unshift({ method: c.name === 'any' ? 'ANY' : c.name.toUpperCase(), handler: c.args[0], actix: false, at: c.node.startIndex });
  }
  return found;
}

// `web::resource("/x").route(...)` / `.to(h)`: the path is on the resource link of the chain.
function resourcePath(c: RustCall): string | null {
  for (let link = chainedOn(c), depth = 0; link && depth < MAX_DEPTH; link = chainedOn(link), depth++) {
    if (link.name === 'resource') return stringValue(link.args[0]);
  }
  return null;
}

/**
 * Prefixes around a route: actix `web::scope("/api")` on its own chain or on the `.service(...)` that
 * holds it, axum `.nest("/api", …)` holding it, and `.nest("/api", api_routes())` for routes built in `api_routes`.
 */
function prefixes(node: SyntaxNode, c: RustCall, nested: Map<string, string[]>): string[] {
  const parts: string[] = [scopeOf(c)];
  let fn: SyntaxNode | null = null;
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'function_item') {
      fn = p;
      break;
    }
    if (p.type !== 'arguments' || child.type !== 'call_expression') continue;
    const holder = p.parent ? rustCall(p.parent) : null;
    if (holder?.name === 'nest' && holder.args[1]?.id === child.id) parts.unshift(stringValue(holder.args[0]) ?? '');
    else if (holder?.name === 'service') parts.unshift(scopeOf(holder));
  }
  const own = joinPaths(...parts);
  const outer = fn ? nested.get(fn.childForFieldName('name')?.text ?? '') : undefined;
  if (!outer) return [own];
  return outer.map((prefix) => joinPaths(prefix, own));
}

function scopeOf(c: RustCall): string {
  const parts: string[] = [];
  for (let link = chainedOn(c), depth = 0; link && depth < MAX_DEPTH; link = chainedOn(link), depth++) {
    if (link.name === 'scope' && link.receiver === null) parts.unshift(stringValue(link.args[0]) ?? '');
  }
  return joinPaths(...parts);
}

// `.nest("/api", api_routes())` → routes built inside `fn api_routes` live under `/api`.
function nestedFunctions(calls: readonly SyntaxNode[]): Map<string, string[]> {
  const nested = new Map<string, string[]>();
  for (const node of calls) {
    const c = rustCall(node);
    const inner = c?.name === 'nest' && c.args[1]?.type === 'call_expression' ? rustCall(c.args[1]) : null;
    const prefix = c ? stringValue(c.args[0]) : null;
    if (!inner || inner.receiver || prefix === null) continue;
    nested.set(inner.name, [...(nested.get(inner.name) ?? []), prefix]);
  }
  return nested;
}

/** rdkafka `consumer.subscribe(&["a"])`, lapin `basic_consume("q", …)`, tokio-cron-scheduler `Job::new("cron", …)`. */
function consumers(ctx: FileContext, calls: readonly SyntaxNode[], out: EntryList): void {
  for (const node of calls) {
    const c = rustCall(node);
    if (!c) continue;
    const line = lineOf(node);
    const symbol = ctx.symbols.enclosing(line);
    if (c.name === 'subscribe' && c.receiver && ctx.source.includes('rdkafka')) {
      out.add({ kind: 'listener', framework: 'kafka', queue: stringsOf(c.args[0]).join(',') || null, symbol, line });
    } else if (c.name === 'basic_consume' && c.receiver && ctx.source.includes('lapin') && c.args[0]) {
      out.add({ kind: 'listener', framework: 'rabbitmq', queue: literalOrText(c.args[0]), symbol, line });
    } else if (/^Job::new(_async)?$/.test(c.path) && ctx.source.includes('tokio_cron_scheduler') && c.args[0]) {
      out.add({ kind: 'schedule', framework: 'tokio-cron-scheduler', schedule: literalOrText(c.args[0]), symbol, line });
    }
  }
}
