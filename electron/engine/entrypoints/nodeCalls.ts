// JS/TS external calls: clients recognised through imports, bindings and TS types; SQL by its text.
import type { ExternalKind } from '../../base/fileAnalysis.js';
import type { SyntaxNode } from './common.js';
import { isDataAccessName, kids, lookup } from './common.js';
import type { FileContext } from './context.js';
import { stringPrefix, stringValue } from './literals.js';
import type { JsBinding, JsScope, MemberCall } from './nodeSyntax.js';
import { bindingName, chainBinding, jsScope, memberCall, objectProperty, receiverBinding } from './nodeSyntax.js';
import type { CallList } from './results.js';
import { sqlIn } from './sql.js';

type Target = 'url' | 'key' | 'sql' | 'first' | 'topic' | 'exchange' | 'index' | 'model' | 'typeArg' | 'none';
interface Client {
  kind: ExternalKind;
  client: string;
  methods: ReadonlySet<string>;
  target: Target;
  /** Imported names that are themselves the client when called (`instance`: a value the module's factory made). */
  callable?: ReadonlySet<string>;
  /** Methods distinctive enough to trust on any receiver once the module is imported (`channel.sendToQueue`). */
  loose?: ReadonlySet<string>;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const VERBS = set('get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'request');
const REDIS = set('get', 'set', 'setex', 'setEx', 'setnx', 'setNX', 'del', 'exists', 'expire', 'incr', 'incrby', 'incrBy', 'decr', 'hget', 'hGet', 'hset', 'hSet',
  'hgetall', 'hGetAll', 'hdel', 'hDel', 'lpush', 'lPush', 'rpush', 'rPush', 'lpop', 'lPop', 'rpop', 'rPop', 'lrange', 'lRange', 'sadd', 'sAdd', 'srem', 'sRem',
  'smembers', 'sMembers', 'zadd', 'zAdd', 'zrange', 'zRange', 'publish', 'mget', 'mGet', 'ttl', 'getdel', 'getDel');
const REPOSITORY = set('find', 'findOne', 'findBy', 'findOneBy', 'findAndCount', 'findOneOrFail', 'save', 'insert', 'update', 'upsert', 'delete', 'remove',
  'softDelete', 'count', 'exist', 'exists', 'createQueryBuilder', 'query', 'increment');
const MONGOOSE = set('find', 'findOne', 'findById', 'create', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'findOneAndUpdate',
  'findByIdAndUpdate', 'findByIdAndDelete', 'countDocuments', 'aggregate', 'exists', 'replaceOne');
const PRISMA = set('findMany', 'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'create', 'createMany', 'update', 'updateMany',
  'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy');
// Model class methods only these ORMs have: `User.findByPk(id)`, `Order.findByIdAndUpdate(id, patch)`.
const SEQUELIZE_MODEL = set('findAll', 'findByPk', 'findAndCountAll', 'findOrCreate', 'bulkCreate');
const MONGOOSE_MODEL = set('findById', 'findByIdAndUpdate', 'findByIdAndDelete', 'findOneAndUpdate', 'countDocuments', 'insertMany');
const ELASTIC = set('search', 'index', 'get', 'update', 'delete', 'bulk', 'count', 'msearch', 'deleteByQuery', 'updateByQuery');
const NONE = set();

const http = (client: string, methods = VERBS, callable?: ReadonlySet<string>): Client => ({ kind: 'http', client, methods, target: 'url', callable });
const DEFAULT = set('default', '*');
const MODULES: Record<string, Client> = {
  axios: http('axios', VERBS, DEFAULT),
  got: http('got', VERBS, DEFAULT),
  'node-fetch': http('fetch', NONE, DEFAULT),
  'cross-fetch': http('fetch', NONE, DEFAULT),
  undici: http('undici', set('request', 'fetch'), set('request', 'fetch')),
  superagent: http('superagent'),
  http: http('http', set('request', 'get')),
  https: http('http', set('request', 'get')),
  'node:http': http('http', set('request', 'get')),
  'node:https': http('http', set('request', 'get')),
  '@nestjs/axios': http('HttpService'),
  '@angular/common/http': http('HttpClient'),
  pg: { kind: 'sql', client: 'pg', methods: set('query'), target: 'sql' },
  mysql: { kind: 'sql', client: 'mysql', methods: set('query', 'execute'), target: 'sql' },
  mysql2: { kind: 'sql', client: 'mysql', methods: set('query', 'execute'), target: 'sql' },
  'mysql2/promise': { kind: 'sql', client: 'mysql', methods: set('query', 'execute'), target: 'sql' },
  'better-sqlite3': { kind: 'sql', client: 'better-sqlite3', methods: set('prepare', 'exec'), target: 'sql' },
  sqlite3: { kind: 'sql', client: 'sqlite3', methods: set('run', 'get', 'all', 'each', 'exec', 'prepare'), target: 'sql' },
  knex: { kind: 'sql', client: 'knex', methods: set('raw'), target: 'sql', callable: set('instance') },
  ioredis: { kind: 'redis', client: 'ioredis', methods: REDIS, target: 'key' },
  redis: { kind: 'redis', client: 'redis', methods: REDIS, target: 'key' },
  kafkajs: { kind: 'queue', client: 'kafkajs', methods: set('send', 'sendBatch'), target: 'topic' },
  amqplib: { kind: 'queue', client: 'amqplib', methods: set('sendToQueue', 'publish'), target: 'exchange', loose: set('sendToQueue') },
  'amqplib/callback_api': { kind: 'queue', client: 'amqplib', methods: set('sendToQueue', 'publish'), target: 'exchange', loose: set('sendToQueue') },
  mongodb: { kind: 'mongo', client: 'mongodb', methods: set('collection'), target: 'first' },
  mongoose: { kind: 'mongo', client: 'mongoose', methods: set('model'), target: 'first' },
  '@elastic/elasticsearch': { kind: 'elasticsearch', client: '@elastic/elasticsearch', methods: ELASTIC, target: 'index' },
  typeorm: { kind: 'orm', client: 'typeorm', methods: set('getRepository', 'getCustomRepository'), target: 'first', callable: set('getRepository', 'getCustomRepository') },
  'aws-sdk': { kind: 'queue', client: 'SQS', methods: set('sendMessage', 'sendMessageBatch'), target: 'none' },
};
// Typed injections (`constructor(private repo: Repository<User>)`): the type says which client, the argument what it touches.
const TYPED: Record<string, Client> = {
  Repository: { kind: 'orm', client: 'typeorm', methods: REPOSITORY, target: 'typeArg' },
  Model: { kind: 'mongo', client: 'mongoose', methods: MONGOOSE, target: 'typeArg' },
  HttpService: http('HttpService'),
};
const PRISMA_TYPES = new Set(['PrismaClient', 'PrismaService']);
const SQL_METHODS = set('query', 'execute', 'raw', 'exec', 'prepare');
const SQL_MODULES = ['pg', 'mysql2', 'mysql', 'better-sqlite3', 'sqlite3', 'knex', 'sequelize', 'typeorm'];
// Every method name any rule above reads: other member calls are skipped before any work.
const CALL_METHODS = new Set<string>([...SQL_METHODS, ...PRISMA, 'fetch', ...Object.values(MODULES).flatMap((c) => [...c.methods]), ...Object.values(TYPED).flatMap((c) => [...c.methods])]);
const COMMANDS: Record<string, Client> = {
  SendMessageCommand: { kind: 'queue', client: 'SQS', methods: NONE, target: 'none' },
  SendMessageBatchCommand: { kind: 'queue', client: 'SQS', methods: NONE, target: 'none' },
};

export function nodeCalls(ctx: FileContext, out: CallList): void {
  const scope = jsScope(ctx);
  const calls = ctx.nodes('call_expression');
  const sqlClient = SQL_MODULES.find((m) => scope.modules.has(m)) ?? 'sql';
  for (const call of calls) {
    const found = memberCallTarget(call, scope, sqlClient) ?? plainCallTarget(call, scope) ?? storeObjectCall(call, scope);
    if (found) out.at(call, { kind: found.client.kind, client: found.client.client, target: found.target });
  }
  for (const created of ctx.nodes('new_expression')) {
    const ctor = created.childForFieldName('constructor')?.text ?? '';
    const spec = lookup(COMMANDS, ctor);
    if (!spec) continue;
    const url = stringPrefix(objectProperty(kids(created.childForFieldName('arguments'))[0], 'QueueUrl'));
    out.at(created, { kind: spec.kind, client: spec.client, target: url });
  }
}

interface Found { client: Client; target: string | null }

function memberCallTarget(call: SyntaxNode, scope: JsScope, sqlClient: string): Found | null {
  const mc = memberCall(call, CALL_METHODS);
  if (!mc) return null;
  const prisma = prismaCall(mc, scope);
  if (prisma) return prisma;
  const binding = chainBinding(mc.receiver, scope);
  const client = binding ? clientFor(binding) : undefined;
  if (client?.methods.has(mc.method)) return { client, target: target(client.target, mc.method, mc.args, binding) };
  const loose = binding ? undefined : looseClient(mc.method, scope);
  if (loose) return { client: loose, target: target(loose.target, mc.method, mc.args, null) };
  if (mc.method === 'fetch' && /^(window|globalThis|self)$/.test(mc.receiver.text)) return { client: MODULES['node-fetch']!, target: target('url', 'fetch', mc.args, null) };
  // SQL text is a strong enough signal on its own, whatever the receiver is called.
  const sql = SQL_METHODS.has(mc.method) ? sqlIn(mc.args[0]) : null;
  if (sql) return { client: { kind: 'sql', client: sqlClient, methods: NONE, target: 'sql' }, target: sql.table };
  return null;
}

function looseClient(method: string, scope: JsScope): Client | undefined {
  for (const module of scope.modules) {
    const client = lookup(MODULES, module);
    if (client?.loose?.has(method)) return client;
  }
  return undefined;
}

function clientFor(binding: JsBinding): Client | undefined {
  return lookup(TYPED, binding.typeArg !== null || binding.made === 'HttpService' ? binding.made : null) ?? lookup(MODULES, binding.module);
}

/** `fetch(url)`, `axios(url)`, `got(url)`, `db('users')` on a knex instance, `getRepository(User)`. */
function plainCallTarget(call: SyntaxNode, scope: JsScope): Found | null {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier') return null;
  const args = kids(call.childForFieldName('arguments'));
  const imported = scope.imports.get(fn.text);
  const bound = imported ? undefined : scope.bindings.get(fn.text);
  if (!imported && !bound && fn.text === 'fetch') return { client: MODULES['node-fetch']!, target: target('url', 'fetch', args, null) };
  const client = lookup(MODULES, imported?.module ?? bound?.module);
  const name = imported ? imported.name : bound ? 'instance' : null;
  if (!client?.callable || name === null || !client.callable.has(name)) return null;
  return { client, target: target(client.kind === 'http' ? 'url' : 'first', fn.text, args, null) };
}

const PASCAL = /^[A-Z][A-Za-z0-9]*$/;
const orm = (kind: ExternalKind, client: string, target: string | null): Found => ({ client: { kind, client, methods: NONE, target: 'none' }, target });

/**
 * Calls through the code's own store objects, whatever library is behind them: a repository or DAO
 * (`this.userRepository.findOne(id)`, `orderDao.insert(o)`, a parameter typed `UsersRepository`),
 * TypeORM's `dataSource.getRepository(User)`, a Sequelize or Mongoose model class (`User.findByPk(id)`).
 */
function storeObjectCall(call: SyntaxNode, scope: JsScope): Found | null {
  const mc = memberCall(call);
  if (!mc || !/^[a-z]/.test(mc.method)) return null;
  const [a0] = mc.args;
  if ((mc.method === 'getRepository' || mc.method === 'getCustomRepository') && a0?.type === 'identifier' && PASCAL.test(a0.text)) return orm('orm', 'typeorm', a0.text);
  // `this.deps.userRepo.find()`: the last property names the object as well as a binding would.
  const name = bindingName(mc.receiver) ?? (mc.receiver.type === 'member_expression' ? mc.receiver.childForFieldName('property')?.text : null);
  if (!name) return null;
  if (mc.receiver.type === 'identifier' && PASCAL.test(name) && !scope.bindings.has(name)) {
    if (SEQUELIZE_MODEL.has(mc.method)) return orm('orm', 'sequelize', name);
    if (MONGOOSE_MODEL.has(mc.method)) return orm('mongo', 'mongoose', name);
  }
  const binding = scope.bindings.get(name);
  // A library's own object (`getRepository(User)` kept in a variable) says which library and table.
  if (binding?.module === 'typeorm' && /^get(Custom)?Repository$/.test(binding.made)) return orm('orm', 'typeorm', target('first', mc.method, binding.args, null));
  if (binding?.module && lookup(MODULES, binding.module)) return null;
  const client = binding && isDataAccessName(binding.made) ? binding.made : isDataAccessName(name) ? name : null;
  return client ? orm('data-access', client, mc.method) : null;
}

// `prisma.user.findMany()`, `this.prisma.order.create()`.
function prismaCall(mc: MemberCall, scope: JsScope): Found | null {
  if (!PRISMA.has(mc.method) || mc.receiver.type !== 'member_expression') return null;
  const root = mc.receiver.childForFieldName('object');
  const model = mc.receiver.childForFieldName('property')?.text ?? null;
  if (!root || !model || model.startsWith('$')) return null;
  const binding = receiverBinding(root, scope);
  const isPrisma = binding ? binding.module === '@prisma/client' || PRISMA_TYPES.has(binding.made) : bindingName(root) === 'prisma';
  return isPrisma ? { client: { kind: 'orm', client: 'prisma', methods: PRISMA, target: 'model' }, target: model } : null;
}

function target(how: Target, method: string, args: SyntaxNode[], binding: JsBinding | null): string | null {
  const [a0, a1] = args;
  switch (how) {
    case 'url': return a0?.type === 'object' ? stringPrefix(objectProperty(a0, 'url') ?? objectProperty(a0, 'hostname') ?? objectProperty(a0, 'host')) : stringPrefix(a0);
    case 'key': return stringPrefix(a0);
    case 'first': return stringValue(a0) ?? (a0?.type === 'identifier' ? a0.text : null);
    case 'sql': return sqlIn(a0?.type === 'object' ? objectProperty(a0, 'text') ?? objectProperty(a0, 'sql') : a0)?.table ?? null;
    case 'topic': return stringValue(objectProperty(a0, 'topic'));
    case 'exchange': return method === 'publish' && stringValue(a0) === '' ? stringPrefix(a1) : stringPrefix(a0);
    case 'index': return stringPrefix(objectProperty(a0, 'index'));
    case 'typeArg': return binding?.typeArg ?? null;
    case 'model': case 'none': return null;
  }
}
