// Phoenix router DSL (verbs, match, forward, live, resources, nested scopes with path and alias prefixes) and
// Plug.Router routes, read in the modules that `use` a router. Handlers are spelled like Clew's Elixir FQNs:
// `MyAppWeb.Api.UserController.show`, a LiveView's `MyAppWeb.PageLive.mount`, a plug by its module.
import type { SyntaxNode } from './common.js';
import { joinPaths, kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import type { ExCall, ExModule } from './elixirSyntax.js';
import { aliasName, atomName, exCall, modules, stringText, underscore, uses, word, words } from './elixirSyntax.js';
import type { EntryList } from './results.js';

// `use MyAppWeb, :router`, `use Phoenix.Router`, `use Plug.Router`: without one, no module here is a router.
const ROUTER_HINT = /\buse\s+(?:[A-Z][\w.]*\s*,\s*:router\b|Phoenix\.Router\b|Plug\.Router\b)/;
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'connect', 'trace']);
// Blocks that never hold routes (or hold code that only runs later): not walked into.
const NOT_ROUTES = new Set(['def', 'defp', 'defmacro', 'defmacrop', 'defmodule', 'pipeline', 'quote', 'plug']);
const MAX_DEPTH = 40;

interface Scope {
  path: string;
  /** Module prefix controllers are written under (`MyAppWeb.Api`), or null. */
  alias: string | null;
}

interface Walk { out: EntryList; depth: number }

export function elixirRouters(ctx: FileContext, out: EntryList): void {
  if (!ROUTER_HINT.test(ctx.source)) return;
  for (const module of modules(ctx)) {
    const used = uses(module.body).map((u) => ({ module: aliasName(u.positional[0])!, option: atomName(u.positional[1]) }));
    if (used.some((u) => u.module === 'Phoenix.Router' || u.option === 'router')) statements({ out, depth: 0 }, module.body, { path: '', alias: null });
    else if (used.some((u) => u.module === 'Plug.Router')) plugRouter(module, out);
  }
}

function statements(w: Walk, nodes: readonly SyntaxNode[], scope: Scope): void {
  if (w.depth > MAX_DEPTH) return;
  w.depth++;
  for (const node of nodes) {
    if (node.type === 'ERROR') statements(w, kids(node), scope);
    const c = exCall(node);
    if (c && !c.receiver) dsl(w, c, scope);
  }
  w.depth--;
}

function dsl(w: Walk, c: ExCall, scope: Scope): void {
  if (VERBS.has(c.name)) {
    route(w, c, [c.name.toUpperCase()], c.positional, scope);
    return;
  }
  switch (c.name) {
    case 'match': {
      const [verb, ...rest] = c.positional;
      const methods = words(verb);
      if (methods.length === 0) return;
      route(w, c, methods.map((m) => (m === '*' ? 'ANY' : m.toUpperCase())), rest, scope);
      return;
    }
    case 'forward': {
      const path = pathOf(c.positional[0]);
      const plug = aliasName(c.positional[1]);
      if (path !== null) w.out.add({ kind: 'http', framework: 'phoenix', method: 'ANY', path: joinPaths(scope.path, path), handler: plug && qualify(scope, plug, c), line: lineOf(c.node) });
      return;
    }
    case 'live': {
      const path = pathOf(c.positional[0]);
      const view = aliasName(c.positional[1]);
      if (path !== null) w.out.add({ kind: 'http', framework: 'phoenix', method: 'GET', path: joinPaths(scope.path, path), handler: view && `${qualify(scope, view, c)}.mount`, line: lineOf(c.node) });
      return;
    }
    case 'resources':
      resources(w, c, scope);
      return;
    case 'scope':
      if (c.body) statements(w, c.body, inner(scope, c));
      return;
  }
  // if Mix.env() …, live_session, a library's own route macros: their routes sit in the same scope.
  if (c.body && !NOT_ROUTES.has(c.name)) statements(w, c.body, scope);
}

/** `scope "/api", MyAppWeb.Api, as: :api`, `scope path: "/api", alias: Api`, `scope "/"`: the scope inside. */
function inner(scope: Scope, c: ExCall): Scope {
  const [first, second] = c.positional;
  const path = pathOf(first) ?? pathOf(c.options.get('path'));
  const aliasNode = aliasName(second) !== null ? second : c.options.get('alias');
  let alias = scope.alias;
  // `alias: false` drops the prefix for everything inside.
  if (aliasNode?.type === 'boolean' && aliasNode.text === 'false') alias = null;
  else {
    const name = aliasName(aliasNode);
    if (name !== null) alias = alias ? `${alias}.${name}` : name;
  }
  return { path: path !== null ? joinPaths(scope.path, path) : scope.path, alias };
}

