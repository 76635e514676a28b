// Clew's read verbs as MCP tools for coding agents: compact JSON answers, each bounded by a row limit
// and a character budget, errors as MCP tool errors (never a crash of the server).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { InvokeChannel, Req, Res } from '../../shared/contract.js';
import { indexingNote } from '../../shared/indexingNote.js';
import { SEARCH_MODES, type SearchHit } from '../../shared/types.js';
import type { BackendLike } from '../../shared/contract.js';
import type { CallTreeNode, ReferencesAnswer } from '../../shared/nav.js';

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

/**
 * A search's answer: its rows within the budget, then what the answer says about itself in a text of its own
 * (a partial answer's reason; repos still being indexed, so an agent knows hits may be missing).
 */
function searchAnswer(target: TargetProvider, req: Req<'search:query'>, budget: number | undefined, shape: (v: Res<'search:query'>) => unknown): Promise<CallToolResult> {
  return ask(target, 'search:query', req).then((r) => {
    if (!r.ok) return r.result;
    const result = text(bounded(shape(r.value), budget ?? DEFAULT_CHARS));
    const notes = [r.value.notice, indexingNote(r.value.indexing ?? [])].filter((n): n is string => Boolean(n));
    return notes.length === 0 ? result : { ...result, content: [...result.content, { type: 'text', text: `Note: ${notes.join(' ')}` }] };
  });
}

/** Lines `from`..`to` (1-based, inclusive) of a text, each prefixed with its number. */
function lineRange(body: string, from: number, to: number): string {
  const lines = body.split('\n');
  const end = Math.min(lines.length, to);
  return lines.slice(from - 1, end).map((line, i) => `${from + i}: ${line}`).join('\n');
}

export function registerClewTools(server: McpServer, reader: TargetProvider, options: McpToolOptions): void {
  server.registerTool('search', {
    description: 'Search indexed code. Modes: auto (default: ranks definitions, words and meaning together, each hit says why), keyword (identifier-aware words), symbol (definitions by name), regex, semantic (by meaning), hybrid. The query may hold filters: repo:NAME lang:LANG file:GLOB-or-text path:TEXT -path:TEXT (e.g. "lang:go -path:_test handler"). Keyword and regex take caseSensitive and wholeWord. Returns hits {repo, path, line, symbol, snippet}; with files=true (auto only), the best files each with their best hits.',
    inputSchema: {
      query: z.string().min(1).max(2000), mode: z.enum(SEARCH_MODES).optional(), repo: repo.optional(), lang: z.string().max(40).optional(),
      path: z.string().max(4096).optional().describe('path glob, e.g. src/**/*.ts'), kind: z.string().max(40).optional().describe('symbol kind, e.g. function, class, method'),
      files: z.boolean().optional().describe('group hits by file, best files first'),
      caseSensitive: z.boolean().optional().describe('keyword/regex only: match letter case exactly (keyword ignores case by default, regex matches it)'),
      wholeWord: z.boolean().optional().describe('keyword/regex only: a match must not sit inside a longer word'),
      limit: rows, maxChars: chars,
    },
    annotations: { readOnlyHint: true },
  }, ({ query, mode, repo: r, lang, path, kind, files, caseSensitive, wholeWord, limit, maxChars }) => {
    const chosen = mode ?? 'auto';
    // The file-level answer is auto's own ranking of files, not a regrouping of hits here.
    if (files && chosen !== 'auto') return Promise.resolve(text(`BAD_REQUEST: files=true needs mode auto, not ${chosen}`, true));
    // As the CLI's --case-sensitive and --word: other modes would silently ignore them.
    if ((caseSensitive !== undefined || wholeWord) && chosen !== 'keyword' && chosen !== 'regex') {
      return Promise.resolve(text(`BAD_REQUEST: caseSensitive and wholeWord need mode keyword or regex, not ${chosen}`, true));
    }
    const req: Req<'search:query'> = {
      query, limit: limit ?? DEFAULT_ROWS, mode: chosen, ...(files ? { files } : {}), ...(r ? { repo: r } : {}), ...(lang ? { lang } : {}), ...(path ? { path } : {}), ...(kind ? { kind } : {}),
      ...(caseSensitive !== undefined ? { caseSensitive } : {}), ...(wholeWord ? { wholeWord } : {}),
    };
    const hit = (h: SearchHit) => ({ repo: h.repo, path: h.path, line: h.line, symbol: h.symbol, kind: h.symbolKind, snippet: h.snippet });
    return searchAnswer(reader, req, maxChars, (res) => (res.files
      ? res.files.map((f) => ({ repo: f.repo, path: f.path, hits: f.hits.map(({ line, symbol, snippet }) => ({ line, symbol, snippet })) }))
      : res.results.map(hit)));
  });

  server.registerTool('find_symbol', {
    description: 'Find where a symbol (function, class, method, type…) is defined, by name or dotted name; exact names rank first.',
    inputSchema: { name: z.string().min(1).max(500), repo: repo.optional(), kind: z.string().max(40).optional(), limit: rows, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ name, repo: r, kind, limit, maxChars }) =>
    searchAnswer(reader, { query: name, mode: 'symbol', limit: limit ?? DEFAULT_ROWS, ...(r ? { repo: r } : {}), ...(kind ? { kind } : {}) }, maxChars,
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
    description: 'Entry points of a repository: HTTP routes (method, path, handler), scheduled jobs, queue listeners, mains and CLI commands (Rake tasks, Artisan and management commands: the command name is in queue).',
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
    description: 'The registered repositories with their counts and index state (indexing: a run under way, files done of found; results from that repo may be missing until it ends).',
    inputSchema: { maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ maxChars }) => answer(reader, 'repo:list', {}, maxChars, (list) => list.map((r) => ({
    id: r.id, name: r.name, path: r.path, files: r.files, symbols: r.symbols, entryPoints: r.entryPoints, indexedAt: r.indexedAt, paused: r.paused, watching: r.watching,
    indexing: r.indexing ?? null,
  }))));

  server.registerTool('status', {
    description: 'Index and vector-sync status: repos, pending/failed vectors, the vector server.',
    inputSchema: { maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ maxChars }) => answer(reader, 'status:get', {}, maxChars, (s) => ({ repos: s.repos.map((r) => ({ name: r.name, files: r.files, symbols: r.symbols, indexedAt: r.indexedAt, paused: r.paused })), sync: s.sync, vectorStore: s.vectorStore })));

  registerNavTools(server, reader);

  if (options.allowWrites && options.writer) {
    const writer = options.writer;
    server.registerTool('note_add', {
      description: 'Attach a note to a symbol (by FQN, or the end of one such as Class.method). Needs the data directory free of another writer (the app or clew serve).',
      inputSchema: { fqn: z.string().min(1).max(1000), text: z.string().min(1).max(20_000), repo: repo.optional() },
      annotations: { readOnlyHint: false, destructiveHint: false },
    }, ({ fqn, text: body, repo: r }) => answer(writer, 'note:add', r ? { fqn, text: body, repo: r } : { fqn, text: body }, undefined, (n) => ({ id: n.id, fqn: n.fqn, state: n.state })));
  }
}

