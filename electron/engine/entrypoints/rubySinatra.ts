// Sinatra routes (`get '/x' do … end`, sinatra-contrib namespaces) and Grape API endpoints with their prefixes.
import type { SyntaxNode } from './common.js';
import { joinPaths, lineOf } from './common.js';
import type { FileContext } from './context.js';
import type { EntryList } from './results.js';
import { bodyStatements, rbCall, word, words } from './rubySyntax.js';

// Only files that load Sinatra: a Rails routes file or any other `get 'x' do` is not a Sinatra app.
const SINATRA_HINT = /require\s*\(?\s*['"]sinatra|Sinatra::/;
const GRAPE_HINT = /Grape::API/;
const SINATRA_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'link', 'unlink']);
const GRAPE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'route']);
const GRAPE_SCOPES = new Set(['namespace', 'resource', 'resources', 'group', 'segment', 'route_param']);
const DEFS = new Set(['method', 'singleton_method']);

export function sinatraRoutes(ctx: FileContext, out: EntryList): void {
  if (!SINATRA_HINT.test(ctx.source)) return;
  for (const node of ctx.nodes('call')) {
    const c = rbCall(node, SINATRA_VERBS);
    if (!c || c.receiver || c.body === null || insideDef(node)) continue;
    const pathNode = c.positional[0];
    const path = word(pathNode, undefined, true) ?? (pathNode?.type === 'regex' ? pathNode.text : null);
    if (path === null) continue;
    const prefixes = scopes(node, (s) => s.name === 'namespace' ? word(s.positional[0], undefined, true) : null);
    const line = lineOf(node);
    out.add({ kind: 'http', framework: 'sinatra', method: c.name.toUpperCase(), path: pathNode?.type === 'regex' ? path : joinPaths(...prefixes, path), symbol: ctx.symbols.enclosing(line), line });
  }
}

/** Grape: `prefix :api`, `version 'v1'`, `resource :users do route_param :id do get do … end end end`. */
export function grapeRoutes(ctx: FileContext, out: EntryList): void {
  if (!GRAPE_HINT.test(ctx.source)) return;
  for (const node of ctx.nodes('call')) {
    const c = rbCall(node, GRAPE_VERBS);
    if (!c || c.receiver || c.body === null || insideDef(node)) continue;
    const api = apiClass(node);
    if (!api) continue;
    const [a0, a1] = c.positional;
    const methods = c.name === 'route' ? words(a0).map((m) => (m === 'any' ? 'ANY' : m.toUpperCase())) : [c.name.toUpperCase()];
    const path = c.name === 'route' ? word(a1, undefined, true) : a0 ? word(a0, undefined, true) : '';
    if (path === null || methods.length === 0) continue;
    const segments = scopes(node, (s) => {
      const name = word(s.positional[0], undefined, true);
      if (!GRAPE_SCOPES.has(s.name) || name === null) return null;
      return s.name === 'route_param' ? `:${name}` : name;
    });
    const line = lineOf(node);
    for (const method of methods) {
      out.add({ kind: 'http', framework: 'grape', method, path: joinPaths(...classPrefix(api), ...segments, path), symbol: ctx.symbols.enclosing(line), line });
    }
  }
}

function insideDef(node: SyntaxNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (DEFS.has(p.type)) return true;
  return false;
}

/** Path pieces named by the block calls around a route, outermost first. */
function scopes(node: SyntaxNode, piece: (c: NonNullable<ReturnType<typeof rbCall>>) => string | null): string[] {
  const out: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'call') continue;
    const c = rbCall(p);
    const part = c && !c.receiver ? piece(c) : null;
    if (part !== null) out.unshift(part);
  }
  return out;
}

function apiClass(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'class' && /Grape::API/.test(p.childForFieldName('superclass')?.text ?? '')) return p;
  }
  return null;
}

/** `prefix :api` and a path-style `version 'v1'` at the class's top level. */
function classPrefix(api: SyntaxNode): string[] {
  let prefix: string | null = null;
  let version: string | null = null;
  for (const stmt of bodyStatements(api)) {
    const c = rbCall(stmt);
    if (!c || c.receiver) continue;
    if (c.name === 'prefix') prefix = word(c.positional[0]);
    else if (c.name === 'version') {
      const using = word(c.options.get('using'));
      if (using === null || using === 'path') version = words(c.positional[0])[0] ?? null;
    }
  }
  return [prefix ?? '', version ?? ''];
}
