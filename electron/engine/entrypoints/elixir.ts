// Elixir entry points (Phoenix and Plug routers, Oban and Quantum jobs, Mix tasks, escripts) and external calls
// (HTTPoison, Req, Tesla, Finch; raw SQL through Ecto, Postgrex, MyXQL).
import type { SyntaxNode } from './common.js';
import type { FileContext, Family } from './context.js';
import { elixirJobs } from './elixirJobs.js';
import { elixirRouters } from './elixirPhoenix.js';
import type { ExCall } from './elixirSyntax.js';
import { EX_TYPES, aliasName, atomName, exCall, stringPrefix } from './elixirSyntax.js';
import type { CallList, FoundCall } from './results.js';
import { looksLikeSql, sqlTable } from './sql.js';

// Without one of these names no call below can match: most Elixir files pay only this test.
const EX_CALL_HINT = /HTTPoison|HTTPotion|Req\.|Tesla\.|Finch\.|Repo\.query|SQL\.(?:query|stream)|Postgrex\.query|MyXQL\.query/;

const HTTP_CLIENTS = new Set(['HTTPoison', 'HTTPotion', 'Req', 'Tesla', 'Finch']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'new', 'run', 'build']);
const SQL_METHODS = new Set(['query', 'query_many', 'stream']);

export const elixir: Family = {
  types: EX_TYPES,
  entryPoints(ctx, out) {
    elixirRouters(ctx, out);
    elixirJobs(ctx, out);
  },
  calls(ctx, out) {
    if (EX_CALL_HINT.test(ctx.source)) elixirCalls(ctx, out);
  },
};

function elixirCalls(ctx: FileContext, out: CallList): void {
  for (const node of ctx.nodes('call')) {
    const c = exCall(node);
    if (c?.receiver) out.at(node, httpCall(c) ?? sqlCall(c));
  }
}

/** The arguments as passed: a call on the right of `|>` gets the piped value first. */
function argsOf(c: ExCall): SyntaxNode[] {
  const parent = c.node.parent;
  const piped = parent?.type === 'binary_operator' && parent.childForFieldName('operator')?.text === '|>' && parent.childForFieldName('right')?.id === c.node.id;
  const left = piped ? parent.childForFieldName('left') : null;
  return left ? [left, ...c.positional] : c.positional;
}

/** `HTTPoison.get!("https://x")`, `Req.get!(url: "https://x")`, `Tesla.get(client, "/x")`, `Finch.build(:get, "https://x")`. */
function httpCall(c: ExCall): FoundCall | null {
  const client = aliasName(c.receiver);
  const method = c.name.replace(/!$/, '');
  if (client === null || !HTTP_CLIENTS.has(client) || !HTTP_METHODS.has(method)) return null;
  if (method === 'build' && client !== 'Finch') return null;
  if (client === 'Finch' && method !== 'build') return null;
  const args = argsOf(c);
  let url: SyntaxNode | undefined;
  if (method === 'build' || (method === 'request' && atomName(args[0]) !== null)) url = args[1];
  else if (client === 'Tesla') url = args.find((a) => stringPrefix(a) !== null);
  else url = args[0];
  const target = stringPrefix(url)?.text ?? stringPrefix(c.options.get('url') ?? c.options.get('base_url'))?.text ?? null;
  return { kind: 'http', client, target };
}

/** `Repo.query("SELECT …", params)`, `Ecto.Adapters.SQL.query!(Repo, "UPDATE …")`, `Postgrex.query(conn, "…", [])`. */
function sqlCall(c: ExCall): FoundCall | null {
  const receiver = aliasName(c.receiver);
  if (receiver === null || !SQL_METHODS.has(c.name.replace(/!$/, ''))) return null;
  const last = receiver.slice(receiver.lastIndexOf('.') + 1);
  let client: string;
  let sqlArg: number;
  if (/Repo$/.test(last)) [client, sqlArg] = ['Ecto', 0];
  else if (receiver === 'Ecto.Adapters.SQL' || receiver === 'SQL') [client, sqlArg] = ['Ecto', 1];
  else if (receiver === 'Postgrex' || receiver === 'MyXQL') [client, sqlArg] = [receiver, 1];
  else return null;
  const sql = stringPrefix(argsOf(c)[sqlArg]);
  if (sql && !looksLikeSql(sql.text)) return null;
  return { kind: 'sql', client, target: sql ? sqlTable(sql.text, sql.complete) : null };
}
