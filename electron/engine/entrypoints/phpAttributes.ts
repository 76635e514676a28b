// Symfony routes: `#[Route(…)]` attributes and `@Route(…)` docblock annotations, with class-level prefixes.
import type { SyntaxNode } from './common.js';
import { crossPaths, kids, lineOf } from './common.js';
import type { FileContext } from './context.js';
import type { PhpScope } from './phpSyntax.js';
import { baseName, enclosingCode, methodNamed, phpArgs, phpScope, phpStrings, resolveClass } from './phpSyntax.js';
import type { EntryList } from './results.js';

// Docblocks are full of `@`: only a Route attribute or annotation is worth walking the classes for.
const ROUTE_HINT = /#\[\s*\\?(?:[\w\\]*\\)?Route\b|@Route\s*\(/;
// Other libraries' Route attributes take other arguments (Spatie's `Route('get', '/x')`).
const NOT_SYMFONY = /^(?:Spatie|Illuminate)\\/;

/** One route as declared: its paths (localized routes have several), methods, and the line it is declared on. */
interface RouteDecl { paths: string[]; methods: string[]; line: number }

export function symfonyRoutes(ctx: FileContext, out: EntryList): void {
  if (!ROUTE_HINT.test(ctx.source)) return;
  const scope = phpScope(ctx);
  for (const cls of ctx.nodes('class_declaration')) {
    const classRoutes = routesOf(cls, scope);
    const prefixes = classRoutes.flatMap((r) => r.paths);
    let found = 0;
    for (const member of kids(cls.childForFieldName('body'))) {
      if (member.type !== 'method_declaration') continue;
      const routes = routesOf(member, scope);
      if (routes.length === 0) continue;
      const symbol = enclosingCode(ctx, lineOf(member.childForFieldName('name') ?? member));
      for (const r of routes) found += add(crossPaths(prefixes, r.paths), r, symbol, out);
    }
    // A class-level route on an invokable controller with no method routes is the route of `__invoke`.
    const invoke = found === 0 ? methodNamed(cls, '__invoke') : null;
    if (!invoke) continue;
    const symbol = enclosingCode(ctx, lineOf(invoke.childForFieldName('name') ?? invoke));
    for (const r of classRoutes) add(crossPaths([], r.paths), r, symbol, out);
  }
}

function add(paths: string[], r: RouteDecl, symbol: number | null, out: EntryList): number {
  for (const path of paths) for (const method of r.methods) out.add({ kind: 'http', framework: 'symfony', method, path, symbol, line: r.line });
  return paths.length;
}

/** The Route attributes of a class or method, then the `@Route` annotations of the docblock just before it. */
function routesOf(decl: SyntaxNode, scope: PhpScope): RouteDecl[] {
  const out: RouteDecl[] = [];
  for (const group of kids(decl.childForFieldName('attributes'))) {
    for (const attr of kids(group)) {
      const name = kids(attr).find((c) => c.type === 'name' || c.type === 'qualified_name')?.text;
      if (attr.type !== 'attribute' || !name || baseName(name) !== 'Route' || NOT_SYMFONY.test(resolveClass(scope, name))) continue;
      const { positional, named } = phpArgs(attr.childForFieldName('parameters'));
      const methods = phpStrings(named.get('methods')).map((m) => m.toUpperCase());
      out.push({ paths: phpStrings(named.get('path') ?? positional[0]), methods: methods.length ? methods : ['ANY'], line: lineOf(attr) });
    }
  }
  const doc = decl.previousNamedSibling;
  if (doc?.type === 'comment' && doc.text.startsWith('/**') && doc.text.includes('@Route')) out.push(...annotations(doc));
  return out;
}

/** `@Route("/blog/{slug}", name="blog_show", methods={"GET"})`, with a sibling `@Method({"POST"})` (SensioFrameworkExtraBundle). */
function annotations(doc: SyntaxNode): RouteDecl[] {
  const text = doc.text;
  const sensio = /@Method\s*\(([^)]*)\)/.exec(text);
  const sensioMethods = sensio ? quoted(sensio[1]!) : [];
  const out: RouteDecl[] = [];
  for (const m of text.matchAll(/@Route\s*\(/g)) {
    const body = parenthesized(text, m.index + m[0].length);
    const localized = /^\s*\{/.test(body) ? /^\s*\{([^}]*)\}/.exec(body) : null;
    const path = localized ? [...localized[1]!.matchAll(/"[^"]*"\s*[:=]\s*"([^"]*)"/g)].map((x) => x[1]!)
      : [/^\s*"([^"]*)"/.exec(body)?.[1] ?? /\bpath\s*=\s*"([^"]*)"/.exec(body)?.[1]].filter((p): p is string => p !== undefined);
    const methodsText = /\bmethods\s*=\s*(\{[^}]*\}|"[^"]*")/.exec(body)?.[1];
    const methods = (methodsText ? quoted(methodsText) : sensioMethods).map((v) => v.toUpperCase());
    const line = lineOf(doc) + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
    out.push({ paths: path, methods: methods.length ? methods : ['ANY'], line });
  }
  return out;
}

function quoted(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
}

/** The text up to the `)` closing an annotation, skipping quoted strings. */
function parenthesized(text: string, from: number): string {
  let depth = 1;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inString = !inString;
    else if (inString) continue;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}
