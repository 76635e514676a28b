// ASP.NET Core controllers and minimal APIs, Azure Functions triggers, Hangfire, consumers, and `static Main`.
import type { Decoration, SyntaxNode } from './common.js';
import { handlerRef, httpVerb, joinPaths, kids, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import { literalOrText, namesOf, stringValue, stringsOf } from './literals.js';
import type { CsCall } from './csharpSyntax.js';
import { csAttributes, csCall } from './csharpSyntax.js';
import type { EntryList } from './results.js';

const HTTP_ATTRIBUTES: Record<string, string> = {
  HttpGet: 'GET', HttpPost: 'POST', HttpPut: 'PUT', HttpDelete: 'DELETE', HttpPatch: 'PATCH', HttpHead: 'HEAD', HttpOptions: 'OPTIONS',
};
const MAP_VERBS: Record<string, string> = { MapGet: 'GET', MapPost: 'POST', MapPut: 'PUT', MapDelete: 'DELETE', MapPatch: 'PATCH' };
const TRIGGERS: Record<string, { kind: 'schedule' | 'listener'; queueArg: number }> = {
  TimerTrigger: { kind: 'schedule', queueArg: 0 }, ServiceBusTrigger: { kind: 'listener', queueArg: 0 }, QueueTrigger: { kind: 'listener', queueArg: 0 },
  EventHubTrigger: { kind: 'listener', queueArg: 0 }, RabbitMQTrigger: { kind: 'listener', queueArg: 0 }, KafkaTrigger: { kind: 'listener', queueArg: 1 },
};
const MAX_DEPTH = 8;

export function csharpEntryPoints(ctx: FileContext, out: EntryList): void {
  const controllers = new Map<number, string[]>();
  for (const method of ctx.nodes('method_declaration')) {
    const name = method.childForFieldName('name');
    const symbol = ctx.symbols.enclosing(lineOf(name ?? method));
    if (name?.text === 'Main' && isMain(method)) out.add({ kind: 'main', framework: 'main', symbol, line: lineOf(name) });
    if (!ctx.source.includes('[')) continue;
    const attrs = csAttributes(method);
    if (attrs.length) actionRoutes(method, attrs, controllerRoutes(method.parent?.parent ?? null, controllers), symbol, out);
    functionTriggers(method, attrs, symbol, out);
  }
  if (/\.Map(Get|Post|Put|Delete|Patch|Methods)\b/.test(ctx.source)) minimalApis(ctx, out);
  topLevelMain(ctx, out);
}

/** Class-level `[Route]` templates with `[controller]` substituted; null when the class is not a controller. */
function controllerRoutes(cls: SyntaxNode | null, cache: Map<number, string[]>): { routes: string[]; controller: string } | null {
  if (!cls || cls.type !== 'class_declaration') return null;
  const controller = (cls.childForFieldName('name')?.text ?? '').replace(/Controller$/, '');
  let routes = cache.get(cls.id);
  if (!routes) {
    routes = csAttributes(cls).filter((a) => a.name === 'Route').flatMap((a) => namesOf(template(a)));
    cache.set(cls.id, routes);
  }
  return { routes, controller };
}

function actionRoutes(method: SyntaxNode, attrs: Decoration[], owner: { routes: string[]; controller: string } | null, symbol: number | null, out: EntryList): void {
  const action = (method.childForFieldName('name')?.text ?? '').replace(/Async$/, '');
  const methodRoutes = attrs.filter((a) => a.name === 'Route').map((a) => optionalText(template(a)) ?? '');
  const emit = (verbs: string[], template: string | null, at: Decoration): void => {
    for (const t of template !== null ? [template] : methodRoutes.length ? methodRoutes : [null]) {
      for (const path of fullPaths(owner, t, action)) {
        for (const verb of verbs) out.add({ kind: 'http', framework: 'aspnet', method: verb, path, symbol, line: lineOf(at.node) }, at.node.startIndex);
      }
    }
  };
  const verbAttrs = attrs.filter((a) => lookup(HTTP_ATTRIBUTES, a.name) || a.name === 'AcceptVerbs');
  for (const a of verbAttrs) {
    const verbs = a.name === 'AcceptVerbs' ? a.positional.flatMap((p) => stringsOf(p)).map((v) => httpVerb(v) ?? v.toUpperCase()) : [lookup(HTTP_ATTRIBUTES, a.name)!];
    emit(verbs, optionalText(a.name === 'AcceptVerbs' ? a.named.get('Route') : template(a)), a);
  }
  const route = attrs.find((a) => a.name === 'Route');
  if (verbAttrs.length === 0 && route && owner) emit(['ANY'], null, route);
}

function template(a: Decoration): SyntaxNode | undefined {
  return a.positional[0] ?? a.named.get('template') ?? a.named.get('Template');
}

// Constants (`[Route(ApiRoutes.Orders)]`) are kept as written rather than dropped from the path.
function optionalText(node: SyntaxNode | undefined): string | null {
  return node ? literalOrText(node) : null;
}

/** Joins class and action templates; `/` or `~/` makes an action template absolute. Null when nothing routes it. */
function fullPaths(owner: { routes: string[]; controller: string } | null, template: string | null, action: string): (string | null)[] {
  const prefixes = owner?.routes.length ? owner.routes : [null];
  if (template === null && prefixes[0] === null) return [null];
  const absolute = template !== null && /^~?\//.test(template);
  return (absolute ? [null] : prefixes).map((prefix) => {
    const path = absolute ? joinPaths(template.replace(/^~/, '')) : joinPaths(prefix, template);
    return path.replace(/\[controller\]/gi, owner?.controller ?? '[controller]').replace(/\[action\]/gi, action);
  });
}

/** Azure Functions: `[HttpTrigger(…, "get", Route = "x")]`, `[TimerTrigger("cron")]`, queue triggers on parameters. */
function functionTriggers(method: SyntaxNode, attrs: Decoration[], symbol: number | null, out: EntryList): void {
  const fn = attrs.find((a) => a.name === 'Function' || a.name === 'FunctionName');
  if (!fn) return;
  const fnName = stringValue(fn.positional[0]) ?? method.childForFieldName('name')?.text ?? '';
  for (const param of kids(method.childForFieldName('parameters'))) {
    for (const a of csAttributes(param)) {
      const line = lineOf(a.node);
      if (a.name === 'HttpTrigger') {
        const verbs = a.positional.flatMap((p) => stringsOf(p)).map((v) => httpVerb(v)).filter((v): v is string => v !== null);
        const path = joinPaths('api', stringValue(a.named.get('Route')) ?? fnName);
        for (const method of verbs.length ? verbs : ['ANY']) out.add({ kind: 'http', framework: 'azure-functions', method, path, symbol, line });
        continue;
      }
      const trigger = lookup(TRIGGERS, a.name);
      const arg = trigger ? a.positional[trigger.queueArg] ?? a.named.get('queueName') ?? a.named.get('topic') : undefined;
      if (!trigger || !arg) continue;
      if (trigger.kind === 'schedule') out.add({ kind: 'schedule', framework: 'azure-functions', schedule: literalOrText(arg), symbol, line });
      else out.add({ kind: 'listener', framework: 'azure-functions', queue: literalOrText(arg), symbol, line });
    }
  }
}

/** `app.MapGet("/x", handler)`, `MapMethods`, under `MapGroup("/api")` prefixes (variables or chains). */
function minimalApis(ctx: FileContext, out: EntryList): void {
  const groups = new Map<string, SyntaxNode>();
  for (const decl of ctx.nodes('variable_declaration')) {
    for (const v of kids(decl)) {
      const value = v.type === 'variable_declarator' ? kids(v).find((c) => c.type === 'invocation_expression') : undefined;
      const name = v.childForFieldName('name')?.text;
      if (name && value) groups.set(name, value);
    }
  }
  for (const node of ctx.nodes('invocation_expression')) {
    const c = csCall(node);
    if (!c?.receiver) continue;
    const verb = lookup(MAP_VERBS, c.method);
    const verbs = verb ? [verb] : c.method === 'MapMethods' ? stringsOf(c.args[1]).map((v) => v.toUpperCase()) : [];
    const path = stringValue(c.args[0]);
    const handlerNode = c.args[c.method === 'MapMethods' ? 2 : 1];
    if (verbs.length === 0 || path === null || !handlerNode) continue;
    const handler = handlerRef(handlerNode);
    const symbol = ctx.symbols.handler(handlerNode.type === 'identifier' ? handler : null, lineOf(handlerNode));
    const full = joinPaths(groupPrefix(c.receiver, groups, 0), path);
    for (const method of verbs) out.add({ kind: 'http', framework: 'aspnet', method, path: full, handler, symbol, line: lineOf(node) });
  }
}

function groupPrefix(expr: SyntaxNode, groups: Map<string, SyntaxNode>, depth: number): string {
  if (depth > MAX_DEPTH) return '';
  if (expr.type === 'identifier') {
    const bound = groups.get(expr.text);
    return bound ? groupPrefix(bound, groups, depth + 1) : '';
  }
  const c: CsCall | null = expr.type === 'invocation_expression' ? csCall(expr) : null;
  if (!c?.receiver) return '';
  const inner = groupPrefix(c.receiver, groups, depth + 1);
  return c.method === 'MapGroup' ? joinPaths(inner, stringValue(c.args[0])) : inner;
}

function isMain(method: SyntaxNode): boolean {
  const mods = kids(method).filter((c) => c.type === 'modifier').map((m) => m.text);
  const returns = method.childForFieldName('returns')?.text ?? method.childForFieldName('type')?.text ?? '';
  return mods.includes('static') && /^(void|int|Task|Task<int>)$/.test(returns);
}

/** `Program.cs` with top-level statements: the program starts at the first statement. */
function topLevelMain(ctx: FileContext, out: EntryList): void {
  if (!/(^|\/)Program\.cs$/.test(ctx.relPath)) return;
  const first = ctx.nodes('global_statement')[0];
  if (first) out.add({ kind: 'main', framework: 'main', symbol: ctx.symbols.enclosing(lineOf(first)), line: lineOf(first) });
}
