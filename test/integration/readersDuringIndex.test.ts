// Readers in their own processes during another process's index run: `clew search` and `clew mcp`
// answer from the files committed so far and say the repo is still being indexed (x of y files, from
// the repo rows the writer commits with each batch), as do `clew status` and the MCP `repos` tool; once
// the run ends they no longer say so. A killed writer's leftovers are not believed, and the next writer
// clears them.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/core/backend.js';
import { databaseFile } from '../../electron/core/dataDir.js';
import type { IndexProgress, SearchResponse, StatusReport } from '../../shared/types.js';
import { call, openWriter } from '../helpers/backend.js';
import { waitFor } from '../helpers/chroma.js';
import { CLI, cliFor, ensureBuiltCli } from '../helpers/cli.js';
import { openMigrated } from '../helpers/db.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smallTree } from '../helpers/smallTree.js';

const FILES = 1500;

/** One tool call through a real `clew mcp` child: the texts of its answer. */
async function mcpCall(dataDir: string, name: string, args: Record<string, unknown>): Promise<string[]> {
  const client = new Client({ name: 'clew-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, '--data-dir', dataDir, '--no-sync', 'mcp'], stderr: 'pipe' }));
  try {
    const result = await client.callTool({ name, arguments: args }) as CallToolResult;
    return result.content.map((c) => (c as { text: string }).text);
  } finally {
    await client.close();
  }
}

const mcpSearch = (dataDir: string, query: string): Promise<string[]> => mcpCall(dataDir, 'search', { query, mode: 'keyword', limit: 5 });

describe('readers in other processes during an index run', () => {
  const repo = tempDir('clew-readers-run-repo-');
  const data = tempDir('clew-readers-run-data-');
  const cli = cliFor(data.path);
  const name = repo.path.split('/').pop() ?? '';
  let writer: Backend;
  let run: Promise<unknown>;
  let held = 0;

  beforeAll(async () => {
    ensureBuiltCli();
    writeTree(repo.path, smallTree(FILES, 1));
    writer = openWriter(data.path);
    let last: IndexProgress | null = null;
    let paused: Promise<unknown> | null = null;
    // Held part-way (paused through the channel, as the app does), so every reader sees the same state.
    writer.on('index:progress', (p) => {
      last = p;
      if (!paused && p.phase === 'parsing' && p.filesDone >= 300) paused = writer.invoke('repo:pause', { repo: repo.path });
    });
    run = call(writer, 'repo:index', { path: repo.path });
    await waitFor('the pause to be asked', () => paused !== null, 60_000);
    await paused;
    const files = async (): Promise<number> => (await call(writer, 'repo:list', {}))[0]?.files ?? -1;
    await waitFor('the progress said to equal the files committed', async () => (last as IndexProgress | null)?.filesDone === (await files()), 60_000);
    held = await files();
  }, 120_000);

  afterAll(async () => {
    await writer.close();
    repo.cleanup();
    data.cleanup();
  });

  it('clew search says the repo is still being indexed, as far as the writer has committed', () => {
    expect(held).toBeGreaterThanOrEqual(300);
    expect(held).toBeLessThan(FILES);
    const answer = cli.json<SearchResponse>('--no-sync', 'search', '--mode', 'keyword', 'compute');
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.indexing).toEqual([{ repo: repo.path, filesDone: held, filesTotal: FILES }]);
    const text = cli.run('--no-sync', 'search', '--mode', 'keyword', 'compute');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`note: ${name} (${held.toLocaleString()} of 1,500 files) is still being indexed: results may be missing, and search again when it is done.`);
  });

  it('clew mcp adds the same note after the hits, and its repos tool shows the run', async () => {
    const [hits, note, ...rest] = await mcpSearch(data.path, 'compute');
    expect(JSON.parse(hits ?? '[]')).not.toHaveLength(0);
    expect(note).toBe(`Note: ${name} (${held.toLocaleString()} of 1,500 files) is still being indexed: results may be missing, and search again when it is done.`);
    expect(rest).toEqual([]);
    const [repos] = await mcpCall(data.path, 'repos', {});
    expect(JSON.parse(repos ?? '[]')).toMatchObject([{ path: repo.path, files: held, indexing: { filesDone: held, filesTotal: FILES } }]);
  }, 60_000);

  it('clew status shows the run under way', () => {
    expect(cli.json<StatusReport>('--no-sync', 'status').repos).toMatchObject([{ path: repo.path, indexing: { filesDone: held, filesTotal: FILES } }]);
    const text = cli.run('--no-sync', 'status');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(`, indexing now: ${held} of ${FILES} files`);
  });

  it('says nothing once the run has ended', async () => {
    await call(writer, 'repo:resume', { repo: repo.path });
    await run;
    expect(cli.json<SearchResponse>('--no-sync', 'search', '--mode', 'keyword', 'compute').indexing).toBeUndefined();
    expect(await mcpSearch(data.path, 'compute')).toHaveLength(1);
    expect(cli.json<StatusReport>('--no-sync', 'status').repos[0]?.indexing).toBeUndefined();
  }, 120_000);

  it('does not believe a killed writer, and the next writer clears what it left', async () => {
    await writer.close();
    // As a writer killed mid-run leaves the repo row.
    const db = openMigrated(databaseFile(data.path));
    db.prepare('UPDATE repos SET run_files_done = 10, run_files_total = 20').run();
    db.close();
    expect(cli.json<SearchResponse>('--no-sync', 'search', '--mode', 'keyword', 'compute').indexing).toBeUndefined();
    writer = openWriter(data.path);
    await call(writer, 'status:get', {});
    const check = openMigrated(databaseFile(data.path));
    try {
      expect(check.prepare('SELECT run_files_done, run_files_total FROM repos').all()).toEqual([{ run_files_done: null, run_files_total: null }]);
    } finally {
      check.close();
    }
  }, 60_000);
});
