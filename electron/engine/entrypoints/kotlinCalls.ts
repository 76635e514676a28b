// Kotlin external calls: Spring templates and clients recognised by declared type, the Ktor client, JDBC,
// Spring Data repositories, plus `@Query` and `@FeignClient` declarations (javaCalls.ts conventions).
import type { SyntaxNode } from './common.js';
import { argument, isDataAccessName, kids, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import type { CallList } from './results.js';
import { looksLikeSql, sqlTable } from './sql.js';
import type { Client, Target } from './jvmClients.js';
import { JVM_CLIENTS, set } from './jvmClients.js';
import type { KtCall } from './kotlinSyntax.js';
import { ktAnnotations, ktCall, ktPrefix, ktString, positional, typeName } from './kotlinSyntax.js';

// java.net.http's HttpClient and the Ktor client share a name: the Ktor one is told apart by its methods (see `invocation`).
const KTOR_VERBS = set('get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'request', 'prepareGet', 'preparePost', 'prepareRequest', 'submitForm', 'submitFormWithBinaryData');
const KTOR_CLIENT: Client = { kind: 'http', client: 'ktor-client', methods: KTOR_VERBS, target: 'url' };

// A client type, a store object or JDBC: without one, no call is read.
const PREFILTER = /Template|Client|Jdbc|jdbc|Repository|Repo\b|Dao\b|DAO\b|EntityManager|entityManager|prepareStatement|@Query|Feign/;

interface Decls { types: Map<string, string>; strings: Map<string, SyntaxNode> }

export function kotlinCalls(ctx: FileContext, out: CallList): void {
  if (!PREFILTER.test(ctx.source)) return;
  const decls = declarations(ctx);
  const ktorClient = ctx.source.includes('io.ktor.client');
  for (const node of ctx.nodes('call_expression')) {
    const call = ktCall(node);
    if (call?.receiver && call.name) invocation(ctx, call, decls, ktorClient, out);
  }
  if (/@Query|@FeignClient/.test(ctx.source)) declaredClients(ctx, out);
}

function invocation(ctx: FileContext, call: KtCall, decls: Decls, ktorClient: boolean, out: CallList): void {
  const method = call.name!;
  const line = lineOf(call.node);
  const symbol = ctx.symbols.enclosing(line);
  const receiver = receiverName(call.receiver);
  const type = receiver ? typeOf(receiver, decls, ktorClient) : null;
  const first = positional(call)[0] ?? null;
  let client = lookup(JVM_CLIENTS, type);
  if (type === 'HttpClient' && KTOR_VERBS.has(method) && (ktorClient || !client?.methods.has(method))) client = KTOR_CLIENT;
  if (client?.methods.has(method)) {
    out.add(symbol, client.kind, client.client, target(client.target, call, first, decls), line);
    return;
  }
  if (method === 'prepareStatement' || method === 'prepareCall') {
    out.add(symbol, 'sql', 'JDBC', sqlOf(first, decls)?.table ?? null, line);
  } else if ((method === 'executeQuery' || method === 'executeUpdate' || method === 'addBatch') && sqlOf(first, decls)) {
    out.add(symbol, 'sql', 'JDBC', sqlOf(first, decls)?.table ?? null, line);
  } else if (receiver && call.receiver?.type !== 'call_expression') {
    // Spring Data `userRepository.findById(id)`: data access through the code's own object.
    const name = decls.types.get(receiver) ?? receiver;
    if (isDataAccessName(name) && /^[a-z]/.test(method)) out.add(symbol, 'data-access', name, method, line);
  }
}

/** The variable or property a call chain starts from: `this.a.b().c()` → `a`, `X.create().get()` → `X`. */
function receiverName(node: SyntaxNode | null): string | null {
  let obj = node;
  for (let depth = 0; obj && depth < 20; depth++) {
    if (obj.type === 'identifier') return obj.text;
    if (obj.type === 'call_expression' || obj.type === 'parenthesized_expression') obj = obj.namedChild(0);
    else if (obj.type === 'navigation_expression') {
      const first = obj.namedChild(0);
      if (first?.type === 'this_expression') return kids(obj).at(-1)?.text ?? null;
      obj = first;
    } else return null;
  }
  return null;
}

function typeOf(receiver: string, decls: Decls, ktorClient: boolean): string | null {
  const declared = decls.types.get(receiver);
  if (declared) return declared;
  if (lookup(JVM_CLIENTS, receiver)) return receiver; // `WebClient.create()`, `HttpClient.newHttpClient()`
  if (ktorClient && receiver === 'client') return 'HttpClient';
  // Injected by a superclass: trust only the conventional name `restTemplate` for `RestTemplate`.
  const type = receiver.charAt(0).toUpperCase() + receiver.slice(1);
  return lookup(JVM_CLIENTS, type) ? type : null;
}

function target(kind: Target, call: KtCall, first: SyntaxNode | null, decls: Decls): string | null {
  switch (kind) {
    case 'url': case 'key': case 'name': return ktPrefix(first)?.text || null;
    case 'sql': return sqlOf(first, decls)?.table ?? null;
    case 'uri': return chainedUri(call.node);
    case 'entity': return sqlOf(first, decls)?.table ?? entityArg(call);
    case 'none': return null;
  }
}

// `webClient.get().uri("/users/{id}", id)`: the target sits on a later link of the chain.
function chainedUri(node: SyntaxNode): string | null {
  let current = node;
  for (let depth = 0; depth < 10; depth++) {
    const nav = current.parent;
    const next = nav?.parent;
    if (nav?.type !== 'navigation_expression' || nav.namedChild(0)?.id !== current.id || next?.type !== 'call_expression') return null;
    const call = ktCall(next);
    if (call?.name === 'uri') return ktPrefix(positional(call)[0])?.text || null;
    current = next;
  }
  return null;
}

// `em.find(User::class.java, id)`, `mongoTemplate.find(q, User::class.java, "users")`: a collection name, else the entity class.
function entityArg(call: KtCall): string | null {
  const args = positional(call);
  for (const a of args) {
    const v = ktString(a);
    if (v !== null) return v;
  }
  for (const a of args) {
    const m = /^(?:[\w.]+\.)?([A-Z]\w*)::class\b/.exec(a.text);
    if (m) return m[1]!;
  }
  return null;
}

// `jdbc.query(sql, …)` with `val sql = "SELECT …"` declared in the file reads through the variable.
function sqlOf(arg: SyntaxNode | null, decls: Decls): { table: string | null } | null {
  const node = arg?.type === 'identifier' ? decls.strings.get(arg.text) ?? null : arg;
  const prefix = ktPrefix(node);
  if (!prefix || !looksLikeSql(prefix.text)) return null;
  return { table: sqlTable(prefix.text, prefix.complete) };
}

function declarations(ctx: FileContext): Decls {
  const types = new Map<string, string>();
  const strings = new Map<string, SyntaxNode>();
  for (const decl of ctx.nodes('class_parameter', 'parameter', 'property_declaration')) {
    const holder = decl.type === 'property_declaration' ? kids(decl).find((c) => c.type === 'variable_declaration') : decl;
    const parts = kids(holder);
    const name = parts.find((c) => c.type === 'identifier')?.text;
    if (!name) continue;
    const declared = parts.find((c) => c.type === 'user_type' || c.type === 'nullable_type');
    if (declared) types.set(name, typeName(declared));
    if (decl.type !== 'property_declaration') continue;
    const value = kids(decl).at(-1);
    if (!value || value.id === holder?.id) continue;
    if (ktPrefix(value)) strings.set(name, value);
    else if (!declared) {
      const created = createdType(value);
      if (created) types.set(name, created);
    }
  }
  return { types, strings };
}

// `HttpClient(CIO) { … }`, `RestTemplate()`, `WebClient.builder().build()`: the type a value is made from.
function createdType(value: SyntaxNode): string | null {
  const call = ktCall(value);
  if (!call) return null;
  if (!call.receiver) return call.name && /^[A-Z]/.test(call.name) ? call.name : null;
  const root = receiverName(call.receiver);
  return root && lookup(JVM_CLIENTS, root) ? root : null;
}

// Clients declared rather than called: Spring Data `@Query` and `@FeignClient` interfaces.
function declaredClients(ctx: FileContext, out: CallList): void {
  for (const decl of ctx.nodes('class_declaration', 'function_declaration')) {
    for (const a of ktAnnotations(decl)) {
      const line = lineOf(a.node);
      const symbol = ctx.symbols.enclosing(lineOf(decl.childForFieldName('name') ?? decl));
      if (a.name === 'Query' && decl.type === 'function_declaration') {
        const query = argument(a, 'value');
        const prefix = ktPrefix(query);
        if (prefix === null || prefix.text.trimStart().startsWith('{')) continue; // Mongo JSON queries
        const native = a.named.get('nativeQuery')?.text === 'true';
        const table = looksLikeSql(prefix.text) ? sqlTable(prefix.text, prefix.complete) : null;
        out.add(symbol, native ? 'sql' : 'orm', 'Spring Data JPA', table, line);
      } else if (a.name === 'FeignClient' && decl.type === 'class_declaration') {
        const url = a.named.get('url') ?? argument(a, 'name', 'value');
        out.add(symbol, 'http', 'Feign', ktPrefix(url)?.text || null, line);
      }
    }
  }
}