const depth = z.number().int().min(0).max(6).optional().describe('levels below the root (default 2, max 6)');
const line = z.number().int().min(1).max(100_000_000);

/** A call tree without empty fields: an agent reads less. */
function compactTree(node: CallTreeNode): Record<string, unknown> {
  return {
    fqn: node.fqn, path: node.file, line: node.line,
    ...(node.confidence === 'candidate' ? { candidate: true } : {}), ...(node.cycle ? { cycle: true } : {}), ...(node.more ? { more: true } : {}),
    ...(node.external.length ? { external: node.external.map((e) => `${e.kind} ${e.client}${e.target ? ` ${e.target}` : ''}`) } : {}),
    ...(node.children.length ? { children: node.children.map(compactTree) } : {}),
  };
}

/** A tree within the budget: asked again one level shallower until it fits (a cut JSON would help nobody). */
async function treeAnswer(reader: TargetProvider, channel: 'nav:callers' | 'nav:callees', req: { repo: string; fqn: string; depth?: number | undefined }, budget: number | undefined): Promise<CallToolResult> {
  const limit = budget ?? DEFAULT_CHARS;
  for (let d = req.depth ?? 2; ; d--) {
    const got = await ask(reader, channel, { repo: req.repo, fqn: req.fqn, depth: d });
    if (!got.ok) return got.result;
    if (!got.value) return text(`NOT_FOUND: no symbol ${req.fqn}`, true);
    const body = JSON.stringify(compactTree(got.value));
    if (body.length <= limit || d === 0) return text(body.length <= limit ? body : bounded(compactTree(got.value), limit));
  }
}

/** References within the budget: whole rows are dropped from the end, and `truncated` says so. */
function fitReferences(answer: ReferencesAnswer, budget: number): string {
  const shaped = {
    targets: answer.targets.map((t) => ({ fqn: t.fqn, kind: t.kind, path: t.file, line: t.line, confidence: t.confidence })),
    refs: answer.refs.map((r) => ({ path: r.file, line: r.line, column: r.column, role: r.role, in: r.enclosing, snippet: r.snippet, ...(r.confidence === 'candidate' ? { candidate: true } : {}) })),
    truncated: answer.truncated,
  };
  while (JSON.stringify(shaped).length > budget && shaped.refs.length) {
    shaped.refs = shaped.refs.slice(0, Math.floor(shaped.refs.length * 0.8));
    shaped.truncated = true;
  }
  return JSON.stringify(shaped);
}

