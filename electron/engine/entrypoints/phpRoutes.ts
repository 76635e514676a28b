// Laravel routes (`Route::get`, `match`, `resource`, groups with prefixes and controllers) and Slim routes.
import type { SyntaxNode } from './common.js';
import { joinPaths, kids, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import type { PhpCall, PhpScope } from './phpSyntax.js';
import {
  arrayValue, classConstant, enclosingCode, isMemberCall, phpArray, phpCall, phpScope, phpString, phpStrings, resolveClass, symbolByFqn,
} from './phpSyntax.js';
import type { EntryList } from './results.js';

const VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', options: 'OPTIONS', any: 'ANY' };
const LARAVEL_CALLS = new Set([...Object.keys(VERBS), 'match', 'resource', 'apiResource', 'resources', 'apiResources', 'view', 'redirect', 'permanentRedirect']);
// The router facade as written in routes files: `Route`, `\Route`, or fully qualified.
const ROUTE_FACADE = /^\\?(?:Illuminate\\Support\\Facades\\)?Route$/;
// A static call on the facade that registers or groups routes: without one, nothing in the file is read.
const LARAVEL_HINT = /\bRoute::(?:get|post|put|patch|delete|options|any|match|resources?|apiResources?|view|redirect|permanentRedirect|group|prefix|controller|middleware|name|domain|namespace|scopeBindings|withoutMiddleware)\s*\(/;
// Routes served by the framework itself: a view or a redirect, no controller.
const NO_HANDLER = new Set(['view', 'redirect', 'permanentRedirect']);
const FUNCTIONS = new Set(['anonymous_function', 'arrow_function']);
const GROUP = new Set(['group']);

// Laravel's resource actions in its registration order; `apiResource` leaves out the two HTML forms.
const RESOURCE_ACTIONS: readonly (readonly [action: string, method: string, suffix: string])[] = [
  ['index', 'GET', ''], ['create', 'GET', '/create'], ['store', 'POST', ''], ['show', 'GET', '/{id}'],
  ['edit', 'GET', '/{id}/edit'], ['update', 'PUT', '/{id}'], ['update', 'PATCH', '/{id}'], ['destroy', 'DELETE', '/{id}'],
];
const FORMS = new Set(['create', 'edit']);

// `namespace` groups prefix string actions (`'Chart\\AccountController@all'`), as Laravel does before 8.
interface Group { prefixes: string[]; namespaces: string[]; controller: string | null }

// Laravel loads `routes/api.php` under `/api` (RouteServiceProvider, or `withRouting(api:)` in Laravel 11): its routes are served there.
const API_ROUTES_FILE = /(?:^|\/)routes\/api\.php$/;

export function laravelRoutes(ctx: FileContext, out: EntryList): void {
  if (!LARAVEL_HINT.test(ctx.source)) return;
  const scope = phpScope(ctx);
  const api = API_ROUTES_FILE.test(ctx.relPath);
  for (const node of ctx.nodes('scoped_call_expression')) {
    const c = phpCall(node, LARAVEL_CALLS);
    if (!c?.scope || !ROUTE_FACADE.test(c.scope)) continue;
    const group = groupAround(node, scope);
    if (api) group.prefixes.unshift('/api');
    const line = lineOf(node);
    if (c.name === 'resource' || c.name === 'apiResource') {
      resource(ctx, c, phpString(c.positional[0]), c.positional[1], group, scope, out);
    } else if (c.name === 'resources' || c.name === 'apiResources') {
      for (const item of phpArray(c.positional[0])) resource(ctx, c, phpString(item.key), item.value, group, scope, out);
    } else {
      const verb = c.name === 'match' ? null : c.name === 'view' ? 'GET' : lookup(VERBS, c.name) ?? 'ANY';
      const path = phpString(c.positional[verb === null ? 1 : 0]);
      if (path === null) continue;
      const methods = verb !== null ? [verb] : phpStrings(c.positional[0]).map((m) => m.toUpperCase());
      const handler = NO_HANDLER.has(c.name) ? null : laravelHandler(c.positional[verb === null ? 2 : 1], group, scope);
      const symbol = handler ? sameFile(ctx, handler) : enclosingCode(ctx, line);
      for (const method of methods) out.add({ kind: 'http', framework: 'laravel', method, path: joinPaths(...group.prefixes, path), handler, symbol, line });
    }
  }
}

/** Prefixes (outermost first) and the controller of the `group(function () { … })` calls around a route. */
function groupAround(node: SyntaxNode, scope: PhpScope): Group {
  const group: Group = { prefixes: [], namespaces: [], controller: null };
  for (let p = node.parent; p; p = p.parent) {
    if (!FUNCTIONS.has(p.type) || p.parent?.type !== 'argument') continue;
    const call = p.parent.parent?.parent;
    const c = call ? phpCall(call, GROUP) : null;
    if (!c) continue;
    const own: string[] = [];
    const ownNamespaces: string[] = [];
    if (c.scope) {
      // `Route::group(['prefix' => 'admin', 'controller' => X::class], function () { … })`
      const attrs = c.positional[0];
      const prefix = phpString(arrayValue(attrs, 'prefix'));
      if (prefix !== null) own.push(prefix);
      group.controller ??= classOf(arrayValue(attrs, 'controller'), scope);
      const namespace = phpString(arrayValue(attrs, 'namespace'));
      if (namespace) ownNamespaces.push(namespace);
    } else {
      // `Route::prefix('admin')->controller(X::class)->group(function () { … })`: the chain read down to its root.
      for (let link: SyntaxNode | null | undefined = c.receiver; link; link = isMemberCall(link) ? link.childForFieldName('object') : null) {
        const l = link.type === 'scoped_call_expression' || isMemberCall(link) ? phpCall(link) : null;
        if (l?.name === 'prefix') own.unshift(phpString(l.positional[0]) ?? '');
        else if (l?.name === 'controller') group.controller ??= classOf(l.positional[0], scope);
        else if (l?.name === 'namespace') ownNamespaces.unshift(phpString(l.positional[0]) ?? '');
      }
    }
    group.prefixes.unshift(...own);
    group.namespaces.unshift(...ownNamespaces.filter(Boolean));
  }
  return group;
}

/** `X::class` or `'X'`, spelled as a full class name when the file's imports say which class it is. */
function classOf(node: SyntaxNode | null | undefined, scope: PhpScope): string | null {
  const constant = classConstant(node);
  if (constant !== null) return resolveClass(scope, constant);
  const text = phpString(node);
  return text ? resolveClass(scope, text, false) : null;
}

/** `[X::class, 'show']`, `'X@show'`, `X::class` (invokable), `['uses' => 'X@show']`, `'show'` in a controller group. */
function laravelHandler(node: SyntaxNode | undefined, group: Group, scope: PhpScope): string | null {
  if (!node || FUNCTIONS.has(node.type)) return null;
  if (node.type === 'array_creation_expression') {
    const uses = arrayValue(node, 'uses');
    if (uses) return laravelHandler(uses, group, scope);
    const [cls, method] = phpArray(node);
    const name = cls && !cls.key ? classOf(cls.value, scope) : null;
    const action = method && !method.key ? phpString(method.value) : null;
    return name && action ? `${name}::${action}` : null;
  }
  const constant = classConstant(node);
  if (constant !== null) return `${resolveClass(scope, constant)}::__invoke`;
  const text = phpString(node);
  if (!text) return null;
  const at = text.indexOf('@');
  if (at > 0) return `${actionClass(text.slice(0, at), group, scope)}::${text.slice(at + 1)}`;
  if (group.controller) return `${group.controller}::${text}`;
  return /^\\?[A-Z]/.test(text) ? `${actionClass(text, group, scope)}::__invoke` : null;
}

/** A controller named in a string: inside the groups' namespaces unless fully qualified, else through the imports. */
function actionClass(name: string, group: Group, scope: PhpScope): string {
  if (name.startsWith('\\') || group.namespaces.length === 0) return resolveClass(scope, name, false);
  return [...group.namespaces, name].map((n) => n.replace(/^\\+|\\+$/g, '')).join('\\');
}

/** The handler's symbol when this file defines it (a full or unresolved `Class::method`), else null. */
function sameFile(ctx: FileContext, handler: string): number | null {
  const exact = symbolByFqn(ctx, handler);
  if (exact !== null || handler.includes('\\')) return exact;
  const i = ctx.symbols.symbols.findIndex((s) => s.fqn.endsWith(`\\${handler}`));
  return i < 0 ? null : i;
}

/** `Route::resource('photos.comments', X::class)->only([...])`: one entry per action the resource keeps. */
function resource(ctx: FileContext, c: PhpCall, name: string | null, controllerNode: SyntaxNode | undefined, group: Group, scope: PhpScope, out: EntryList): void {
  const controller = classOf(controllerNode, scope);
  if (!name || !controller) return;
  const { only, except } = resourceFilters(c);
  const api = c.name.startsWith('api');
  const base = resourcePath(name);
  const line = lineOf(c.node);
  RESOURCE_ACTIONS.forEach(([action, method, suffix], at) => {
    if ((api && FORMS.has(action)) || (only && !only.has(action)) || except.has(action)) return;
    const handler = `${controller}::${action}`;
    const path = joinPaths(...group.prefixes, base.path, suffix.replace('{id}', `{${base.param}}`));
    out.add({ kind: 'http', framework: 'laravel', method, path, handler, symbol: sameFile(ctx, handler), line }, at);
  });
}

/** `->only(['index'])`, `->except('destroy')` chained on the call, or the options array's `only`/`except`. */
function resourceFilters(c: PhpCall): { only: Set<string> | null; except: Set<string> } {
  const options = c.name.endsWith('s') ? c.positional[1] : c.positional[2];
  let only: Set<string> | null = arrayValue(options, 'only') ? new Set(phpStrings(arrayValue(options, 'only'))) : null;
  const except = new Set(phpStrings(arrayValue(options, 'except')));
  for (let cur = c.node, p = cur.parent; isMemberCall(p) && p.childForFieldName('object')?.id === cur.id; cur = p, p = p.parent) {
    const link = phpCall(p);
    const names = link ? link.positional.flatMap(phpStrings) : [];
    if (link?.name === 'only') only = new Set(names);
    else if (link?.name === 'except') for (const n of names) except.add(n);
  }
  return { only, except };
}

/** `photos.comments` → `/photos/{photo}/comments` and parameter `comment`. */
function resourcePath(name: string): { path: string; param: string } {
  const parts = name.split('.').filter(Boolean);
  const last = parts.pop() ?? name;
  const nested = parts.map((p) => `${p}/{${singular(p)}}`);
  return { path: joinPaths(...nested, last), param: singular(last) };
}

/** Laravel names a resource's parameter after its singular (`photos` → `photo`, `user-roles` → `user_role`). */
function singular(word: string): string {
  const w = word.slice(word.lastIndexOf('/') + 1).replace(/-/g, '_');
  if (/ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/(?:x|ch|sh|ss)es$/.test(w)) return w.slice(0, -2);
  return w.replace(/s$/, '');
}

const SLIM_CALLS = new Set([...Object.keys(VERBS), 'map']);
// Receivers trusted as a Slim app or route group without seeing how they were made.
const SLIM_APP = /^\$(?:app|group|router|routes|route|r|proxy|api|slim)$/i;

/** Slim: `$app->get('/x', handler)`, `$app->map(['GET', 'POST'], '/x', h)`, `$app->group('/api', function ($group) { … })`. */
export function slimRoutes(ctx: FileContext, out: EntryList): void {
  if (!ctx.source.includes('Slim\\')) return;
  const scope = phpScope(ctx);
  for (const node of ctx.nodes('member_call_expression')) {
    const c = phpCall(node, SLIM_CALLS);
    const receiver = c?.receiver;
    if (!c || receiver?.type !== 'variable_name') continue;
    const isMap = c.name === 'map';
    const [first, second, third] = c.positional;
    const path = phpString(isMap ? second : first);
    const handlerNode = isMap ? third : second;
    const prefixes = slimGroups(node);
    if (path === null || !handlerNode || !(SLIM_APP.test(receiver.text) || prefixes.params.has(receiver.text))) continue;
    const methods = isMap ? phpStrings(first).map((m) => m.toUpperCase()) : [lookup(VERBS, c.name)!];
    const handler = slimHandler(handlerNode, scope);
    const line = lineOf(node);
    const symbol = handler ? sameFile(ctx, handler) : enclosingCode(ctx, line);
    for (const method of methods) out.add({ kind: 'http', framework: 'slim', method, path: joinPaths(...prefixes.paths, path), handler, symbol, line });
  }
}

/** Prefixes of the `->group('/api', function ($group) { … })` calls around a route, and the groups' parameter names. */
function slimGroups(node: SyntaxNode): { paths: string[]; params: Set<string> } {
  const paths: string[] = [];
  const params = new Set<string>();
  for (let p = node.parent; p; p = p.parent) {
    if (!FUNCTIONS.has(p.type) || p.parent?.type !== 'argument') continue;
    const call = p.parent.parent?.parent;
    const c = call && isMemberCall(call) ? phpCall(call, GROUP) : null;
    const prefix = c ? phpString(c.positional[0]) : null;
    if (prefix === null) continue;
    paths.unshift(prefix);
    const param = kids(p.childForFieldName('parameters'))[0]?.childForFieldName('name')?.text;
    if (param) params.add(param);
  }
  return { paths, params };
}

/** `'\App\Action:method'` (Slim's callable string), `Action::class` or `'Action'` (invokable), `[X::class, 'm']`; closures → null. */
function slimHandler(node: SyntaxNode, scope: PhpScope): string | null {
  if (FUNCTIONS.has(node.type)) return null;
  if (node.type === 'array_creation_expression') {
    const [cls, method] = phpArray(node);
    const name = cls ? classOf(cls.value, scope) : null;
    const action = method ? phpString(method.value) : null;
    return name && action ? `${name}::${action}` : null;
  }
  const constant = classConstant(node);
  if (constant !== null) return `${resolveClass(scope, constant)}::__invoke`;
  const text = phpString(node);
  if (!text || !/^\\?[A-Za-z_]/.test(text)) return null;
  const colon = text.search(/(?<!:):(?!:)/);
  if (colon > 0) return `${resolveClass(scope, text.slice(0, colon), false)}::${text.slice(colon + 1)}`;
  return `${resolveClass(scope, text, false)}::__invoke`;
}
