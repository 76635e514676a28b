// Flask and FastAPI routes (with same-file blueprint/router prefixes) and Django urls.py patterns.
import type { SyntaxNode } from './common.js';
import { crossPaths, httpVerb, joinPaths, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import { stringValue, stringsOf } from './literals.js';
import type { PyCall } from './pythonSyntax.js';
import { pyCall, pyDecorators, pyName, pyScope } from './pythonSyntax.js';
import type { EntryList } from './results.js';

const APPS: Record<string, string> = { Flask: 'flask', Blueprint: 'flask', FastAPI: 'fastapi', APIRouter: 'fastapi' };
const VERB_DECORATORS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options']);
// Receivers trusted without a visible binding (blueprints and routers are often imported).
const APP_NAME = /^(app|api|bp|blueprint|router|\w+_bp|\w+_blueprint|\w+_router)$/;
const MAX_MOUNT_DEPTH = 8;
const ADD_URL_RULE = new Set(['add_url_rule']);
const REGISTRATIONS = new Set(['register_blueprint', 'include_router']);

// Route decorators and `add_url_rule` name a path literal (`/…` or FastAPI's empty path): `cache.get(key)` does not.
const ROUTE_HINT = /\.(?:route|get|post|put|delete|patch|head|options|api_route|add_url_rule)\s*\(\s*(?:rule\s*=\s*|path\s*=\s*)?[rfbu]*(['"])(?:\/|\1)/;

export function pythonRoutes(ctx: FileContext, out: EntryList): void {
  if (!ROUTE_HINT.test(ctx.source)) return;
  const scope = pyScope(ctx);
  const mounts = registrations(ctx);
  const fileFramework = scope.modules.has('fastapi') ? 'fastapi' : scope.modules.has('flask') ? 'flask' : null;
  const prefixes = (name: string, depth: number): string[] => {
    const binding = scope.bindings.get(name);
    const own = stringValue(binding?.call.keywords.get(binding.made === 'Blueprint' ? 'url_prefix' : 'prefix'));
    const mounted = mounts.get(name);
    if (!mounted || depth > MAX_MOUNT_DEPTH) return [own ?? ''];
    // Flask's register-time url_prefix replaces the blueprint's own; FastAPI's include prefix is prepended to it.
    return mounted.flatMap((m) => crossPaths(prefixes(m.parent, depth + 1), [m.replaces ? joinPaths(m.prefix ?? own) : joinPaths(m.prefix, own)]));
  };
  for (const decorated of ctx.nodes('decorated_definition')) {
    const def = decorated.childForFieldName('definition');
    if (def?.type !== 'function_definition') continue;
    const symbol = ctx.symbols.enclosing(lineOf(def.childForFieldName('name') ?? def));
    for (const d of pyDecorators(decorated)) {
      const isRoute = d.name === 'route' || d.name === 'api_route' || VERB_DECORATORS.has(d.name);
      const app = d.receiver ? pyName(d.receiver) : null;
      if (!isRoute || !app || d.positional.length + d.named.size === 0) continue;
      const framework = lookup(APPS, scope.bindings.get(app)?.made) ?? (APP_NAME.test(app) ? fileFramework ?? (d.name === 'route' ? 'flask' : null) : null);
      const path = stringValue(d.positional[0] ?? d.named.get('path') ?? d.named.get('rule'));
      if (!framework || path === null) continue;
      const methods = VERB_DECORATORS.has(d.name) ? [d.name.toUpperCase()] : verbs(d.named.get('methods'));
      for (const full of crossPaths(prefixes(app, 0), [path])) {
        for (const method of methods) out.add({ kind: 'http', framework, method, path: full, symbol, line: lineOf(d.node) });
      }
    }
  }
  if (!ctx.source.includes('add_url_rule')) return;
  for (const call of ctx.nodes('call')) {
    const c = pyCall(call, ADD_URL_RULE);
    if (c?.receiver) addUrlRule(ctx, c, prefixes(pyName(c.receiver) ?? '', 0), out);
  }
}

function verbs(methods: SyntaxNode | undefined): string[] {
  const list = stringsOf(methods).map(httpVerb).filter((v): v is string => v !== null);
  return list.length ? list : ['GET'];
}

// `app.add_url_rule('/x', 'endpoint', view_func=handler, methods=['POST'])`.
function addUrlRule(ctx: FileContext, c: PyCall, prefixes: string[], out: EntryList): void {
  const path = stringValue(c.positional[0] ?? c.keywords.get('rule'));
  const view = c.keywords.get('view_func') ?? c.positional[2];
  if (path === null || !view) return;
  const handler = view.text;
  const symbol = ctx.symbols.handler(view.type === 'identifier' ? handler : null, lineOf(c.node));
  for (const full of crossPaths(prefixes, [path])) {
    for (const method of verbs(c.keywords.get('methods'))) out.add({ kind: 'http', framework: 'flask', method, path: full, handler, symbol, line: lineOf(c.node) });
  }
}

interface Mount { parent: string; prefix: string | null; replaces: boolean }

/** `app.register_blueprint(bp, url_prefix='/api')`, `app.include_router(router, prefix='/v1')`. */
function registrations(ctx: FileContext): Map<string, Mount[]> {
  const mounts = new Map<string, Mount[]>();
  if (!/register_blueprint|include_router/.test(ctx.source)) return mounts;
  for (const call of ctx.nodes('call')) {
    const c = pyCall(call, REGISTRATIONS);
    if (!c?.receiver) continue;
    const child = c.positional[0] ? pyName(c.positional[0]) : null;
    const parent = pyName(c.receiver);
    if (!child || !parent) continue;
    const prefix = stringValue(c.keywords.get(c.name === 'register_blueprint' ? 'url_prefix' : 'prefix'));
    mounts.set(child, [...(mounts.get(child) ?? []), { parent, prefix, replaces: c.name === 'register_blueprint' }]);
  }
  return mounts;
}

const DJANGO_ROUTES = new Set(['path', 're_path', 'url']);

/** Django `urlpatterns`: `path('users/<int:id>/', views.detail)`, with same-file `include()` prefixes. */
export function djangoRoutes(ctx: FileContext, out: EntryList): void {
  if (!ctx.relPath.endsWith('urls.py') && !ctx.source.includes('urlpatterns')) return;
  const routes = ctx.nodes('call').map((n) => pyCall(n, DJANGO_ROUTES)).filter((c): c is PyCall => c !== null && c.receiver === null && c.positional.length >= 2);
  const included = new Map<string, string[]>(); // list variable → prefixes it is included under
  for (const c of routes) {
    const view = c.positional[1]!;
    const inner = view.type === 'call' ? pyCall(view) : null;
    const list = inner?.name === 'include' ? inner.positional[0] : null;
    if (list?.type === 'identifier') included.set(list.text, [...(included.get(list.text) ?? []), route(c)]);
  }
  for (const c of routes) {
    const view = c.positional[1]!;
    if (view.type === 'call' && pyCall(view)?.name === 'include') continue;
    const { parents, listName } = enclosingRoutes(c.node);
    const outer = listName ? included.get(listName) ?? [''] : [''];
    const handler = viewName(view);
    // Views usually live in views.py: unresolved here, they are linked across files by the indexer.
    const symbol = ctx.symbols.handler(handler, lineOf(c.node));
    for (const prefix of outer) {
      out.add({ kind: 'http', framework: 'django', method: 'ANY', path: joinPaths(prefix, ...parents, route(c)), handler, symbol, line: lineOf(c.node) });
    }
  }
}

function route(c: PyCall): string {
  const text = stringValue(c.positional[0]) ?? '';
  return c.name === 'path' ? text : text.replace(/^\^/, '').replace(/\$$/, '');
}

// Routes of `path('api/', include([...]))` calls around this one, outermost first, and the list variable holding them.
function enclosingRoutes(node: SyntaxNode): { parents: string[]; listName: string | null } {
  const parents: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'call') {
      const c = pyCall(p);
      if (c && c.receiver === null && DJANGO_ROUTES.has(c.name)) parents.unshift(route(c));
    } else if (p.type === 'assignment') {
      const left = p.childForFieldName('left');
      return { parents, listName: left?.type === 'identifier' ? left.text : null };
    }
  }
  return { parents, listName: null };
}

/** `views.detail`; `UserView.as_view()` → `UserView`; `login_required(views.x)` → `views.x`. */
function viewName(view: SyntaxNode): string {
  if (view.type !== 'call') return view.text;
  const c = pyCall(view);
  if (c?.name === 'as_view' && c.receiver) return c.receiver.text;
  const first = c?.positional[0];
  return first && (first.type === 'identifier' || first.type === 'attribute') ? first.text : view.text;
}