/** Navigation: definition, references, callers, callees, flow and the file tree. */
function registerNavTools(server: McpServer, reader: TargetProvider): void {
  server.registerTool('definition', {
    description: 'Where the name at a place in a file is defined. Each hit says exact (resolved through scope, imports or the receiver\'s class) or candidate (a same-named definition, nearest first). In languages navigated by name only (Rust, Ruby, PHP, C#, C/C++…) every hit is a candidate: a parameter or local found in its function\'s text, else same-named definitions. An empty list means nothing is named there.',
    inputSchema: { repo, path: z.string().min(1).max(4096).describe('repo-relative path'), line, column: line.describe('1-based, in UTF-16 units'), limit: rows, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, path, line: l, column, limit, maxChars }) => answer(reader, 'nav:def', { repo: r, path, line: l, column }, maxChars,
    (hits) => hits.slice(0, limit ?? DEFAULT_ROWS).map((h) => ({ fqn: h.fqn, kind: h.kind, path: h.file, line: h.line, column: h.column, confidence: h.confidence, signature: h.signature }))));

  server.registerTool('references', {
    description: 'Uses of a symbol across its repository, named by fqn (or the end of one, such as Class.method) or by a place (path, line, column) on one of its occurrences. Rows say their role (call, reference, import, type, definition), the enclosing symbol, and candidate when only the name matches.',
    inputSchema: {
      repo, fqn: z.string().min(1).max(4000).optional(), path: z.string().min(1).max(4096).optional(), line: line.optional(), column: line.optional(),
      limit: rows, maxChars: chars,
    },
    annotations: { readOnlyHint: true },
  }, async ({ repo: r, fqn, path, line: l, column, limit, maxChars }) => {
    const byPlace = path !== undefined && l !== undefined && column !== undefined;
    if (!fqn === !byPlace) return text('BAD_REQUEST: give either fqn, or path with line and column', true);
    const req: Req<'nav:refs'> = byPlace ? { repo: r, position: { repo: r, path, line: l, column }, limit: limit ?? DEFAULT_ROWS * 2 } : { repo: r, fqn: fqn ?? '', limit: limit ?? DEFAULT_ROWS * 2 };
    const got = await ask(reader, 'nav:refs', req);
    if (got.ok && fqn && got.value.targets.length === 0) return text(`NOT_FOUND: no symbol ${fqn}`, true);
    return got.ok ? text(fitReferences(got.value, maxChars ?? DEFAULT_CHARS)) : got.result;
  });

  server.registerTool('callers', {
    description: 'Who calls a symbol (by fqn, or the end of one such as Class.method), as a tree: {fqn, path, line, children}; cycle marks a symbol already above, more a cut at the depth, candidate a call matched by name only.',
    inputSchema: { repo, fqn: z.string().min(1).max(4000), depth, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, fqn, depth: d, maxChars }) => treeAnswer(reader, 'nav:callers', { repo: r, fqn, depth: d }, maxChars));

  server.registerTool('callees', {
    description: 'What a symbol (by fqn, or the end of one such as Class.method) calls, as a tree: {fqn, path, line, children, external}; external lists outside systems reached (HTTP, SQL, queues).',
    inputSchema: { repo, fqn: z.string().min(1).max(4000), depth, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, fqn, depth: d, maxChars }) => treeAnswer(reader, 'nav:callees', { repo: r, fqn, depth: d }, maxChars));

  server.registerTool('flow', {
    description: 'From an entry point (its id from entry_points, or a route like "GET /owners/{id}") down: the handler\'s callee tree, external calls at the leaves.',
    inputSchema: { repo, entry: z.string().min(1).max(4000), depth, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, async ({ repo: r, entry, depth: d, maxChars }) => {
    const got = await ask(reader, 'nav:flow', { repo: r, entry, ...(d === undefined ? {} : { depth: d }) });
    if (!got.ok) return got.result;
    if (!got.value) return text(`NOT_FOUND: no entry point ${entry} (entry_points lists them)`, true);
    const { entry: e, root } = got.value;
    return text(bounded({ entry: { id: e.id, kind: e.kind, method: e.method, path: e.path, handler: e.symbol, file: e.file, line: e.line }, root: root && compactTree(root) }, maxChars ?? DEFAULT_CHARS));
  });

  server.registerTool('tree', {
    description: 'The children of a folder of a repository (the root when path is absent): folders with their file and symbol counts, files with their language.',
    inputSchema: { repo, path: z.string().max(4096).optional(), limit: rows, maxChars: chars },
    annotations: { readOnlyHint: true },
  }, ({ repo: r, path, limit, maxChars }) => answer(reader, 'nav:tree', path ? { repo: r, path } : { repo: r }, maxChars,
    (list) => list.slice(0, limit ?? MAX_ROWS).map((t) => ({ path: t.path, kind: t.kind, files: t.files, symbols: t.symbols, ...(t.language ? { language: t.language } : {}) }))));
}