/** `get "/users/:id", UserController, :show` (and `match :*, …`): one route per method. */
function route(w: Walk, c: ExCall, methods: string[], args: SyntaxNode[], scope: Scope): void {
  const path = pathOf(args[0]);
  if (path === null) return;
  const plug = aliasName(args[1]);
  const action = atomName(args[2]);
  const handler = plug === null ? null : action === null ? qualify(scope, plug, c) : `${qualify(scope, plug, c)}.${action}`;
  for (const method of methods) w.out.add({ kind: 'http', framework: 'phoenix', method, path: joinPaths(scope.path, path), handler, line: lineOf(c.node) });
}

/** The controller under the scope's alias, unless the route says `alias: false`. */
function qualify(scope: Scope, module: string, c: ExCall): string {
  const off = c.options.get('alias');
  if (!scope.alias || (off?.type === 'boolean' && off.text === 'false')) return module;
  return `${scope.alias}.${module}`;
}

// Phoenix's REST routes in its order: action, verb, on the member (else the collection), path suffix.
const ACTIONS: readonly [string, string, boolean, string][] = [
  ['index', 'GET', false, ''], ['edit', 'GET', true, 'edit'], ['new', 'GET', false, 'new'], ['show', 'GET', true, ''],
  ['create', 'POST', false, ''], ['update', 'PATCH', true, ''], ['update', 'PUT', true, ''], ['delete', 'DELETE', true, ''],
];

/** `resources "/users", UserController, only: [:show], param: "slug", singleton: true do … end`. */
function resources(w: Walk, c: ExCall, scope: Scope): void {
  const o = c.options;
  const path = pathOf(c.positional[0]);
  const controller = aliasName(c.positional[1]);
  if (path === null || controller === null) return;
  const singleton = o.get('singleton')?.text === 'true';
  const only = o.has('only') ? new Set(words(o.get('only'))) : null;
  const except = new Set(words(o.get('except')));
  const param = word(o.get('param')) ?? 'id';
  // Phoenix names the nested param after the controller: `UserController` → `:user_id`.
  const name = word(o.get('name')) ?? underscore(controller.slice(controller.lastIndexOf('.') + 1).replace(/Controller$/, ''));
  const module = qualify(scope, controller, c);
  const collection = joinPaths(scope.path, path);
  const member = singleton ? collection : joinPaths(collection, `:${param}`);
  const line = lineOf(c.node);
  for (const [action, method, onMember, suffix] of ACTIONS) {
    if ((singleton && action === 'index') || (only && !only.has(action)) || except.has(action)) continue;
    w.out.add({ kind: 'http', framework: 'phoenix', method, path: joinPaths(onMember ? member : collection, suffix), handler: `${module}.${action}`, line });
  }
  if (!c.body) return;
  const nested = singleton ? collection : joinPaths(collection, `:${name}_${param}`);
  const alias = aliasName(o.get('alias'));
  statements(w, c.body, { path: nested, alias: alias === null ? scope.alias : scope.alias ? `${scope.alias}.${alias}` : alias });
}

/** A route's path as written (`#{…}` kept), or null when it is not a string. */
function pathOf(node: SyntaxNode | null | undefined): string | null {
  return stringText(node, true);
}

/** Plug.Router: `get "/hello" do … end`, `post "/x", to: Handler`, `match "/x", via: [:get, :post]`, `forward "/api", to: Api`. */
function plugRouter(module: ExModule, out: EntryList): void {
  for (const stmt of module.body) {
    const c = exCall(stmt);
    if (!c || c.receiver) continue;
    const isVerb = VERBS.has(c.name);
    if (!isVerb && c.name !== 'match' && c.name !== 'forward') continue;
    const path = pathOf(c.positional[0]);
    if (path === null) continue;
    const via = words(c.options.get('via')).map((v) => v.toUpperCase());
    const methods = isVerb ? [c.name.toUpperCase()] : c.name === 'forward' || via.length === 0 ? ['ANY'] : via;
    const handler = aliasName(c.options.get('to') ?? (c.name === 'forward' ? c.positional[1] : undefined));
    for (const method of methods) out.add({ kind: 'http', framework: 'plug', method, path: joinPaths(path), handler, line: lineOf(stmt) });
  }
}
