// Ruby external calls: HTTP clients (Net::HTTP, Faraday, HTTParty, RestClient), raw SQL through ActiveRecord, job enqueues.
import type { FileContext } from './context.js';
import { stringPrefix } from './literals.js';
import type { CallList, FoundCall } from './results.js';
import type { RbCall } from './rubySyntax.js';
import { isConstant, rbCall } from './rubySyntax.js';
import { sqlIn } from './sql.js';

// Without one of these names no call below can match: most Ruby files pay only this test.
export const RB_CALL_HINT = /Net::HTTP|Faraday|HTTParty|RestClient|find_by_sql|execute|exec_query|select_(?:all|one|value|values|rows)|perform_(?:async|in|at|later)/;

const HTTP_CLIENTS: Readonly<Record<string, string>> = { 'Net::HTTP': 'Net::HTTP', Faraday: 'Faraday', HTTParty: 'HTTParty', RestClient: 'RestClient' };
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'get_response', 'post_form', 'start', 'new', 'execute']);
const SQL_METHODS = new Set(['find_by_sql', 'execute', 'exec_query', 'select_all', 'select_one', 'select_value', 'select_values', 'select_rows']);
const ENQUEUE: Readonly<Record<string, string>> = { perform_async: 'sidekiq', perform_in: 'sidekiq', perform_at: 'sidekiq', perform_later: 'activejob' };

export function rubyCalls(ctx: FileContext, out: CallList): void {
  if (!RB_CALL_HINT.test(ctx.source)) return;
  for (const node of ctx.nodes('call')) {
    const c = rbCall(node);
    if (c?.receiver) out.at(node, httpCall(c) ?? sqlCall(c) ?? enqueue(c));
  }
}

/** `Net::HTTP.get(URI('https://x'))`, `Faraday.new(url: 'https://x')`, `HTTParty.get('https://x')`, `RestClient.post(url, body)`. */
function httpCall(c: RbCall): FoundCall | null {
  const receiver = c.receiver!.text.replace(/^::/, '').replace(/::Request$/, '');
  const client = Object.hasOwn(HTTP_CLIENTS, receiver) ? HTTP_CLIENTS[receiver]! : null;
  if (!client || !HTTP_METHODS.has(c.name)) return null;
  let arg = c.positional[0] ?? c.options.get('url');
  // `URI('https://x')` / `URI.parse('https://x')` wrap the address.
  const wrapped = arg ? rbCall(arg) : null;
  if (wrapped && (wrapped.name === 'URI' || wrapped.name === 'parse')) arg = wrapped.positional[0];
  return { kind: 'http', client, target: stringPrefix(arg) };
}

/** `User.find_by_sql('SELECT …')`, `connection.execute("UPDATE …")`, `connection.select_all('SELECT …')`. */
function sqlCall(c: RbCall): FoundCall | null {
  if (!SQL_METHODS.has(c.name)) return null;
  const sql = sqlIn(c.positional[0]);
  return sql ? { kind: 'sql', client: 'ActiveRecord', target: sql.table } : null;
}

/** `HardWorker.perform_async(1)`, `ReportJob.set(wait: 1.hour).perform_later(id)`: the job class is the target. */
function enqueue(c: RbCall): FoundCall | null {
  const framework = Object.hasOwn(ENQUEUE, c.name) ? ENQUEUE[c.name]! : null;
  if (!framework) return null;
  let receiver = c.receiver;
  const set = receiver ? rbCall(receiver) : null;
  if (set?.name === 'set') receiver = set.receiver;
  return { kind: 'queue', client: framework, target: isConstant(receiver) ? receiver.text : null };
}
