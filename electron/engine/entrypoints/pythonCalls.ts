// Python external calls: HTTP clients, DB-API SQL, SQLAlchemy/Django ORMs, redis-py, brokers, pymongo, Elasticsearch.
import type { ExternalKind } from '../../base/fileAnalysis.js';
import type { SyntaxNode } from './common.js';
import { isDataAccessName, lookup } from './common.js';
import type { FileContext } from './context.js';
import { stringPrefix, stringValue } from './literals.js';
import type { PyCall, PyScope } from './pythonSyntax.js';
import { pyCall, rootModule } from './pythonSyntax.js';
import type { CallList, FoundCall } from './results.js';
import { sqlIn } from './sql.js';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const HTTP_MODULES = set('requests', 'httpx', 'aiohttp');
const VERBS = set('get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'request', 'stream');
const SQL_METHODS = set('execute', 'executemany', 'executescript', 'fetch', 'fetchrow', 'fetchval', 'read_sql', 'read_sql_query');
const SQL_DRIVERS = ['psycopg2', 'psycopg', 'asyncpg', 'pymysql', 'MySQLdb', 'mysql', 'sqlite3', 'aiosqlite', 'aiomysql', 'pyodbc', 'oracledb', 'cx_Oracle', 'sqlalchemy', 'pandas'];
const REDIS = set('get', 'set', 'setex', 'setnx', 'delete', 'exists', 'expire', 'incr', 'incrby', 'decr', 'hget', 'hset', 'hgetall', 'hdel', 'lpush', 'rpush',
  'lpop', 'rpop', 'lrange', 'sadd', 'srem', 'smembers', 'zadd', 'zrange', 'publish', 'mget', 'ttl', 'getdel');
const MONGO = set('find', 'find_one', 'insert_one', 'insert_many', 'update_one', 'update_many', 'delete_one', 'delete_many', 'replace_one',
  'aggregate', 'count_documents', 'find_one_and_update', 'bulk_write');
const ELASTIC = set('search', 'index', 'get', 'update', 'delete', 'bulk', 'count', 'msearch', 'delete_by_query');

interface Producer { client: string; methods: ReadonlySet<string>; kind: ExternalKind }
// Values made by these constructors/factories, keyed by `module:made`.
const MADE: Record<string, Producer> = {
  'redis:Redis': { client: 'redis-py', methods: REDIS, kind: 'redis' },
  'redis:StrictRedis': { client: 'redis-py', methods: REDIS, kind: 'redis' },
  'redis:from_url': { client: 'redis-py', methods: REDIS, kind: 'redis' },
  'kafka:KafkaProducer': { client: 'kafka-python', methods: set('send'), kind: 'queue' },
  'confluent_kafka:Producer': { client: 'confluent-kafka', methods: set('produce'), kind: 'queue' },
  'elasticsearch:Elasticsearch': { client: 'elasticsearch-py', methods: ELASTIC, kind: 'elasticsearch' },
  'elasticsearch:AsyncElasticsearch': { client: 'elasticsearch-py', methods: ELASTIC, kind: 'elasticsearch' },
};

export function pythonCalls(ctx: FileContext, scope: PyScope, out: CallList): void {
  const driver = SQL_DRIVERS.find((m) => scope.modules.has(m)) ?? 'DB-API';
  const mongo = scope.modules.has('pymongo') || scope.modules.has('motor');
  for (const node of ctx.nodes('call')) {
    const c = pyCall(node);
    if (!c) continue;
    out.at(node, httpCall(c, scope) ?? sqlCall(c, driver) ?? ormCall(c, scope) ?? madeCall(c, scope) ?? brokerCall(c, scope) ?? (mongo ? mongoCall(c) : null) ?? dataAccess(c));
  }
}

function httpCall(c: PyCall, scope: PyScope): FoundCall | null {
  const module = c.receiver ? rootModule(c.receiver, scope) : scope.imports.get(c.name) ?? null;
  if (c.name === 'urlopen' && module === 'urllib') return { kind: 'http', client: 'urllib', target: url(c) };
  if (!c.receiver || module === null || !HTTP_MODULES.has(module) || !VERBS.has(c.name)) return null;
  if (inProcessClient(c.receiver, scope)) return null;
  return { kind: 'http', client: module, target: url(c) };
}

/** `httpx.AsyncClient(app=app)`, `httpx.Client(transport=ASGITransport(app))`: requests served in this process, by tests. */
function inProcessClient(receiver: SyntaxNode, scope: PyScope): boolean {
  const binding = receiver.type === 'identifier' ? scope.bindings.get(receiver.text) : undefined;
  if (!binding) return false;
  const transport = binding.call.keywords.get('transport')?.text ?? '';
  return binding.made === 'TestClient' || binding.call.keywords.has('app') || /(ASGI|WSGI)Transport/.test(transport);
}

// `self.user_repository.get(id)`, `order_dao.insert(order)`: a call through a repository or DAO object.
function dataAccess(c: PyCall): FoundCall | null {
  const recv = c.receiver;
  const name = recv?.type === 'attribute' ? recv.childForFieldName('attribute')?.text : recv?.type === 'identifier' ? recv.text : undefined;
  if (!name || !isDataAccessName(name) || c.name.startsWith('_')) return null;
  return { kind: 'data-access', client: name, target: c.name };
}

function url(c: PyCall): string | null {
  // `session.request('GET', url)` puts the method first.
  const arg = c.keywords.get('url') ?? (c.name === 'request' ? c.positional[1] : c.positional[0]);
  return stringPrefix(arg);
}

function sqlCall(c: PyCall, driver: string): FoundCall | null {
  if (!SQL_METHODS.has(c.name)) return null;
  let arg = c.keywords.get('sql') ?? c.positional[0];
  // SQLAlchemy wraps raw SQL in `text("…")`.
  const wrapped = arg?.type === 'call' ? pyCall(arg) : null;
  if (wrapped?.name === 'text') arg = wrapped.positional[0];
  const sql = sqlIn(arg);
  return sql ? { kind: 'sql', client: wrapped?.name === 'text' ? 'sqlalchemy' : driver, target: sql.table } : null;
}

/** `session.query(User)`, `User.query.filter_by(…)` (Flask-SQLAlchemy), `User.objects.filter(…)` (Django). */
function ormCall(c: PyCall, scope: PyScope): FoundCall | null {
  const first = c.positional[0];
  if (c.name === 'query' && c.receiver && /session$/i.test(c.receiver.text) && first?.type === 'identifier' && /^[A-Z]/.test(first.text)) {
    return { kind: 'orm', client: 'sqlalchemy', target: first.text };
  }
  if (c.receiver?.type !== 'attribute') return null;
  const model = c.receiver.childForFieldName('object');
  const attr = c.receiver.childForFieldName('attribute')?.text;
  if (model?.type !== 'identifier' || !/^[A-Z]/.test(model.text)) return null;
  if (attr === 'objects') return { kind: 'orm', client: 'django', target: model.text };
  if (attr === 'query' && scope.modules.has('flask_sqlalchemy')) return { kind: 'orm', client: 'sqlalchemy', target: model.text };
  return null;
}

/** Calls on a value made by a known client constructor: `r = redis.Redis(); r.get('user:1')`. */
function madeCall(c: PyCall, scope: PyScope): FoundCall | null {
  const name = c.receiver?.type === 'identifier' ? c.receiver.text : c.receiver?.type === 'attribute' && c.receiver.childForFieldName('object')?.text === 'self' ? c.receiver.childForFieldName('attribute')?.text : null;
  const binding = name ? scope.bindings.get(name) : undefined;
  if (!binding) return null;
  if (binding.made === 'client' && binding.module === 'boto3' && stringValue(binding.call.positional[0]) === 'sqs' && c.name.startsWith('send_message')) {
    return { kind: 'queue', client: 'boto3', target: stringPrefix(c.keywords.get('QueueUrl')) };
  }
  const producer = lookup(MADE, `${binding.module}:${binding.made}`);
  if (!producer?.methods.has(c.name)) return null;
  const target = producer.kind === 'elasticsearch' ? stringPrefix(c.keywords.get('index')) : stringPrefix(c.positional[0] ?? c.keywords.get('topic') ?? c.keywords.get('name'));
  return { kind: producer.kind, client: producer.client, target };
}

function brokerCall(c: PyCall, scope: PyScope): FoundCall | null {
  if (c.name === 'basic_publish' && scope.modules.has('pika')) {
    const exchange = stringValue(c.keywords.get('exchange') ?? c.positional[0]);
    const key = stringPrefix(c.keywords.get('routing_key') ?? c.positional[1]);
    return { kind: 'queue', client: 'pika', target: exchange ? exchange : key };
  }
  if (c.name === 'send_task' && c.receiver && scope.modules.has('celery')) return { kind: 'queue', client: 'celery', target: stringValue(c.positional[0]) };
  return null;
}

/** `db.users.find_one(…)`, `db['users'].insert_one(…)`, `db.get_collection('users').find(…)`. */
function mongoCall(c: PyCall): FoundCall | null {
  if (!MONGO.has(c.name) || !c.receiver) return null;
  const target = collectionName(c.receiver);
  return target === null ? null : { kind: 'mongo', client: 'pymongo', target };
}

function collectionName(recv: SyntaxNode): string | null {
  if (recv.type === 'attribute') return recv.childForFieldName('attribute')?.text ?? null;
  if (recv.type === 'subscript') return stringValue(recv.childForFieldName('subscript'));
  const inner = recv.type === 'call' ? pyCall(recv) : null;
  return inner?.name === 'get_collection' ? stringValue(inner.positional[0]) : null;
}
