// `clew mcp` as a coding agent runs it: the real CLI as a child process on stdio, driven by the
// official MCP SDK client; every tool, bad arguments, bounds, and reading beside a writer.
import { type ChildProcess, spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';
import { NAV_TREE } from '../helpers/navTree.js';

const READ_TOOLS = ['search', 'find_symbol', 'outline', 'read_file', 'entry_points', 'dependencies', 'notes', 'repos', 'status', 'definition', 'references', 'callers', 'callees', 'flow', 'tree'];

async function connect(dataDir: string, ...flags: string[]): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, '--data-dir', dataDir, '--no-sync', 'mcp', ...flags], stderr: 'pipe' });
  const client = new Client({ name: 'clew-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** Writes the tree, indexes it with the real CLI, and connects an MCP client on that data directory. */
async function indexAndConnect(repoDir: string, dataDir: string, tree: Record<string, string>): Promise<Client> {
  ensureBuiltCli();
  writeTree(repoDir, tree);
  const r = cliFor(dataDir).run('--no-sync', 'index', repoDir);
  expect(r.status, r.stderr).toBe(0);
  return connect(dataDir);
}

const textOf = (r: unknown): string => ((r as CallToolResult).content[0] as { text: string }).text;

describe('clew mcp', () => {
  const repo = tempDir('clew-repo-');
  const data = tempDir('clew-data-');
  let client: Client;

  beforeAll(async () => {
    client = await indexAndConnect(repo.path, data.path, SAMPLE_REPO);
  });
  afterAll(async () => {
    await client?.close();
    [repo, data].forEach((d) => d.cleanup());
  });

  it('lists the read tools, and no write tool without --allow-writes', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(READ_TOOLS));
    expect(names).not.toContain('note_add');
    for (const tool of tools) expect(tool.description?.length ?? 0).toBeGreaterThan(20);
  });

  it('answers every read tool with compact JSON from the index', async () => {
    const search = JSON.parse(textOf(await client.callTool({ name: 'search', arguments: { query: 'parse config', limit: 5 } }))) as Array<{ path: string; line: number }>;
    expect(search.length).toBeGreaterThan(0);
    expect(search.map((h) => h.path)).toContain('src/main/java/com/acme/web/UserController.java');

    const files = JSON.parse(textOf(await client.callTool({ name: 'search', arguments: { query: 'health', files: true } }))) as Array<{ path: string; hits: unknown[] }>;
    expect(files[0]).toMatchObject({ path: 'app/server.ts' });
    expect(files[0]?.hits.length).toBeGreaterThan(0);

    const symbol = JSON.parse(textOf(await client.callTool({ name: 'find_symbol', arguments: { name: 'OrderService' } }))) as Array<{ fqn: string; path: string; kind: string }>;
    expect(symbol[0]).toMatchObject({ path: 'app/server.ts', kind: 'class' });

    const outline = JSON.parse(textOf(await client.callTool({ name: 'outline', arguments: { repo: repo.path, path: 'app/server.ts' } }))) as Array<{ fqn: string }>;
    expect(outline.map((s) => s.fqn)).toEqual(expect.arrayContaining(['app/server:health', 'app/server:OrderService']));

    const lines = textOf(await client.callTool({ name: 'read_file', arguments: { repo: repo.path, path: 'py/app.py', startLine: 7, endLine: 9 } }));
    expect(lines).toBe('7: def hello():\n8:     """Say hello."""\n9:     return "hello"');

    const entry = JSON.parse(textOf(await client.callTool({ name: 'entry_points', arguments: { repo: repo.path } }))) as Array<{ path: string | null }>;
    expect(entry.map((e) => e.path)).toEqual(expect.arrayContaining(['/health', '/hello']));

    const deps = JSON.parse(textOf(await client.callTool({ name: 'dependencies', arguments: { repo: repo.path } }))) as { packages: Array<{ name: string }> };
    expect(deps.packages.map((p) => p.name)).toContain('express');

    expect(JSON.parse(textOf(await client.callTool({ name: 'notes', arguments: {} })))).toEqual([]);
    const repos = JSON.parse(textOf(await client.callTool({ name: 'repos', arguments: {} }))) as Array<{ files: number }>;
    expect(repos[0]?.files).toBe(Object.keys(SAMPLE_REPO).length);
    const status = JSON.parse(textOf(await client.callTool({ name: 'status', arguments: {} }))) as { repos: unknown[] };
    expect(status.repos).toHaveLength(1);
  });

  it('keeps every answer within its character budget and says what it left out', async () => {
    const small = textOf(await client.callTool({ name: 'search', arguments: { query: 'e', mode: 'regex', limit: 200, maxChars: 400 } }));
    expect(small.length).toBeLessThan(600);
    expect(small).toMatch(/more rows left out|cut at 400/);
    const file = textOf(await client.callTool({ name: 'read_file', arguments: { repo: repo.path, path: 'app/server.ts', maxChars: 200 } }));
    expect(file).toMatch(/cut at 200 characters/);
  });

  it('search takes caseSensitive and wholeWord for keyword and regex, as the CLI and the UI do', async () => {
    type Hit = { path: string; snippet: string };
    const search = async (args: Record<string, unknown>): Promise<Hit[]> => JSON.parse(textOf(await client.callTool({ name: 'search', arguments: args }))) as Hit[];
    // "Health" in any case: the doc comment, the function and the route; in exact case: the comment only.
    expect((await search({ query: 'Health', mode: 'keyword' })).length).toBeGreaterThan(1);
    const exact = await search({ query: 'Health', mode: 'keyword', caseSensitive: true });
    expect(exact.map((h) => h.snippet)).toEqual(['/** Health check. */']);
    // "order" inside order_detail, orders and OrderService; as a whole word only in "order.html".
    expect((await search({ query: 'order', mode: 'keyword' })).length).toBeGreaterThan(1);
    const whole = await search({ query: 'order', mode: 'keyword', wholeWord: true });
    expect(whole.map((h) => [h.path, h.snippet])).toEqual([['shop/views.py', 'return render(request, "order.html")']]);
    // Regex matches case by default; caseSensitive=false lifts that.
    expect(await search({ query: 'HEALTH', mode: 'regex' })).toEqual([]);
    expect((await search({ query: 'HEALTH', mode: 'regex', caseSensitive: false })).length).toBeGreaterThan(1);
    const wrongMode = await client.callTool({ name: 'search', arguments: { query: 'health', mode: 'symbol', wholeWord: true } });
    expect(wrongMode.isError).toBe(true);
    expect(textOf(wrongMode)).toMatch(/^BAD_REQUEST: caseSensitive and wholeWord need mode keyword or regex/);
  });

  it('refuses bad arguments as MCP errors and keeps serving', async () => {
    const wrongType = await client.callTool({ name: 'search', arguments: { query: 42 } });
    expect(wrongType.isError).toBe(true);
    const filesOutsideAuto = await client.callTool({ name: 'search', arguments: { query: 'health', mode: 'keyword', files: true } });
    expect(filesOutsideAuto.isError).toBe(true);
    expect(textOf(filesOutsideAuto)).toMatch(/^BAD_REQUEST: files=true needs mode auto/);
    const hugeLimit = await client.callTool({ name: 'search', arguments: { query: 'health', limit: 10_000_000 } });
    expect(hugeLimit.isError).toBe(true);
    const outside = await client.callTool({ name: 'read_file', arguments: { repo: repo.path, path: '../../etc/passwd' } });
    expect(outside.isError).toBe(true);
    expect(textOf(outside)).toMatch(/^OUTSIDE_REPO: /);
    const unknownRepo = await client.callTool({ name: 'entry_points', arguments: { repo: '/no/such/repo' } });
    expect(unknownRepo.isError).toBe(true);
    const unknownTool = await client.callTool({ name: 'no_such_tool', arguments: {} });
    expect(unknownTool.isError).toBe(true);
    expect(textOf(unknownTool)).toMatch(/no_such_tool/);
    // Still alive.
    expect(JSON.parse(textOf(await client.callTool({ name: 'repos', arguments: {} })))).toHaveLength(1);
  });

  it('reads while `clew serve` holds the writer lock; note_add needs --allow-writes and the lock free', async () => {
    const serve: ChildProcess = spawn(process.execPath, [CLI, '--data-dir', data.path, '--no-sync', 'serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        serve.stdout?.once('data', () => resolve());
        serve.once('exit', (code) => reject(new Error(`clew serve exited ${code}`)));
      });
      const reader = await connect(data.path);
      try {
        const found = JSON.parse(textOf(await reader.callTool({ name: 'find_symbol', arguments: { name: 'load_settings' } }))) as Array<{ path: string }>;
        expect(found[0]?.path).toBe('py/app.py');
      } finally {
        await reader.close();
      }
      const writer = await connect(data.path, '--allow-writes');
      try {
        const locked = await writer.callTool({ name: 'note_add', arguments: { fqn: 'app/server:health', text: 'liveness probe' } });
        expect(locked.isError).toBe(true);
        expect(textOf(locked)).toMatch(/clew serve|lock/i);
      } finally {
        await writer.close();
      }
    } finally {
      serve.kill('SIGTERM');
      await new Promise((resolve) => serve.once('exit', resolve));
    }
    const writer = await connect(data.path, '--allow-writes');
    try {
      const added = JSON.parse(textOf(await writer.callTool({ name: 'note_add', arguments: { fqn: 'app/server:health', text: 'liveness probe' } }))) as { id: number; state: string };
      expect(added.state).toBe('current');
      const notes = JSON.parse(textOf(await writer.callTool({ name: 'notes', arguments: {} }))) as Array<{ text: string }>;
      expect(notes.map((n) => n.text)).toEqual(['liveness probe']);
    } finally {
      await writer.close();
    }
  });
});

