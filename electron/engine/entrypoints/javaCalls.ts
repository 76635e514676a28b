// Java external calls: clients recognised by their declared type, plus JDBC/JPA/Feign/Retrofit signals.
import type { SyntaxNode } from './common.js';
import { argument, isDataAccessName, kids, lineOf, lookup } from './common.js';
import type { FileContext } from './context.js';
import { stringPrefix, stringValue } from './literals.js';
import type { CallList } from './results.js';
import { sqlIn } from './sql.js';
import type { JavaDeclarations } from './javaSyntax.js';
import type { Client, Target } from './jvmClients.js';
import { JVM_CLIENTS, set } from './jvmClients.js';
import { javaAnnotations, javaDeclarations, javaReceiver, simpleType } from './javaSyntax.js';

// Constructors whose first argument names the topic or index the call goes to.
const CREATIONS: Record<string, Omit<Client, 'methods' | 'target'>> = {
  ProducerRecord: { kind: 'queue', client: 'KafkaProducer' },
  SearchRequest: { kind: 'elasticsearch', client: 'RestHighLevelClient' },
  IndexRequest: { kind: 'elasticsearch', client: 'RestHighLevelClient' },
};
const RETROFIT = set('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'HTTP');
const PREFILTER = /Repository|Dao\b|DAO\b|Template|Client|Jdbc|prepareStatement|execute(Query|Update)|EntityManager|entityManager|Jedis|ProducerRecord|Request\(|@Query|Feign|retrofit|MongoDatabase|MongoCollection|SQS|createQuery/;

export function javaCalls(ctx: FileContext, out: CallList): void {
  if (!PREFILTER.test(ctx.source)) return;
  const decls = javaDeclarations(ctx.nodes('field_declaration', 'local_variable_declaration', 'formal_parameter', 'spread_parameter'));
  for (const call of ctx.nodes('method_invocation')) invocation(ctx, call, decls, out);
  for (const created of ctx.nodes('object_creation_expression')) {
    const spec = lookup(CREATIONS, simpleType(created.childForFieldName('type')));
    if (!spec) continue;
    out.at(created, { ...spec, target: stringPrefix(firstArg(created)) });
  }
  if (ctx.source.includes('@')) declaredClients(ctx, out);
}

function invocation(ctx: FileContext, call: SyntaxNode, decls: JavaDeclarations, out: CallList): void {
  const method = call.childForFieldName('name')?.text ?? '';
  const line = lineOf(call);
  const symbol = ctx.symbols.enclosing(line);
  const first = firstArg(call);
  const receiver = javaReceiver(call);
  const type = receiver ? typeOf(receiver, decls) : null;
  const client = lookup(JVM_CLIENTS, type);
  if (client?.methods.has(method)) {
    out.add(symbol, client.kind, client.client, target(client.target, call, first, decls), line);
    return;
  }
  // These names belong to JDBC (and JPA's query factories) whatever the receiver is called.
  if (method === 'prepareStatement' || method === 'prepareCall') {
    out.add(symbol, 'sql', 'JDBC', sqlTarget(first, decls), line);
  } else if ((method === 'executeQuery' || method === 'executeUpdate' || method === 'addBatch') && sqlOf(first, decls)) {
    out.add(symbol, 'sql', 'JDBC', sqlTarget(first, decls), line);
  } else if ((method === 'createQuery' || method === 'createNativeQuery') && sqlOf(first, decls)) {
    out.add(symbol, 'orm', 'EntityManager', sqlTarget(first, decls), line);
  } else if (receiver) {
    // Spring Data `OwnerRepository owners; owners.findById(id)`, or a `UserDao`: data access through the code's own object.
    const declared = decls.types.get(receiver) ?? null;
    const name = declared ?? receiver;
    if (isDataAccessName(name) && /^[a-z]/.test(method)) out.add(symbol, 'data-access', name, method, line);
  }
}

function typeOf(receiver: string, decls: JavaDeclarations): string | null {
  const declared = decls.types.get(receiver);
  if (declared) return declared;
  if (lookup(JVM_CLIENTS, receiver)) return receiver; // static factories: `WebClient.create()`, `HttpClient.newHttpClient()`
  // Injected by a superclass or Lombok: trust only the conventional name `restTemplate` for `RestTemplate`.
  const type = receiver.charAt(0).toUpperCase() + receiver.slice(1);
  return lookup(JVM_CLIENTS, type) ? type : null;
}

function target(kind: Target, call: SyntaxNode, first: SyntaxNode | null, decls: JavaDeclarations): string | null {
  switch (kind) {
    case 'url': case 'key': case 'name': return stringPrefix(first);
    case 'sql': return sqlTarget(first, decls);
    case 'uri': return chainedUri(call);
    case 'entity': return sqlTarget(first, decls) ?? entityArg(call);
    case 'none': return null;
  }
}

// `webClient.get().uri("/users/{id}", id)`: the target sits on a later link of the chain.
function chainedUri(call: SyntaxNode): string | null {
  let current = call;
  for (let p = call.parent; p?.type === 'method_invocation' && p.childForFieldName('object')?.id === current.id; p = p.parent) {
    if (p.childForFieldName('name')?.text === 'uri') return stringPrefix(firstArg(p));
    current = p;
  }
  return null;
}

// `em.find(User.class, id)`, `mongoTemplate.find(q, User.class, "users")`: a collection name, else the entity class.
function entityArg(call: SyntaxNode): string | null {
  const args = kids(call.childForFieldName('arguments'));
  for (const a of args) {
    const v = stringValue(a);
    if (v !== null) return v;
  }
  const cls = args.find((a) => a.type === 'class_literal');
  return cls ? simpleType(cls.namedChild(0)) : null;
}

// `prepareStatement(sql)` with `String sql = "SELECT …"` declared in the file reads through the variable.
function sqlOf(arg: SyntaxNode | null, decls: JavaDeclarations): { table: string | null } | null {
  return sqlIn(arg?.type === 'identifier' ? decls.strings.get(arg.text) ?? null : arg);
}

function sqlTarget(arg: SyntaxNode | null, decls: JavaDeclarations): string | null {
  return sqlOf(arg, decls)?.table ?? null;
}

function firstArg(call: SyntaxNode): SyntaxNode | null {
  return call.childForFieldName('arguments')?.namedChild(0) ?? null;
}

// Clients declared rather than called: Spring Data `@Query`, `@FeignClient` interfaces, Retrofit methods.
function declaredClients(ctx: FileContext, out: CallList): void {
  for (const decl of ctx.nodes('interface_declaration', 'method_declaration')) {
    for (const a of javaAnnotations(decl)) {
      const line = lineOf(a.node);
      const symbol = ctx.symbols.enclosing(lineOf(decl.childForFieldName('name') ?? decl));
      if (a.name === 'Query') {
        const query = argument(a, 'value');
        const text = stringPrefix(query);
        if (text === null || text.trimStart().startsWith('{')) continue; // Mongo JSON queries
        const native = a.named.get('nativeQuery')?.text === 'true';
        out.add(symbol, native ? 'sql' : 'orm', 'Spring Data JPA', sqlIn(query)?.table ?? null, line);
      } else if (a.name === 'FeignClient' && decl.type === 'interface_declaration') {
        out.add(symbol, 'http', 'Feign', stringPrefix(a.named.get('url') ?? argument(a, 'name', 'value')), line);
      } else if (RETROFIT.has(a.name) && a.positional.length + a.named.size > 0 && decl.type === 'method_declaration') {
        out.add(symbol, 'http', 'Retrofit', stringPrefix(argument(a, 'value', 'path')), line);
      }
    }
  }
}
