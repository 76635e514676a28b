// Go external calls: net/http and resty, database/sql and friends, gorm, go-redis, Kafka/AMQP producers, Mongo, Elasticsearch.
import type { SyntaxNode } from './common.js';
import { isDataAccessName, lookup } from './common.js';
import type { FileContext } from './context.js';
import { stringPrefix, stringValue } from './literals.js';
import type { GoCall, GoFile } from './goSyntax.js';
import { compositeFields, goFile, importsAny, selectorCalls } from './goSyntax.js';
import type { CallList, FoundCall } from './results.js';
import { sqlIn } from './sql.js';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const HTTP_FUNCS = set('Get', 'Post', 'PostForm', 'Head', 'NewRequest', 'NewRequestWithContext');
const RESTY = set('Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'Execute');
const SQL = set('Query', 'QueryRow', 'Exec', 'QueryContext', 'QueryRowContext', 'ExecContext', 'Prepare', 'PrepareContext', 'Get', 'Select',
  'GetContext', 'SelectContext', 'NamedExec', 'NamedQuery', 'Raw', 'MustExec', 'Queryx', 'QueryRowx');
const REDIS = set('Get', 'Set', 'SetNX', 'SetEx', 'Del', 'Exists', 'Expire', 'Incr', 'IncrBy', 'Decr', 'HGet', 'HSet', 'HGetAll', 'HDel',
  'LPush', 'RPush', 'LPop', 'RPop', 'LRange', 'SAdd', 'SRem', 'SMembers', 'ZAdd', 'ZRange', 'Publish', 'MGet', 'TTL', 'GetDel');
// Composite literals that name the topic a producer writes to.
const MESSAGES: Record<string, string> = { ProducerMessage: 'sarama', Message: 'kafka-go', Writer: 'kafka-go', WriterConfig: 'kafka-go' };

interface Libs { sqlClient: string; gorm: boolean; redis: boolean; amqp: boolean; mongo: boolean; elastic: boolean; resty: boolean; kafka: boolean; httptest: boolean }

export function goCalls(ctx: FileContext, out: CallList): void {
  const file = goFile(ctx);
  const libs: Libs = {
    sqlClient: importsAny(file, 'jmoiron/sqlx') ? 'sqlx' : importsAny(file, 'jackc/pgx') ? 'pgx' : 'database/sql',
    gorm: importsAny(file, 'gorm.io/gorm', 'jinzhu/gorm'),
    redis: importsAny(file, 'go-redis/redis', 'redis/go-redis'),
    amqp: importsAny(file, 'streadway/amqp', 'amqp091'),
    mongo: importsAny(file, 'mongo-driver'),
    elastic: importsAny(file, 'olivere/elastic', 'elastic/go-elasticsearch'),
    resty: importsAny(file, 'go-resty/resty'),
    kafka: importsAny(file, 'sarama', 'segmentio/kafka-go'),
    httptest: importsAny(file, 'net/http/httptest'),
  };
  for (const c of selectorCalls(ctx)) out.at(c.node, callTarget(c, file, libs));
  if (!libs.kafka) return;
  for (const lit of ctx.nodes('composite_literal')) {
    const type = lit.childForFieldName('type')?.text ?? '';
    const client = lookup(MESSAGES, type.slice(type.lastIndexOf('.') + 1));
    const topic = client && type.includes('.') ? compositeFields(lit).get('Topic') : undefined;
    if (client && topic) out.at(lit, { kind: 'queue', client, target: stringPrefix(topic) });
  }
}

function callTarget(c: GoCall, file: GoFile, libs: Libs): FoundCall | null {
  const [a0, a1, a2] = c.args;
  const onPackage = (path: string): boolean => c.receiver.type === 'identifier' && c.receiver.text === file.imports.get(path);
  if (onPackage('net/http') && HTTP_FUNCS.has(c.method)) {
    const url = c.method === 'NewRequest' ? a1 : c.method === 'NewRequestWithContext' ? a2 : a0;
    // A request built for a handler under test (httptest, or a bare "/path" no client could send) leaves no process.
    if (c.method.startsWith('NewRequest') && (libs.httptest || stringPrefix(url)?.startsWith('/'))) return null;
    return { kind: 'http', client: 'net/http', target: stringPrefix(url) };
  }
  if (libs.resty && RESTY.has(c.method) && /\.R\(\)/.test(c.receiver.text)) return { kind: 'http', client: 'resty', target: stringPrefix(c.method === 'Execute' ? a1 : a0) };
  const sql = SQL.has(c.method) ? sqlArg(c.args) : null;
  if (sql) return { kind: 'sql', client: libs.gorm && (c.method === 'Raw' || c.method === 'Exec') ? 'gorm' : libs.sqlClient, target: sql.table };
  if (libs.gorm && (c.method === 'Table' || c.method === 'Model')) return { kind: 'orm', client: 'gorm', target: gormTarget(c.method, a0) };
  if (libs.redis && REDIS.has(c.method) && a0 && isContext(a0) && a1) return { kind: 'redis', client: 'go-redis', target: stringPrefix(a1) };
  if (libs.amqp && (c.method === 'Publish' || c.method === 'PublishWithContext')) {
    const [exchange, key] = c.method === 'Publish' ? [a0, a1] : [a1, a2];
    return { kind: 'queue', client: 'amqp', target: stringValue(exchange) || stringPrefix(key) };
  }
  if (libs.mongo && c.method === 'Collection' && stringValue(a0) !== null) return { kind: 'mongo', client: 'mongo-driver', target: stringValue(a0) };
  if (libs.elastic && (c.method === 'Index' || c.method === 'WithIndex') && stringValue(a0) !== null) return { kind: 'elasticsearch', client: 'elasticsearch', target: stringValue(a0) };
  return dataAccess(c);
}

// `s.userRepo.FindByID(ctx, id)`, `h.orderDAO.Insert(o)`: an exported method on a repository or DAO field.
function dataAccess(c: GoCall): FoundCall | null {
  const name = c.receiver.type === 'selector_expression' ? c.receiver.childForFieldName('field')?.text : c.receiver.type === 'identifier' ? c.receiver.text : undefined;
  if (!name || !isDataAccessName(name) || !/^[A-Z]/.test(c.method)) return null;
  return { kind: 'data-access', client: name, target: c.method };
}

/** The SQL among the first arguments (a context may come first). */
function sqlArg(args: SyntaxNode[]): { table: string | null } | null {
  for (const arg of args.slice(0, 2)) {
    if (stringPrefix(arg) !== null) return sqlIn(arg);
  }
  return null;
}

// `db.Table("users")`, `db.Model(&User{})`.
function gormTarget(method: string, arg: SyntaxNode | undefined): string | null {
  if (method === 'Table') return stringValue(arg);
  const lit = arg?.type === 'unary_expression' ? arg.namedChild(0) : arg;
  return lit?.type === 'composite_literal' ? lit.childForFieldName('type')?.text ?? null : null;
}

function isContext(arg: SyntaxNode): boolean {
  return /^(ctx|c|context\.(Background|TODO)\(\)|\w+\.Context\(\)|\w*[cC]tx)$/.test(arg.text);
}
