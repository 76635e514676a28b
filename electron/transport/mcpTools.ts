// Clew's read verbs as MCP tools for coding agents: compact JSON answers, each bounded by a row limit
// and a character budget, errors as MCP tool errors (never a crash of the server).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { InvokeChannel, Req, Res } from '../../shared/contract.js';
import { SEARCH_MODES, type SearchHit } from '../../shared/types.js';
import type { BackendLike } from '../../shared/contract.js';

const DEFAULT_CHARS = 8_000;
const MAX_CHARS = 60_000;
const DEFAULT_ROWS = 20;
const MAX_ROWS = 200;

/** Where the tools get their answers: a reader Backend, opened when first needed. */
export type TargetProvider = () => Promise<Pick<BackendLike, 'invoke'>>;

export interface McpToolOptions {
  /** note_add is offered only when the person started `clew mcp --allow-writes`. */
  allowWrites: boolean;
  /** Opens a short-lived writer for one write (the lock is held only for that call). */
  writer?: TargetProvider;
}

const rows = z.number().int().min(1).max(MAX_ROWS).optional().describe(`at most this many rows (default ${DEFAULT_ROWS}, max ${MAX_ROWS})`);
const tests = z.boolean().optional().describe('also list those in test files and test data (left out by default)');
const chars = z.number().int().min(200).max(MAX_CHARS).optional().describe(`character budget of the answer (default ${DEFAULT_CHARS}, max ${MAX_CHARS})`);
const repo = z.string().min(1).max(4096).describe('repository name, id or path as `repos` lists it');

/** JSON of `value`, cut to whole array items so it fits `budget`; says what was left out. */
export function bounded(value: unknown, budget: number): string {
  const whole = JSON.stringify(value);
  if (whole.length <= budget) return whole;
  if (Array.isArray(value)) {
    let kept = value.length;
    while (kept > 0 && JSON.stringify(value.slice(0, kept)).length > budget - 80) kept = Math.floor(kept * 0.8);
    return `${JSON.stringify(value.slice(0, kept))}\n(${value.length - kept} more rows left out to stay within ${budget} characters; narrow the query or raise maxChars)`;
  }
  return `${whole.slice(0, budget - 80)}…\n(cut at ${budget} characters; raise maxChars or narrow the request)`;
}

function text(body: string, isError = false): CallToolResult {
  return { content: [{ type: 'text', text: body }], ...(isError ? { isError: true } : {}) };
}

async function ask<C extends InvokeChannel>(target: TargetProvider, channel: C, req: Req<C>): Promise<{ ok: true; value: Res<C> } | { ok: false; result: CallToolResult }> {
  try {
    const result = await (await target()).invoke(channel, req);
    if (result.ok) return { ok: true, value: result.value };
    return { ok: false, result: text(`${result.error.code}: ${result.error.message}`, true) };
  } catch (e) {
    return { ok: false, result: text(`UNAVAILABLE: ${e instanceof Error ? e.message : String(e)}`, true) };
  }
}

/** Runs a channel and answers with its value shaped by `shape`, within the budget. */
function answer<C extends InvokeChannel>(target: TargetProvider, channel: C, req: Req<C>, budget: number | undefined, shape: (v: Res<C>) => unknown): Promise<CallToolResult> {
  return ask(target, channel, req).then((r) => (r.ok ? text(bounded(shape(r.value), budget ?? DEFAULT_CHARS)) : r.result));
}

/** Lines `from`..`to` (1-based, inclusive) of a text, each prefixed with its number. */
function lineRange(body: string, from: number, to: number): string {
  const lines = body.split('\n');
  const end = Math.min(lines.length, to);
  return lines.slice(from - 1, end).map((line, i) => `${from + i}: ${line}`).join('\n');
}