describe('clew mcp navigation tools', () => {
  const repo = tempDir('clew-mcp-nav-repo-');
  const data = tempDir('clew-mcp-nav-data-');
  let client: Client;

  beforeAll(async () => {
    client = await indexAndConnect(repo.path, data.path, NAV_TREE);
  });
  afterAll(async () => {
    await client?.close();
    [repo, data].forEach((d) => d.cleanup());
  });

  const json = async <T>(name: string, args: Record<string, unknown>): Promise<T> => {
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError, textOf(result)).toBeFalsy();
    return JSON.parse(textOf(result)) as T;
  };

  it('definition, references, callers, callees, flow and tree answer compact JSON', async () => {
    expect(await json('definition', { repo: repo.path, path: 'ts/main.ts', line: 10, column: 12 })).toEqual([
      { fqn: 'ts/util:helper', kind: 'function', path: 'ts/util.ts', line: 1, column: 17, confidence: 'exact', signature: 'export function helper(x: number): number' },
    ]);
    expect(await json('definition', { repo: repo.path, path: 'ts/main.ts', line: 3, column: 1 })).toEqual([]);
    const refs = await json<{ targets: Array<{ fqn: string }>; refs: Array<{ path: string; line: number; role: string; candidate?: boolean }>; truncated: boolean }>(
      'references', { repo: repo.path, fqn: 'store:store.Open' });
    expect(refs).toEqual({ targets: [expect.objectContaining({ fqn: 'store:store.Open' })], refs: [expect.objectContaining({ path: 'main.go', line: 6, role: 'call', in: '.:main.main' }), expect.objectContaining({ path: 'store/store.go', role: 'definition' })], truncated: false });
    const byPlace = await json<{ targets: Array<{ fqn: string }> }>('references', { repo: repo.path, path: 'py/app.py', line: 9, column: 16 });
    expect(byPlace.targets.map((t) => t.fqn)).toEqual(['py.pkg.tools.helper']);
    const callers = await json<{ fqn: string; children: Array<{ fqn: string; children: Array<{ cycle?: boolean }> }> }>('callers', { repo: repo.path, fqn: 'ts/main:ping', depth: 3 });
    expect(callers.children.map((c) => c.fqn)).toEqual(['ts/main:pong']);
    expect(callers.children[0]?.children[0]).toMatchObject({ fqn: 'ts/main:ping', cycle: true });
    const callees = await json<{ children: Array<{ fqn: string }> }>('callees', { repo: repo.path, fqn: 'store:store.DB.Get' });
    expect(callees.children.map((c) => c.fqn)).toEqual(['store:store.DB.load']);
    // The end of an FQN names its symbol, as an agent that saw only `DB.Get` would write it.
    expect(await json('callees', { repo: repo.path, fqn: 'DB.Get' })).toEqual(await json('callees', { repo: repo.path, fqn: 'store:store.DB.Get' }));
    const byEnd = await json<{ targets: Array<{ fqn: string }> }>('references', { repo: repo.path, fqn: 'store.Open' });
    expect(byEnd.targets.map((t) => t.fqn)).toEqual(['store:store.Open']);
    const flow = await json<{ entry: { path: string }; root: { fqn: string; children: Array<{ fqn: string; external?: string[] }> } }>('flow', { repo: repo.path, entry: 'GET /owners/:id' });
    expect(flow.root.children).toEqual([expect.objectContaining({ fqn: 'web/lib:helper', external: [expect.stringMatching(/^http fetch/)] })]);
    const tree = await json<Array<{ path: string; kind: string }>>('tree', { repo: repo.path, path: 'ts' });
    expect(tree.map((t) => t.path)).toEqual(['ts/other', 'ts/loose.ts', 'ts/main.ts', 'ts/shapes.ts', 'ts/util.ts']);
  });

  it('keeps navigation answers within the budget, and refuses bad arguments as MCP errors', async () => {
    const small = await json<{ refs: unknown[]; truncated: boolean }>('references', { repo: repo.path, fqn: 'ts/util:helper', maxChars: 400 });
    expect(JSON.stringify(small).length).toBeLessThanOrEqual(400);
    expect(small.truncated).toBe(true);
    const neither = await client.callTool({ name: 'references', arguments: { repo: repo.path } });
    expect(neither.isError).toBe(true);
    expect(textOf(neither)).toMatch(/^BAD_REQUEST/);
    const deep = await client.callTool({ name: 'callees', arguments: { repo: repo.path, fqn: 'store:store.DB.Get', depth: 1000 } });
    expect(deep.isError).toBe(true);
    const wrongType = await client.callTool({ name: 'definition', arguments: { repo: repo.path, path: 'ts/main.ts', line: 'ten', column: 1 } });
    expect(wrongType.isError).toBe(true);
    const missing = await client.callTool({ name: 'definition', arguments: { repo: repo.path, path: 'ts/none.ts', line: 1, column: 1 } });
    expect(textOf(missing)).toMatch(/^NOT_FOUND/);
    const noSymbol = await client.callTool({ name: 'callers', arguments: { repo: repo.path, fqn: 'no:such' } });
    expect(textOf(noSymbol)).toMatch(/^NOT_FOUND/);
    const noTarget = await client.callTool({ name: 'references', arguments: { repo: repo.path, fqn: 'no:such' } });
    expect(noTarget.isError).toBe(true);
    expect(textOf(noTarget)).toBe('NOT_FOUND: no symbol no:such');
    // An end several FQNs share names no one symbol: the error lists them.
    const shared = await client.callTool({ name: 'references', arguments: { repo: repo.path, fqn: 'helper' } });
    expect(shared.isError).toBe(true);
    expect(textOf(shared)).toMatch(/^BAD_REQUEST: helper ends \d+ symbols' FQNs; give more of the one you mean: .*ts\/util:helper \(ts\/util\.ts:1\)/);
    const hugeLimit = await client.callTool({ name: 'tree', arguments: { repo: repo.path, limit: 10_000_000 } });
    expect(hugeLimit.isError).toBe(true);
    // Still serving.
    expect(await json('tree', { repo: repo.path })).toHaveLength(8);
  });
});
