// PHP external calls: Guzzle / Symfony HttpClient / Laravel Http / curl, raw SQL (DB facade, PDO, mysqli, DBAL), queued jobs, Redis.
import type { SyntaxNode } from './common.js';
import { kids } from './common.js';
import type { FileContext } from './context.js';
import type { Prefix } from './literals.js';
import { joinedPrefix } from './literals.js';
import type { PhpCall } from './phpSyntax.js';
import { baseName, classConstant, phpCall, phpString } from './phpSyntax.js';
import type { CallList, FoundCall } from './results.js';
import { looksLikeSql, sqlTable } from './sql.js';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const HTTP_VERBS = set('get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'send', 'getAsync', 'postAsync', 'putAsync', 'patchAsync', 'deleteAsync', 'requestAsync');
const DB_SQL = set('select', 'selectOne', 'insert', 'update', 'delete', 'statement', 'unprepared', 'affectingStatement', 'cursor', 'scalar');
const DRIVER_SQL = set('query', 'prepare', 'exec', 'execute', 'executeQuery', 'executeStatement', 'executeUpdate', 'fetchAllAssociative', 'fetchAssociative', 'fetchOne', 'fetchAll', 'fetchColumn', 'real_query', 'multi_query');
const STATIC_DISPATCH = set('dispatch', 'dispatchSync', 'dispatchIf', 'dispatchUnless', 'dispatchAfterResponse');
const QUEUE_PUSH = set('push', 'pushOn', 'later', 'laterOn', 'bulk', 'pushRaw');
const REDIS = set('get', 'set', 'setex', 'setnx', 'del', 'exists', 'expire', 'incr', 'decr', 'hget', 'hset', 'hgetall', 'hdel', 'lpush', 'rpush', 'lpop', 'rpop', 'lrange', 'sadd', 'srem', 'smembers', 'zadd', 'zrange', 'publish', 'mget', 'ttl');
// The receiver of an HTTP client call, by its last name: `$client`, `$this->httpClient`, `$guzzle`.
const HTTP_RECEIVER = /(?:client|guzzle|http)$/i;

/** Facade calls (`DB::select`, `Http::get`), optionally written fully qualified or with a leading backslash. */
function facade(c: PhpCall, name: string): boolean {
  return c.scope !== null && baseName(c.scope) === name;
}

export function phpCalls(ctx: FileContext, out: CallList): void {
  const src = ctx.source;
  const guzzle = src.includes('GuzzleHttp');
  const symfonyHttp = src.includes('HttpClientInterface') || src.includes('Symfony\\Component\\HttpClient');
  const driver = src.includes('Doctrine\\DBAL') ? 'doctrine-dbal' : /\bmysqli\b/i.test(src) ? 'mysqli' : 'PDO';
  const messenger = src.includes('MessageBusInterface');
  for (const node of ctx.nodes('scoped_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'function_call_expression')) {
    const c = phpCall(node);
    if (!c) continue;
    out.at(node, facadeCall(c) ?? httpClientCall(c, guzzle, symfonyHttp) ?? functionCall(c) ?? driverSql(c, driver) ?? dispatchCall(c, messenger));
  }
}

function facadeCall(c: PhpCall): FoundCall | null {
  if (c.scope === null) return null;
  if (facade(c, 'DB') && DB_SQL.has(c.name)) {
    const sql = sqlOf(c.positional[0]);
    return sql ? { kind: 'sql', client: 'laravel-db', target: sql.table } : null;
  }
  if (facade(c, 'DB') && c.name === 'table') return { kind: 'sql', client: 'laravel-db', target: phpString(c.positional[0]) };
  if (facade(c, 'Http') && HTTP_VERBS.has(c.name)) return { kind: 'http', client: 'laravel-http', target: prefix(c.name === 'send' ? c.positional[1] : c.positional[0]) };
  if (facade(c, 'Queue') && QUEUE_PUSH.has(c.name)) return { kind: 'queue', client: 'laravel-queue', target: jobName(c.positional[c.name === 'pushOn' ? 1 : c.name === 'later' ? 1 : c.name === 'laterOn' ? 2 : 0]) };
  if (facade(c, 'Bus') && c.name.startsWith('dispatch')) return { kind: 'queue', client: 'laravel-queue', target: jobName(c.positional[0]) };
  // `SendEmail::dispatch($user)`: a job class's static dispatch (Laravel's Dispatchable); `self::`/`static::` name no job.
  if (STATIC_DISPATCH.has(c.name) && /^\\?[A-Z]/.test(c.scope) && !facade(c, 'Event')) return { kind: 'queue', client: 'laravel-queue', target: baseName(c.scope) };
  if (facade(c, 'Redis') && REDIS.has(c.name)) return { kind: 'redis', client: 'laravel-redis', target: prefix(c.positional[0]) };
  return null;
}

/** `Http::withToken($t)->post($url)`: a verb chained on a Laravel Http facade call; else a Guzzle or Symfony client's verb. */
function httpClientCall(c: PhpCall, guzzle: boolean, symfonyHttp: boolean): FoundCall | null {
  if (!c.receiver || !HTTP_VERBS.has(c.name)) return null;
  let root: SyntaxNode | null = c.receiver;
  // Walked by type, not through isMemberCall's narrowing, which would leave `root` typed as never after the loop.
  while (root && (root.type === 'member_call_expression' || root.type === 'nullsafe_member_call_expression')) root = root.childForFieldName('object');
  const rootCall = root?.type === 'scoped_call_expression' ? phpCall(root) : null;
  const url = c.name === 'request' || c.name === 'requestAsync' || c.name === 'send' ? c.positional[1] : c.positional[0];
  if (rootCall && facade(rootCall, 'Http')) return { kind: 'http', client: 'laravel-http', target: prefix(url) };
  if ((!guzzle && !symfonyHttp) || !HTTP_RECEIVER.test(lastName(c.receiver)) || c.positional.length === 0) return null;
  if (c.name === 'send') return null; // Guzzle's send() takes a Request object, not a URL.
  return { kind: 'http', client: guzzle ? 'guzzle' : 'symfony-http-client', target: prefix(url) };
}

/** `$this->client` → `client`, `$client` → `client`. */
function lastName(node: SyntaxNode): string {
  return node.text.replace(/^.*(?:->|\$)/s, '');
}

/** `curl_init($url)`, `mysqli_query($db, 'SELECT …')`, `dispatch(new SendEmail)`. */
function functionCall(c: PhpCall): FoundCall | null {
  if (c.scope !== null || c.receiver !== null) return null;
  if (c.name === 'curl_init' && c.positional[0]) return { kind: 'http', client: 'curl', target: prefix(c.positional[0]) };
  if (c.name === 'mysqli_query' || c.name === 'mysqli_prepare' || c.name === 'pg_query') {
    const sql = sqlOf(c.positional[1] ?? c.positional[0]);
    return sql ? { kind: 'sql', client: c.name.startsWith('pg') ? 'pgsql' : 'mysqli', target: sql.table } : null;
  }
  if (c.name === 'dispatch' || c.name === 'dispatch_sync') return { kind: 'queue', client: 'laravel-queue', target: jobName(c.positional[0]) };
  return null;
}

/** `$pdo->query("SELECT …")`, `$stmt = $db->prepare('INSERT …')`, `$conn->executeQuery('…')`: only with SQL text. */
function driverSql(c: PhpCall, driver: string): FoundCall | null {
  if (!c.receiver || !DRIVER_SQL.has(c.name)) return null;
  const sql = sqlOf(c.positional[0]);
  return sql ? { kind: 'sql', client: driver, target: sql.table } : null;
}

/** Symfony Messenger's `$bus->dispatch(new Message)`; Laravel's `$this->dispatch(new Job)` in controllers. */
function dispatchCall(c: PhpCall, messenger: boolean): FoundCall | null {
  if (c.name !== 'dispatch' || !c.receiver || !c.positional[0]) return null;
  const job = jobName(c.positional[0]);
  if (messenger && /bus$/i.test(lastName(c.receiver))) return { kind: 'queue', client: 'symfony-messenger', target: job };
  if (c.receiver.text === '$this' && c.positional[0].type === 'object_creation_expression') return { kind: 'queue', client: 'laravel-queue', target: job };
  return null;
}

/** The job's class: `new SendEmail($user)` or `SendEmail::class` → `SendEmail`. */
function jobName(node: SyntaxNode | undefined): string | null {
  if (!node) return null;
  const cls = node.type === 'object_creation_expression' ? kids(node).find((k) => k.type === 'name' || k.type === 'qualified_name')?.text : classConstant(node);
  return cls ? baseName(cls) : null;
}

/** The literal text a PHP string starts with: quoted, interpolated up to the first variable, or concatenated with `.`. */
function phpPrefix(node: SyntaxNode | null | undefined): Prefix | null {
  if (!node) return null;
  const exact = phpString(node);
  if (exact !== null) return { text: exact, complete: true };
  if (node.type === 'encapsed_string' || node.type === 'heredoc') {
    let text = '';
    for (const part of kids(node.type === 'heredoc' ? node.childForFieldName('value') : node)) {
      if (part.type !== 'string_content' && part.type !== 'escape_sequence') break;
      text += part.text;
    }
    return { text, complete: false };
  }
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '.') {
    return joinedPrefix(phpPrefix(node.childForFieldName('left')), () => phpPrefix(node.childForFieldName('right')));
  }
  return null;
}

function prefix(node: SyntaxNode | null | undefined): string | null {
  return phpPrefix(node)?.text || null;
}

function sqlOf(node: SyntaxNode | null | undefined): { table: string | null } | null {
  const p = phpPrefix(node);
  return p && looksLikeSql(p.text) ? { table: sqlTable(p.text, p.complete) } : null;
}