export function registerClewTools(server: McpServer, reader: TargetProvider, options: McpToolOptions): void {
  server.registerTool('search', {
    description: 'Search indexed code. Modes: auto (default: ranks definitions, words and meaning together, each hit says why), keyword (identifier-aware words), symbol (definitions by name), regex, semantic (by meaning), hybrid. Returns hits {repo, path, line, symbol, snippet}; with files=true (auto only), the best files each with their best hits.',
    inputSchema: {
      query: z.string().min(1).max(2000), mode: z.enum(SEARCH_MODES).optional(), repo: repo.optional(), lang: z.string().max(40).optional(),
      path: z.string().max(4096).optional().describe('path glob, e.g. src/**/*.ts'), kind: z.string().max(40).optional().describe('symbol kind, e.g. function, class, method'),
      files: z.boolean().optional().describe('group hits by file, best files first'), limit: rows, maxChars: chars,
    },
    annotations: { readOnlyHint: true },
  }, ({ query, mode, repo: r, lang, path, kind, files, limit, maxChars }) => {
    const chosen = mode ?? 'auto';
    // The file-level answer is auto's own ranking of files, not a regrouping of hits here.
    if (files && chosen !== 'auto') return Promise.resolve(text(`BAD_REQUEST: files=true needs mode auto, not ${chosen}`, true));
    const req: Req<'search:query'> = { query, limit: limit ?? DEFAULT_ROWS, mode: chosen, ...(files ? { files } : {}), ...(r ? { repo: r } : {}), ...(lang ? { lang } : {}), ...(path ? { path } : {}), ...(kind ? { kind } : {}) };
    const hit = (h: SearchHit) => ({ repo: h.repo, path: h.path, line: h.line, symbol: h.symbol, kind: h.symbolKind, snippet: h.snippet });
    return answer(reader, 'search:query', req, maxChars, (res) => (res.files
      ? res.files.map((f) => ({ repo: f.repo, path: f.path, hits: f.hits.map(({ line, symbol, snippet }) => ({ line, symbol, snippet })) }))
      : res.results.map(hit)));
  });

  server.registerTool('find_symbol', {
    description: 'Find where a symbol (function, class, method, type…) is defined, by name or dotted name; exact names rank first.',
    inputSchema: { name: z.string().min(1).max(500), repo: repo.optional(), kind: z.string().max(40).optional(), limit: rows, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ name, repo: r, kind, limit, maxChars }) =>
    answer(reader, 'search:query', { query: name, mode: 'symbol', limit: limit ?? DEFAULT_ROWS, ...(r ? { repo: r } : {}), ...(kind ? { kind } : {}) }, maxChars,
      (res) => res.results.map((h) => ({ fqn: h.symbol, kind: h.symbolKind, repo: h.repo, path: h.path, line: h.line, signature: h.snippet }))));

  server.registerTool('outline', {
    description: 'The symbols of one file (name, kind, lines), in order.',
    inputSchema: { repo, path: z.string().min(1).max(4096), maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, path, maxChars }) => answer(reader, 'file:outline', { repo: r, path }, maxChars, (list) => list.map((s) => ({ fqn: s.fqn, kind: s.kind, line: s.line, endLine: s.endLine, signature: s.signature }))));

  server.registerTool('read_file', {
    description: 'Read lines of a file inside a registered repository (numbered). Paths that leave the repository are refused.',
    inputSchema: { repo, path: z.string().min(1).max(4096), startLine: z.number().int().min(1).optional(), endLine: z.number().int().min(1).optional(), maxChars: chars },
    annotations: { readOnlyHint: true },
  }, async ({ repo: r, path, startLine, endLine, maxChars }) => {
    const got = await ask(reader, 'file:read', { repo: r, path });
    if (!got.ok) return got.result;
    const file = got.value;
    if (file.binary) return text(`${file.path} is a binary file (${file.size} bytes)`);
    const from = startLine ?? 1;
    if (endLine !== undefined && endLine < from) return text(`BAD_REQUEST: endLine ${endLine} is before startLine ${from}`, true);
    const body = lineRange(file.text, from, endLine ?? from + 199);
    const notes = [file.truncated ? 'the file was read only in part (it is large)' : '', file.changedSinceIndex ? 'the file changed since it was indexed' : ''].filter(Boolean);
    const budget = maxChars ?? DEFAULT_CHARS;
    const cut = body.length > budget ? `${body.slice(0, budget)}\n(cut at ${budget} characters)` : body;
    return text(notes.length ? `${cut}\n(${notes.join('; ')})` : cut);
  });

  server.registerTool('entry_points', {
    description: 'Entry points of a repository: HTTP routes (method, path, handler), scheduled jobs, queue listeners, mains.',
    inputSchema: { repo, kind: z.string().max(40).optional().describe('http, schedule, queue or main'), includeTests: tests, limit: rows, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, kind, includeTests, limit, maxChars }) => answer(reader, 'entrypoints:list', { repo: r, includeTests: includeTests ?? false, ...(kind ? { kind } : {}) }, maxChars, (list) => list.slice(0, limit ?? DEFAULT_ROWS)));

  server.registerTool('dependencies', {
    description: 'External calls (HTTP, SQL, queues, caches…) a repository or one symbol makes, and the packages it declares.',
    inputSchema: { repo, symbol: z.string().max(1000).optional().describe('only the calls made by this symbol (FQN)'), includeTests: tests, limit: rows, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, symbol, includeTests, limit, maxChars }) => answer(reader, 'deps:list', { repo: r, includeTests: includeTests ?? false, ...(symbol ? { symbol } : {}) }, maxChars, (d) => ({ calls: d.calls.slice(0, limit ?? DEFAULT_ROWS), packages: d.packages.slice(0, limit ?? DEFAULT_ROWS) })));

  server.registerTool('notes', {
    description: 'Notes people attached to symbols, with their state (current, stale: the code changed, detached: the symbol is gone).',
    inputSchema: { repo: repo.optional(), limit: rows, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, limit, maxChars }) => answer(reader, 'note:list', r ? { repo: r } : {}, maxChars, (list) => list.slice(0, limit ?? DEFAULT_ROWS)));

  server.registerTool('repos', {
    description: 'The registered repositories with their counts and index state.',
    inputSchema: { maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ maxChars }) => answer(reader, 'repo:list', {}, maxChars, (list) => list.map((r) => ({ id: r.id, name: r.name, path: r.path, files: r.files, symbols: r.symbols, entryPoints: r.entryPoints, indexedAt: r.indexedAt, paused: r.paused, watching: r.watching }))));

  server.registerTool('status', {
    description: 'Index and vector-sync status: repos, pending/failed vectors, the vector server.',
    inputSchema: { maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ maxChars }) => answer(reader, 'status:get', {}, maxChars, (s) => ({ repos: s.repos.map((r) => ({ name: r.name, files: r.files, symbols: r.symbols, indexedAt: r.indexedAt, paused: r.paused })), sync: s.sync, vectorStore: s.vectorStore })));

  if (options.allowWrites && options.writer) {
    const writer = options.writer;
    server.registerTool('note_add', {
      description: 'Attach a note to a symbol (by FQN). Needs the data directory free of another writer (the app or clew serve).',
      inputSchema: { fqn: z.string().min(1).max(1000), text: z.string().min(1).max(20_000), repo: repo.optional() },
      annotations: { readOnlyHint: false, destructiveHint: false },
    }, ({ fqn, text: body, repo: r }) => answer(writer, 'note:add', r ? { fqn, text: body, repo: r } : { fqn, text: body }, undefined, (n) => ({ id: n.id, fqn: n.fqn, state: n.state })));
  }
}
