// Rails `config/routes.rb` DSL: verbs, match, root, resources/resource (nested, shallow, member, collection),
// namespace, scope, controller, concerns and mount, read with the path prefix and controller module they sit in.
import type { SyntaxNode } from './common.js';
import { joinPaths, kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import type { EntryList } from './results.js';
import type { Env, RbCall } from './rubySyntax.js';
import { NO_ENV, isConstant, rbCall, word, words } from './rubySyntax.js';

// `config/routes.rb`, an engine's `routes.rb`, and the files `draw :admin` loads from `config/routes/`.
const ROUTES_FILE = /(?:^|\/)routes\.rb$|(?:^|\/)config\/routes\/.+\.rb$/;
const ROUTE_HINT = /\b(?:get|post|put|patch|delete|match|root|resources?|mount)\b/;
// Control flow the DSL is commonly wrapped in: its routes count as if written outside it.
const WRAPPERS = new Set(['if', 'unless', 'then', 'else', 'elsif', 'begin', 'body_statement', 'parenthesized_statements', 'ERROR']);

interface Resource { collection: string; member: string }

interface Scope {
  path: string;
  /** The path without resource nesting: where shallow member routes go. */
  shallowPath: string;
  /** Controller module, `admin/v1`. */
  module: string;
  controller: string | null;
  resource: Resource | null;
  shallow: boolean;
  env: Env;
}

interface Walk { ctx: FileContext; out: EntryList; concerns: Map<string, SyntaxNode[]>; depth: number }

const TOP: Scope = { path: '', shallowPath: '', module: '', controller: null, resource: null, shallow: false, env: NO_ENV };
const MAX_DEPTH = 40;

export function railsRoutes(ctx: FileContext, out: EntryList): void {
  if (!ROUTES_FILE.test(ctx.relPath) || !ROUTE_HINT.test(ctx.source)) return;
  const walk: Walk = { ctx, out, concerns: new Map(), depth: 0 };
  const draws = ctx.nodes('call').map((n) => rbCall(n)).filter((c): c is RbCall => c?.name === 'draw' && c.body !== null);
  // A file under config/routes/ is the body of a `draw` block elsewhere.
  if (draws.length === 0 && ctx.relPath.includes('config/routes/')) statements(walk, kids(ctx.root), TOP);
  for (const draw of draws) if (!draws.some((d) => d !== draw && contains(d.node, draw.node))) statements(walk, draw.body!, TOP);
}

function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

function statements(w: Walk, nodes: readonly SyntaxNode[], scope: Scope): void {
  if (w.depth > MAX_DEPTH) return;
  w.depth++;
  for (const node of nodes) {
    if (node.type === 'call') dsl(w, rbCall(node)!, scope);
    else if (WRAPPERS.has(node.type)) statements(w, kids(node), scope);
  }
  w.depth--;
}

function dsl(w: Walk, c: RbCall, scope: Scope): void {
  if (c.receiver) {
    if (c.name === 'each') loop(w, c, scope);
    else if (c.body) statements(w, c.body, scope);
    return;
  }
  const o = c.options;
  switch (c.name) {
    case 'get': case 'post': case 'put': case 'patch': case 'delete': case 'match':
      route(w, c, scope);
      return;
    case 'root':
      root(w, c, scope);
      return;
    case 'resources': case 'resource':
      resources(w, c, scope, c.name === 'resources');
      return;
    case 'mount':
      mount(w, c, scope);
      return;
    case 'namespace': {
      const name = word(c.positional[0], scope.env);
      if (name === null) break;
      const path = word(o.get('path'), scope.env) ?? name;
      const module = word(o.get('module'), scope.env) ?? name;
      inner(w, c, { ...scope, path: joinPaths(scope.path, path), shallowPath: joinPaths(scope.shallowPath, path), module: joinModule(scope.module, module) });
      return;
    }
    case 'scope': {
      const path = word(c.positional[0], scope.env) ?? word(o.get('path'), scope.env);
      const module = word(o.get('module'), scope.env);
      const controller = word(o.get('controller'), scope.env);
      inner(w, c, {
        ...scope,
        path: path ? joinPaths(scope.path, path) : scope.path,
        shallowPath: path ? joinPaths(scope.shallowPath, path) : scope.shallowPath,
        module: module ? joinModule(scope.module, module) : scope.module,
        controller: controller ?? scope.controller,
      });
      return;
    }
    case 'controller':
      inner(w, c, { ...scope, controller: word(c.positional[0], scope.env) ?? scope.controller });
      return;
    case 'member': case 'collection':
      if (scope.resource) inner(w, c, { ...scope, path: c.name === 'member' ? scope.resource.member : scope.resource.collection });
      return;
    case 'shallow':
      inner(w, c, { ...scope, shallow: true });
      return;
    case 'concern': {
      const name = word(c.positional[0], scope.env);
      if (name !== null && c.body) w.concerns.set(name, c.body);
      return;
    }
    case 'concerns':
      for (const name of c.positional.flatMap((p) => words(p, scope.env))) concern(w, name, scope);
      return;
  }
  // constraints, defaults, devise_scope …: their routes sit in the same scope.
  if (c.body) statements(w, c.body, scope);
}

function inner(w: Walk, c: RbCall, scope: Scope): void {
  if (c.body) statements(w, c.body, scope);
}

function concern(w: Walk, name: string, scope: Scope): void {
  const body = w.concerns.get(name);
  if (body) statements(w, body, scope);
}

/** `%w(show raw).each do |action| get "x/#{action}", action: action end`: the body once per word. */
function loop(w: Walk, c: RbCall, scope: Scope): void {
  if (!c.body) return;
  const values = c.receiver ? words(c.receiver, scope.env) : [];
  const param = c.params[0];
  if (values.length === 0 || param === undefined) {
    statements(w, c.body, scope);
    return;
  }
  for (const value of values) statements(w, c.body, { ...scope, env: new Map([...scope.env, [param, value]]) });
}

/** `get 'photos/:id', to: 'photos#show'`, `post 'x' => 'c#a'`, `match 'x', via: [:get, :post]`, `get :preview, on: :member`. */
function route(w: Walk, c: RbCall, scope: Scope): void {
  const o = c.options;
  const rocket = c.rockets[0];
  const pathNode = c.positional[0] ?? rocket?.key;
  const to = c.positional[0] ? o.get('to') : rocket?.value ?? o.get('to');
  const path = word(pathNode, scope.env, true);
  if (path === null) return;
  const on = word(o.get('on'));
  const res = scope.resource;
  const base = on === 'member' && res ? res.member : on === 'collection' && res ? res.collection : on === 'new' && res ? joinPaths(res.collection, 'new') : scope.path;
  const methods = c.name === 'match' ? via(o.get('via'), scope.env) : [c.name.toUpperCase()];
  const handler = target(to, path, pathNode?.type === 'string', o, scope);
  for (const method of methods) w.out.add({ kind: 'http', framework: 'rails', method, path: joinPaths(base, path), handler, line: lineOf(c.node) });
}

function via(node: SyntaxNode | undefined, env: Env): string[] {
  const verbs = words(node, env).map((v) => v.toUpperCase());
  if (verbs.length === 0 || verbs.includes('ALL')) return ['ANY'];
  return verbs;
}

/** The controller action a route reaches, spelled as its Ruby name (`Admin::UsersController#show`); a Rack app by its constant. */
function target(to: SyntaxNode | undefined, path: string, pathIsString: boolean, o: Map<string, SyntaxNode>, scope: Scope): string | null {
  if (isConstant(to)) return to.text;
  const written = word(to, scope.env);
  let controller: string | null = null;
  let action: string | null = word(o.get('action'), scope.env);
  if (written?.includes('#')) [controller, action] = written.split('#', 2) as [string, string];
  else if (!to && action === null && pathIsString && /^\/?[-\w]+\/[-\w/]+$/.test(path)) {
    // Rails' shorthand: `get 'photos/search'` reaches photos#search.
    const parts = path.replace(/^\//, '').split('/');
    action = parts.pop()!.replace(/-/g, '_');
    controller = parts.join('/');
  }
  controller ??= word(o.get('controller'), scope.env) ?? scope.controller;
  if (action === null && /^[-\w]+$/.test(path)) action = path.replace(/-/g, '_');
  if (controller === null || action === null || (to && written === null)) return null;
  return `${controllerClass(scope.module, controller)}#${action}`;
}

function root(w: Walk, c: RbCall, scope: Scope): void {
  const to = c.options.get('to') ?? c.positional[0];
  const written = word(to, scope.env);
  const [controller, action] = written?.includes('#') ? written.split('#', 2) as [string, string]
    : [word(c.options.get('controller'), scope.env) ?? scope.controller, word(c.options.get('action'), scope.env) ?? written];
  const handler = isConstant(to) ? to.text : controller && action ? `${controllerClass(scope.module, controller)}#${action}` : null;
  w.out.add({ kind: 'http', framework: 'rails', method: 'GET', path: joinPaths(scope.path), handler, line: lineOf(c.node) });
}

/** `mount Sidekiq::Web => '/sidekiq'`, `mount Blog::Engine, at: '/blog'`: every method under the path goes to the app. */
function mount(w: Walk, c: RbCall, scope: Scope): void {
  const rocket = c.rockets[0];
  const app = rocket?.key ?? c.positional[0];
  const at = word(rocket?.value ?? c.options.get('at'), scope.env);
  if (!app || at === null) return;
  w.out.add({ kind: 'http', framework: 'rails', method: 'ANY', path: joinPaths(scope.path, at), handler: isConstant(app) ? app.text : null, line: lineOf(c.node) });
}

// The REST routes in Rails' order: action, verb, on the member (else the collection), path suffix.
const PLURAL: readonly [string, string, boolean, string][] = [
  ['index', 'GET', false, ''], ['create', 'POST', false, ''], ['new', 'GET', false, 'new'], ['edit', 'GET', true, 'edit'],
  ['show', 'GET', true, ''], ['update', 'PATCH', true, ''], ['update', 'PUT', true, ''], ['destroy', 'DELETE', true, ''],
];
const SINGULAR = PLURAL.filter(([action]) => action !== 'index');

/** `resources :photos, only: [:index], controller: 'pics', path: 'images', param: :slug do … end`; `resource :profile`. */
function resources(w: Walk, c: RbCall, scope: Scope, plural: boolean): void {
  const o = c.options;
  const only = o.has('only') ? new Set(words(o.get('only'), scope.env)) : null;
  const except = new Set(words(o.get('except'), scope.env));
  const param = word(o.get('param'), scope.env) ?? 'id';
  const module = word(o.get('module'), scope.env);
  const shallow = scope.shallow || o.get('shallow')?.type === 'true';
  const line = lineOf(c.node);
  for (const name of c.positional.flatMap((p) => words(p, scope.env))) {
    const segment = word(o.get('path'), scope.env) ?? name;
    const controller = word(o.get('controller'), scope.env) ?? (plural ? name : pluralize(name));
    const mod = module ? joinModule(scope.module, module) : scope.module;
    const collection = joinPaths(scope.path, segment);
    const memberBase = shallow ? scope.shallowPath : scope.path;
    const member = plural ? joinPaths(memberBase, segment, `:${param}`) : collection;
    const handlerOf = (action: string): string => `${controllerClass(mod, controller)}#${action}`;
    for (const [action, method, onMember, suffix] of plural ? PLURAL : SINGULAR) {
      if ((only && !only.has(action)) || except.has(action)) continue;
      w.out.add({ kind: 'http', framework: 'rails', method, path: joinPaths(onMember ? member : collection, suffix), handler: handlerOf(action), line });
    }
    const singular = word(o.get('as'), scope.env) ?? singularize(name);
    const nested = plural ? joinPaths(memberBase, segment, `:${singular}_${param}`) : collection;
    const within: Scope = { ...scope, path: nested, module: mod, controller, resource: { collection, member }, shallow };
    for (const concernName of words(o.get('concerns'), scope.env)) concern(w, concernName, within);
    inner(w, c, within);
  }
}

function joinModule(outer: string, inner: string): string {
  if (inner.startsWith('/')) return inner.slice(1);
  return outer ? `${outer}/${inner}` : inner;
}

/** `admin` + `users` → `Admin::UsersController`; a controller written `/users` ignores the module. */
export function controllerClass(module: string, controller: string): string {
  const path = controller.startsWith('/') ? controller.slice(1) : joinModule(module, controller);
  return `${path.split('/').filter(Boolean).map(camelize).join('::')}Controller`;
}

function camelize(segment: string): string {
  return segment.split('_').map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('');
}

// English inflection enough for resource names: `resource :profile` → ProfilesController, `:categories` → `:category_id`.
function pluralize(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

// A subset of ActiveSupport's rules, in its order of precedence.
function singularize(name: string): string {
  if (/(?:news|series|species|equipment|information|ss)$/.test(name)) return name;
  if (/(?:alias|status)es$/.test(name)) return name.slice(0, -2);
  if (/(?:[^aeiouy]|qu)ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/(?:x|ch|ss|sh)es$/.test(name)) return name.slice(0, -2);
  return name.replace(/s$/, '');
}
