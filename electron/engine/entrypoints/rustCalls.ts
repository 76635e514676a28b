// Rust external calls: reqwest, sqlx/diesel/postgres SQL, redis-rs, rdkafka, lapin, mongodb, elasticsearch-rs.
import type { SyntaxNode } from './common.js';
import { kids } from './common.js';
import type { FileContext } from './context.js';
import { stringPrefix, stringValue, stringsOf } from './literals.js';
import type { CallList, FoundCall } from './results.js';
import type { RustCall } from './rustSyntax.js';
import { rustCall } from './rustSyntax.js';
import { sqlIn } from './sql.js';

const HTTP_VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'request']);
const SQL_FUNCTIONS = /^(sqlx::)?(query|query_as|query_scalar|query_with|query_as_with)$|^(diesel::)?sql_query$/;
const SQL_METHODS = new Set(['query', 'query_one', 'query_opt', 'execute', 'prepare', 'batch_execute', 'query_row', 'query_map', 'exec', 'exec_drop', 'query_first']);
const SQL_MACROS = /^(sqlx::)?(query|query_as|query_scalar|query_file)!?$/;
const REDIS_METHODS = new Set(['get', 'set', 'set_ex', 'del', 'exists', 'expire', 'incr', 'hget', 'hset', 'hgetall', 'lpush', 'rpush', 'sadd', 'zadd', 'publish']);

export function rustCalls(ctx: FileContext, out: CallList): void {
  const src = ctx.source;
  const crates = {
    reqwest: src.includes('reqwest'), sqlx: src.includes('sqlx'), redis: src.includes('redis'), kafka: src.includes('rdkafka'),
    lapin: src.includes('lapin'), mongo: src.includes('mongodb'), elastic: src.includes('elasticsearch'),
  };
  const sqlClient = crates.sqlx ? 'sqlx' : src.includes('diesel') ? 'diesel' : src.includes('tokio_postgres') ? 'tokio-postgres' : src.includes('rusqlite') ? 'rusqlite' : 'sql';
  for (const node of ctx.nodes('call_expression')) {
    const c = rustCall(node);
    if (c) out.at(node, callTarget(c, crates, sqlClient));
  }
  if (!crates.sqlx) return;
  for (const mac of ctx.nodes('macro_invocation')) {
    if (!SQL_MACROS.test(mac.childForFieldName('macro')?.text ?? '')) continue;
    const tokens = kids(mac.namedChildren.find((n) => n?.type === 'token_tree'));
    const sql = tokens.map(sqlIn).find((s) => s !== null);
    if (sql) out.at(mac, { kind: 'sql', client: 'sqlx', target: sql.table });
  }
}

function callTarget(c: RustCall, crates: Record<string, boolean>, sqlClient: string): FoundCall | null {
  const [a0, a1] = c.args;
  if (crates.reqwest && isReqwest(c)) return { kind: 'http', client: 'reqwest', target: stringPrefix(c.name === 'request' ? a1 : a0) };
  if (!c.receiver && SQL_FUNCTIONS.test(c.path)) {
    const sql = sqlIn(a0);
    return sql ? { kind: 'sql', client: c.path.includes('sql_query') ? 'diesel' : 'sqlx', target: sql.table } : null;
  }
  if (c.receiver && SQL_METHODS.has(c.name)) {
    const sql = sqlIn(a0);
    if (sql) return { kind: 'sql', client: sqlClient, target: sql.table };
  }
  if (crates.redis && c.path === 'redis::cmd') return { kind: 'redis', client: 'redis-rs', target: redisArg(c) };
  // Only connection-like receivers: `.get("k")` is also every map's lookup.
  if (crates.redis && c.receiver && REDIS_METHODS.has(c.name) && /^(con|conn|connection|redis|\w*redis\w*)$/i.test(c.receiver.text) && stringValue(a0) !== null) {
    return { kind: 'redis', client: 'redis-rs', target: stringPrefix(a0) };
  }
  if (crates.kafka && /^(FutureRecord|BaseRecord)::to$/.test(c.path)) return { kind: 'queue', client: 'rdkafka', target: stringPrefix(a0) };
  if (crates.lapin && c.name === 'basic_publish' && c.receiver) return { kind: 'queue', client: 'lapin', target: stringValue(a0) || stringPrefix(a1) };
  if (crates.mongo && c.name === 'collection' && c.receiver && stringValue(a0) !== null) return { kind: 'mongo', client: 'mongodb', target: stringValue(a0) };
  if (crates.elastic && /Parts::Index(Id)?$/.test(c.path)) return { kind: 'elasticsearch', client: 'elasticsearch-rs', target: stringsOf(a0)[0] ?? null };
  return null;
}

/** `reqwest::get(url)`, or `client.get(url)…send()` (the chain must end in `send`). */
function isReqwest(c: RustCall): boolean {
  if (!c.receiver) return /^reqwest::(blocking::)?get$/.test(c.path);
  if (!HTTP_VERBS.has(c.name)) return false;
  let current: SyntaxNode = c.node;
  for (let depth = 0; depth < 12; depth++) {
    const field = current.parent;
    const call = field?.type === 'field_expression' ? field.parent : null;
    if (!field || call?.type !== 'call_expression') return false;
    if (field.childForFieldName('field')?.text === 'send') return true;
    current = call;
  }
  return false;
}

// `redis::cmd("SET").arg("key")`: the key is the first `.arg`.
function redisArg(c: RustCall): string | null {
  const field = c.node.parent;
  const next = field?.type === 'field_expression' && field.childForFieldName('field')?.text === 'arg' ? field.parent : null;
  return next ? stringPrefix(kids(next.childForFieldName('arguments'))[0]) : null;
}
