// C# external calls: HttpClient/RestSharp/Refit, ADO.NET and Dapper SQL, EF Core, StackExchange.Redis, brokers, Mongo, Elasticsearch.
import type { SyntaxNode } from './common.js';
import { lineOf, tailName } from './common.js';
import type { FileContext } from './context.js';
import { stringPrefix, stringValue } from './literals.js';
import type { CsCall } from './csharpSyntax.js';
import { csAttributes, csCall, csDeclaredTypes, csRoot } from './csharpSyntax.js';
import type { CallList, FoundCall } from './results.js';
import { sqlIn } from './sql.js';

const HTTP = /^(Get|GetString|GetStream|GetByteArray|GetFromJson|Post|PostAsJson|Put|PutAsJson|Patch|PatchAsJson|Delete|DeleteFromJson|Send)Async$/;
const DAPPER = /^(Query|QueryFirst|QueryFirstOrDefault|QuerySingle|QuerySingleOrDefault|QueryMultiple|Execute|ExecuteScalar|ExecuteReader)(Async)?$/;
const EF_SQL = /^(FromSqlRaw|FromSqlInterpolated|FromSql|ExecuteSqlRaw|ExecuteSqlRawAsync|ExecuteSqlInterpolated|ExecuteSqlInterpolatedAsync|SqlQueryRaw)$/;
const REDIS = /^(String|Hash|List|Set|SortedSet|Key|Stream)[A-Z]\w*?(Async)?$|^Publish(Async)?$/;
const COMMANDS = new Set(['SqlCommand', 'NpgsqlCommand', 'MySqlCommand', 'SqliteCommand', 'OracleCommand', 'SQLiteCommand']);
const REFIT = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head']);

export function csharpCalls(ctx: FileContext, out: CallList): void {
  const src = ctx.source;
  const libs = {
    redis: src.includes('StackExchange.Redis'), kafka: src.includes('Confluent.Kafka'), rabbit: src.includes('RabbitMQ.Client'),
    mongo: src.includes('MongoDB.Driver'), elastic: /\bNest\b|Elastic\.Clients/.test(src), ef: /EntityFrameworkCore|DbContext/.test(src),
    sqs: src.includes('Amazon.SQS'), serviceBus: src.includes('Azure.Messaging.ServiceBus'),
  };
  const types = csDeclaredTypes(ctx.nodes('variable_declaration', 'property_declaration', 'parameter'));
  for (const node of ctx.nodes('invocation_expression')) {
    const c = csCall(node);
    if (c) out.at(node, callTarget(c, types, libs));
  }
  for (const node of ctx.nodes('object_creation_expression')) {
    const type = tailName(node.childForFieldName('type')?.text ?? '');
    const first = node.childForFieldName('arguments')?.namedChild(0)?.namedChild(0);
    if (COMMANDS.has(type)) out.at(node, { kind: 'sql', client: 'ADO.NET', target: sqlTarget(first) });
    else if (type === 'RestRequest') out.at(node, { kind: 'http', client: 'RestSharp', target: stringPrefix(first) });
  }
  for (const node of ctx.nodes('assignment_expression')) {
    // `cmd.CommandText = "SELECT …"`.
    if (/\.?CommandText$/.test(node.childForFieldName('left')?.text ?? '') && sqlIn(node.childForFieldName('right'))) {
      out.at(node, { kind: 'sql', client: 'ADO.NET', target: sqlTarget(node.childForFieldName('right')) });
    }
  }
  if (src.includes('Refit')) refit(ctx, out);
}

function callTarget(c: CsCall, types: Map<string, string>, libs: Record<string, boolean>): FoundCall | null {
  const root = csRoot(c.receiver);
  const type = root ? types.get(root) ?? null : null;
  const [a0, a1] = c.args;
  if (HTTP.test(c.method) && (type === 'HttpClient' || (!type && root !== null && /^_?http(Client)?$/i.test(root)))) {
    return { kind: 'http', client: 'HttpClient', target: c.method === 'SendAsync' ? null : stringPrefix(a0) };
  }
  if (DAPPER.test(c.method) && c.receiver && sqlIn(a0)) return { kind: 'sql', client: 'Dapper', target: sqlTarget(a0) };
  if (EF_SQL.test(c.method)) return { kind: 'orm', client: 'EF Core', target: sqlTarget(a0) };
  if (libs.ef && root && (type?.endsWith('DbContext') || (!type && /^_?(db|context|dbContext)$/i.test(root)))) {
    const target = efTarget(c);
    if (target) return { kind: 'orm', client: 'EF Core', target };
  }
  if (libs.redis && REDIS.test(c.method) && c.receiver) return { kind: 'redis', client: 'StackExchange.Redis', target: stringPrefix(a0) };
  if (libs.kafka && (c.method === 'ProduceAsync' || c.method === 'Produce') && c.receiver) return { kind: 'queue', client: 'Confluent.Kafka', target: stringPrefix(a0) };
  if (libs.rabbit && (c.method === 'BasicPublish' || c.method === 'BasicPublishAsync') && c.receiver) {
    return { kind: 'queue', client: 'RabbitMQ.Client', target: stringValue(a0) || stringPrefix(a1) };
  }
  if (libs.serviceBus && c.method === 'CreateSender' && c.receiver) return { kind: 'queue', client: 'ServiceBus', target: stringPrefix(a0) };
  if (libs.sqs && c.method === 'SendMessageAsync' && c.receiver) return { kind: 'queue', client: 'SQS', target: stringPrefix(a0) };
  if (libs.mongo && c.method === 'GetCollection' && stringValue(a0) !== null) return { kind: 'mongo', client: 'MongoDB.Driver', target: stringValue(a0) };
  if (libs.elastic && c.method === 'Index' && stringValue(a0) !== null && c.receiver) return { kind: 'elasticsearch', client: 'Elasticsearch', target: stringValue(a0) };
  return null;
}

// `_db.Users.Where(…)` → `Users`; `_db.Set<User>()` → `User`; `_db.SaveChangesAsync()` is not a table.
function efTarget(c: CsCall): string | null {
  if (c.method === 'Set' && c.typeArg) return c.typeArg;
  let n = c.receiver;
  while (n?.type === 'invocation_expression') n = n.childForFieldName('function')?.childForFieldName('expression') ?? null;
  if (n?.type !== 'member_access_expression') return null;
  const inner = n.childForFieldName('expression');
  const isRoot = inner?.type === 'identifier' || inner?.type === 'this_expression' || (inner?.type === 'member_access_expression' && inner.childForFieldName('expression')?.type === 'this_expression');
  const prop = n.childForFieldName('name')?.text ?? null;
  return isRoot && prop && /^[A-Z]/.test(prop) ? prop : null;
}

function sqlTarget(node: SyntaxNode | null | undefined): string | null {
  return sqlIn(node)?.table ?? null;
}

/** Refit interfaces: `[Get("/users/{id}")] Task<User> GetUser(int id);`. */
function refit(ctx: FileContext, out: CallList): void {
  for (const method of ctx.nodes('method_declaration')) {
    if (method.parent?.parent?.type !== 'interface_declaration') continue;
    for (const a of csAttributes(method)) {
      if (!REFIT.has(a.name) || a.positional.length === 0) continue;
      const line = lineOf(a.node);
      out.add(ctx.symbols.enclosing(lineOf(method.childForFieldName('name') ?? method)), 'http', 'Refit', stringPrefix(a.positional[0]), line);
    }
  }
}
