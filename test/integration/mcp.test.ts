// `clew mcp` as a coding agent runs it: the real CLI as a child process on stdio, driven by the
// official MCP SDK client; every tool, bad arguments, bounds, and reading beside a writer.
import { type ChildProcess, spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { SAMPLE_REPO, tempDir, writeTree } from '../helpers/fixtures.js';

const READ_TOOLS = ['search', 'find_symbol', 'outline', 'read_file', 'entry_points', 'dependencies', 'notes', 'repos', 'status'];

async function connect(dataDir: string, ...flags: string[]): Promise<Client> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, '--data-dir', dataDir, '--no-sync', 'mcp', ...flags], stderr: 'pipe' });
  const client = new Client({ name: 'clew-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const textOf = (r: unknown): string => ((r as CallToolResult).content[0] as { text: string }).text;

describe('clew mcp', () => {
  const repo = tempDir('clew-repo-');
  const data = tempDir('clew-data-');
  let client: Client;

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, SAMPLE_REPO);
    const r = cliFor(data.path).run('--no-sync', 'index', repo.path);
    expect(r.status, r.stderr).toBe(0);
    client = await connect(data.path);
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
